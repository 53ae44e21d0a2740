#include "scenario/KeyTable.h"

#include <algorithm>
#include <stdexcept>

namespace ofe::scenario {

KeyTable& KeyTable::declare(KeyDoc doc) {
  // A key declared twice would make the docs and the parser disagree on which wins.
  if (has(doc.key)) throw std::logic_error("scenario key declared twice: " + doc.key);
  docs_.push_back(std::move(doc));
  return *this;
}

KeyTable& KeyTable::section(std::string key, std::string type, std::string doc) {
  return declare(KeyDoc{std::move(key), std::move(type), "", std::move(doc), false});
}

KeyTable& KeyTable::required() {
  last().required = true;
  return *this;
}

bool KeyTable::has(const std::string& key) const {
  return std::any_of(docs_.begin(), docs_.end(), [&](const KeyDoc& d) { return d.key == key; });
}

KeyDoc& KeyTable::last() {
  if (docs_.empty()) throw std::logic_error("no scenario key declared yet");
  return docs_.back();
}

}  // namespace ofe::scenario
