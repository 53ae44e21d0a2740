#pragma once
/// @file YamlCursor.h
/// @brief A YAML node together with its key path and file, so any error can say where it is.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <initializer_list>
#include <string>

#include "scenario/KeyTable.h"

namespace ofe::scenario {

/// Points at one node of a scenario document. A cursor for a key that is not
/// in its map is "absent": it keeps the path of the missing key and the
/// position of the map, which is where a "missing key" error should point.
class YamlCursor {
 public:
  /// The document root of @p file (its display name in messages).
  YamlCursor(YAML::Node root, std::string file);

  const YAML::Node& node() const { return node_; }
  const std::string& path() const { return path_; }
  const std::string& file() const { return file_; }
  /// True when the key exists (even with an empty value).
  bool present() const { return node_.IsDefined(); }
  /// True when present with a non-empty value.
  bool hasValue() const { return present() && !node_.IsNull(); }

  /// The value of @p key in this map (absent when missing or when this is no map).
  YamlCursor operator[](const std::string& key) const;
  /// Item @p index of this list.
  YamlCursor operator[](std::size_t index) const;
  /// Number of list items (0 when absent or empty).
  std::size_t size() const;

  /// @throws ScenarioError at this node: "FILE:LINE:COL: PATH: message".
  [[noreturn]] void fail(const std::string& message) const;
  /// Fails unless this is a map; an empty value counts as an empty map.
  void expectMap() const;
  /// Fails unless this is a list; an empty value counts as an empty list.
  void expectList() const;
  /// Fails on the first key of this map that none of @p tables declares, or
  /// that appears twice, pointing at that key.
  void expectKeys(std::initializer_list<const KeyTable*> tables) const;
  /// The scalar text of this node. @throws ScenarioError when it is not a scalar.
  std::string text() const;

 private:
  YamlCursor(YAML::Node node, std::string path, YAML::Mark mark, std::string file);
  YamlCursor child(YAML::Node node, std::string path) const;

  YAML::Node node_;
  std::string path_;
  YAML::Mark mark_;
  std::string file_;
};

}  // namespace ofe::scenario
