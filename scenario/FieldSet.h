#pragma once
/// @file FieldSet.h
/// @brief Binds scenario keys to fields of one struct: read, check, document and write them.

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "scenario/KeyTable.h"
#include "scenario/Reference.h"
#include "scenario/ValueCodec.h"
#include "scenario/YamlCursor.h"

namespace ofe::scenario {

/// Says whether a name of a given kind exists; returns the error message when it does not.
using ReferenceCheck = std::function<std::optional<std::string>(Reference, const std::string&)>;

/// The keys of one YAML map bound to fields of @p T. Each key is declared once
/// with add(key, &T::field, doc); its type and default come from the field's
/// C++ type and from a default-constructed T, so neither can drift from the
/// struct. Keys the loader handles itself are declared with section().
template <typename T>
class FieldSet : public KeyTable {
 public:
  /// How one key reads into and writes out of a T.
  struct Binding {
    std::string key;
    std::function<void(const YAML::Node&, T&)> read;     ///< empty for section keys
    std::function<void(YAML::Emitter&, const T&)> write;  ///< emits the value only
    std::function<bool(const T&)> writable;
    std::function<std::vector<std::string>(const T&)> names;  ///< string values, for references
    std::function<std::optional<double>(const T&)> numeric;   ///< number values, for ranges
    std::function<void(const T&)> check;                      ///< throws std::invalid_argument
    Reference ref = Reference::None;
  };

  /// Declares @p key bound to @p member.
  template <typename M>
  FieldSet& add(std::string key, M T::*member, std::string doc) {
    return bind<M>(
        std::move(key), [member](T& t) -> M& { return t.*member; },
        [member](const T& t) -> const M& { return t.*member; }, std::move(doc));
  }

  /// Declares @p key bound to @p member of the struct @p outer, a member of T
  /// (e.g. the LineSettings a long-haul route and a submarine cable share).
  template <typename M, typename S>
  FieldSet& add(std::string key, S T::*outer, M S::*member, std::string doc) {
    return bind<M>(
        std::move(key), [outer, member](T& t) -> M& { return (t.*outer).*member; },
        [outer, member](const T& t) -> const M& { return (t.*outer).*member; }, std::move(doc));
  }

  /// Declares @p key with hand-written read/write (for keys that are not one field).
  FieldSet& custom(KeyDoc doc, Binding binding) {
    binding.key = doc.key;
    declare(std::move(doc));
    bindings_.push_back(std::move(binding));
    return *this;
  }

  /// Declares a list or map key that the loader parses itself.
  FieldSet& section(std::string key, std::string type, std::string doc) {
    KeyTable::section(key, std::move(type), std::move(doc));
    Binding b;
    b.key = std::move(key);
    bindings_.push_back(std::move(b));
    return *this;
  }

  /// Marks the last key as required.
  FieldSet& required() {
    KeyTable::required();
    return *this;
  }

  /// The last key names a @p ref; the loader checks the name exists.
  FieldSet& refers(Reference ref) {
    if (!lastBinding().names) throw std::logic_error("only string keys can refer: " + last().key);
    lastBinding().ref = ref;
    last().type += fmt::format(" ({} name{})", describe(ref), last().type == "string" ? "" : "s");
    return *this;
  }

  /// The last (string) key takes one of @p values (replaces any earlier check).
  FieldSet& oneOf(std::vector<std::string> values) {
    Binding& b = lastBinding();
    if (!b.names) throw std::logic_error("only string keys take a list of values: " + last().key);
    std::string list;
    for (const std::string& v : values) list += (list.empty() ? "" : ", ") + v;
    last().type = "enum: " + list;
    auto names = b.names;
    b.check = [names, values, list](const T& in) {
      for (const std::string& name : names(in)) {
        if (std::find(values.begin(), values.end(), name) == values.end()) {
          throw std::invalid_argument(fmt::format("'{}' is not one of: {}", name, list));
        }
      }
    };
    return *this;
  }

  /// The last (numeric) key must lie in [lo, hi] (hi inclusive unless @p openHigh);
  /// replaces any earlier check.
  FieldSet& range(double lo, double hi, bool openHigh = false) {
    Binding& b = lastBinding();
    if (!b.numeric) throw std::logic_error("only number keys take a range: " + last().key);
    auto numeric = b.numeric;
    const std::string rule = std::isinf(hi) ? fmt::format("at least {}", lo)
                             : openHigh     ? fmt::format("in [{}, {})", lo, hi)
                                            : fmt::format("in [{}, {}]", lo, hi);
    b.check = [numeric, lo, hi, openHigh, rule](const T& in) {
      const std::optional<double> v = numeric(in);
      if (!v) return;
      if (*v < lo || *v > hi || (openHigh && *v == hi)) {
        throw std::invalid_argument(fmt::format("{} must be {}", codec::number(*v), rule));
      }
    };
    last().doc += " Must be " + rule + ".";
    return *this;
  }

