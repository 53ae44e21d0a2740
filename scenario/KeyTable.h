#pragma once
/// @file KeyTable.h
/// @brief The declared keys of one YAML map: what the docs list and what the loader accepts.

#include <string>
#include <vector>

#include "scenario/KeyDoc.h"

namespace ofe::scenario {

/// Keys declared for one YAML map. Untyped: FieldSet<T> adds the bindings to
/// struct fields; a bare KeyTable serves maps whose keys are all sections.
class KeyTable {
 public:
  virtual ~KeyTable() = default;

  /// Declares a key; the loader accepts it and the reference lists it.
  KeyTable& declare(KeyDoc doc);
  /// Declares a key whose value (a list or map) the loader parses itself.
  KeyTable& section(std::string key, std::string type, std::string doc);
  /// Marks the last declared key as required.
  KeyTable& required();

  bool has(const std::string& key) const;
  const std::vector<KeyDoc>& docs() const { return docs_; }

 protected:
  KeyDoc& last();

 private:
  std::vector<KeyDoc> docs_;
};

}  // namespace ofe::scenario
