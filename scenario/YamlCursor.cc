#include "scenario/YamlCursor.h"

#include <fmt/format.h>

#include <set>

#include "scenario/ScenarioError.h"

namespace ofe::scenario {

namespace {

std::string join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "'" + node.Scalar() + "'";
    default: return "nothing";
  }
}

[[noreturn]] void throwAt(const std::string& file, const YAML::Mark& mark, const std::string& path,
                          const std::string& message) {
  // yaml-cpp counts from 0; editors and compilers count from 1.
  const bool known = !mark.is_null();
  throw ScenarioError(file, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0, path, message);
}

}  // namespace

YamlCursor::YamlCursor(YAML::Node root, std::string file)
    : node_(std::move(root)), mark_(YAML::Mark::null_mark()), file_(std::move(file)) {
  if (node_.IsDefined()) mark_ = node_.Mark();
  if (mark_.is_null()) mark_ = YAML::Mark();  // an empty document: point at its start
}

YamlCursor::YamlCursor(YAML::Node node, std::string path, YAML::Mark mark, std::string file)
    : node_(std::move(node)), path_(std::move(path)), mark_(mark), file_(std::move(file)) {}

YamlCursor YamlCursor::child(YAML::Node node, std::string path) const {
  YAML::Mark mark = mark_;
  if (node.IsDefined() && !node.Mark().is_null()) mark = node.Mark();
  return YamlCursor(std::move(node), std::move(path), mark, file_);
}

YamlCursor YamlCursor::operator[](const std::string& key) const {
  if (node_.IsMap()) {
    const YAML::Node& self = node_;  // const lookup: never inserts the key
    YAML::Node value = self[key];
    if (value.IsDefined()) return child(value, join(path_, key));
  }
  return YamlCursor(YAML::Node(YAML::NodeType::Undefined), join(path_, key), mark_, file_);
}

YamlCursor YamlCursor::operator[](std::size_t index) const {
  return child(node_[index], fmt::format("{}[{}]", path_, index));
}

std::size_t YamlCursor::size() const { return node_.IsSequence() ? node_.size() : 0; }

void YamlCursor::fail(const std::string& message) const { throwAt(file_, mark_, path_, message); }

void YamlCursor::expectMap() const {
  if (present() && !node_.IsNull() && !node_.IsMap()) fail("expected a map, got " + describe(node_));
}

void YamlCursor::expectList() const {
  if (present() && !node_.IsNull() && !node_.IsSequence()) {
    fail("expected a list, got " + describe(node_));
  }
}

void YamlCursor::expectKeys(std::initializer_list<const KeyTable*> tables) const {
  expectMap();
  if (!node_.IsMap()) return;
  std::set<std::string> seen;
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    const YAML::Node keyNode = it->first;  // a copy: it-> yields a temporary proxy
    if (!keyNode.IsScalar()) throwAt(file_, keyNode.Mark(), path_, "keys must be plain names");
    const std::string key = keyNode.Scalar();
    bool known = false;
    for (const KeyTable* table : tables) known = known || table->has(key);
    if (!known) {
      std::string expected;
      for (const KeyTable* table : tables) {
        for (const KeyDoc& doc : table->docs()) expected += (expected.empty() ? "" : ", ") + doc.key;
      }
      throwAt(file_, keyNode.Mark(), join(path_, key),
              fmt::format("unknown key '{}' (expected one of: {})", key, expected));
    }
    // yaml-cpp keeps both copies of a repeated key and lookups see the first:
    // the second would be silently ignored.
    if (!seen.insert(key).second) {
      throwAt(file_, keyNode.Mark(), join(path_, key), fmt::format("key '{}' given twice", key));
    }
  }
}

std::string YamlCursor::text() const {
  if (!node_.IsScalar()) fail("expected a single value, got " + describe(node_));
  return node_.Scalar();
}

}  // namespace ofe::scenario