  /// Replaces the documented default of the last key (when it is not a struct default).
  FieldSet& documentDefault(std::string text) {
    last().defaultText = std::move(text);
    return *this;
  }

  /// Reads every key of this set present in @p map into @p out; keys of other
  /// sets are left alone (call YamlCursor::expectKeys first).
  /// @throws ScenarioError at the value for bad values, at the map for missing required keys.
  void read(const YamlCursor& map, T& out) const {
    map.expectMap();
    for (std::size_t i = 0; i < bindings_.size(); ++i) {
      const Binding& b = bindings_[i];
      const YamlCursor value = map[b.key];
      if (!value.present()) {
        if (docs()[i].required) value.fail(fmt::format("missing required key '{}'", b.key));
        continue;
      }
      if (!b.read) continue;
      try {
        b.read(value.node(), out);
        if (b.check) b.check(out);
      } catch (const std::invalid_argument& e) {
        value.fail(e.what());
      }
    }
  }

  /// Checks that every name a reference key holds exists, pointing at the key
  /// (or the list item) when it was written, at the map when it is a default.
  void checkReferences(const YamlCursor& map, const T& in, const ReferenceCheck& exists) const {
    for (const Binding& b : bindings_) {
      if (b.ref == Reference::None) continue;
      const YamlCursor value = map[b.key];
      const std::vector<std::string> names = b.names(in);
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (const auto error = exists(b.ref, names[i])) {
          (value.node().IsSequence() ? value[i] : value).fail(*error);
        }
      }
    }
  }

  /// Emits "key: value" for every bound key whose value can be written.
  void write(YAML::Emitter& e, const T& in) const {
    for (const Binding& b : bindings_) {
      if (!b.write || !b.writable(in)) continue;
      e << YAML::Key << b.key << YAML::Value;
      b.write(e, in);
    }
  }

  /// Emits one value: lists as flow sequences, everything else as its text.
  template <typename V>
  static void writeValue(YAML::Emitter& e, const V& v) {
    if constexpr (std::is_same_v<V, std::vector<std::string>> || std::is_same_v<V, std::vector<int>>) {
      e << YAML::Flow << YAML::BeginSeq;
      for (const auto& item : v) e << ValueCodec<typename V::value_type>::text(item);
      e << YAML::EndSeq;
    } else {
      e << ValueCodec<V>::text(v);
    }
  }

 private:
  /// Declares @p key on the field that @p field / @p view reach in a T.
  template <typename M, typename Field, typename View>
  FieldSet& bind(std::string key, Field field, View view, std::string doc) {
    Binding b;
    b.key = key;
    b.read = [field](const YAML::Node& node, T& out) { field(out) = ValueCodec<M>::read(node); };
    b.write = [view](YAML::Emitter& e, const T& in) { writeValue(e, view(in)); };
    b.writable = [view](const T& in) { return ValueCodec<M>::writable(view(in)); };
    if constexpr (std::is_same_v<M, std::string>) {
      b.names = [view](const T& in) { return std::vector<std::string>{view(in)}; };
    } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
      b.names = [view](const T& in) { return view(in); };
    } else if constexpr (std::is_arithmetic_v<M> && !std::is_same_v<M, bool>) {
      b.numeric = [view](const T& in) { return std::optional<double>(static_cast<double>(view(in))); };
    } else if constexpr (std::is_same_v<M, std::optional<double>>) {
      b.numeric = [view](const T& in) { return view(in); };
    }
    const T defaults = T();  // value-initialised: works for aggregates with explicit-constructor members
    std::string shown = ValueCodec<M>::writable(view(defaults)) ? ValueCodec<M>::text(view(defaults)) : "";
    if constexpr (std::is_same_v<M, std::string>) {
      if (shown.empty()) shown = "\"\"";
    }
    declare(KeyDoc{key, ValueCodec<M>::type(), shown, std::move(doc), false});
    bindings_.push_back(std::move(b));
    return *this;
  }

  Binding& lastBinding() {
    if (bindings_.empty()) throw std::logic_error("no scenario key declared yet");
    return bindings_.back();
  }

  std::vector<Binding> bindings_;
};

}  // namespace ofe::scenario
