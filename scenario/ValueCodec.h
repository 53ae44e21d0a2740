#pragma once
/// @file ValueCodec.h
/// @brief How each value type is read from YAML, named in the docs and written back.

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "scenario/EnumTable.h"
#include "units/Attenuation.h"
#include "units/Bytes.h"
#include "units/DataRate.h"
#include "units/Decibel.h"
#include "units/Dispersion.h"
#include "units/Duration.h"
#include "units/EffectiveArea.h"
#include "units/Frequency.h"
#include "units/Length.h"
#include "units/NonlinearCoefficient.h"
#include "units/PmdCoefficient.h"
#include "units/Power.h"
#include "units/PowerLevel.h"
#include "units/SymbolRate.h"

namespace ofe::scenario {

/// Reading and writing one value type. Each specialisation provides
/// `type()` (the name the docs show), `read(node)` (throws
/// std::invalid_argument, UnitError included, on a wrong or malformed value),
/// `text(value)` (the exact YAML spelling, such that read(text) == value) and
/// `writable(value)` (false when the value cannot be spelled, e.g. an unset
/// optional or a zero data rate, so the writer leaves the key to its default).
template <typename V, typename Enable = void>
struct ValueCodec;

namespace codec {

/// The node's scalar text. @throws std::invalid_argument naming @p expected otherwise.
inline std::string scalar(const YAML::Node& node, const char* expected) {
  if (node.IsScalar()) return node.Scalar();
  const char* got = node.IsMap() ? "a map" : node.IsSequence() ? "a list" : "nothing";
  throw std::invalid_argument(fmt::format("expected {}, got {}", expected, got));
}

template <typename I>
I integer(const YAML::Node& node, const char* expected) {
  const std::string text = scalar(node, expected);
  I value{};
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (first != last && *first == '+') ++first;
  const auto [end, err] = std::from_chars(first, last, value);
  if (err == std::errc::result_out_of_range) {
    throw std::invalid_argument(fmt::format("'{}' is out of range for {}", text, expected));
  }
  if (err != std::errc() || end != last || first == last) {
    throw std::invalid_argument(fmt::format("expected {}, got '{}'", expected, text));
  }
  return value;
}

/// @p text when parsing it gives @p value back, else @p exact (a base-unit spelling).
template <typename Q>
std::string roundTrip(const Q& value, const std::string& exact) {
  const std::string shown = value.toString();
  try {
    if (Q::parse(shown) == value) return shown;
  } catch (const std::invalid_argument&) {
  }
  return exact;
}

/// Shortest spelling of a double that reads back to the same double.
inline std::string number(double v) { return fmt::format("{}", v); }

}  // namespace codec

template <>
struct ValueCodec<int> {
  static std::string type() { return "integer"; }
  static int read(const YAML::Node& n) { return codec::integer<int>(n, "an integer"); }
  static std::string text(int v) { return std::to_string(v); }
  static bool writable(int) { return true; }
};

template <>
struct ValueCodec<std::uint64_t> {
  static std::string type() { return "integer"; }
  static std::uint64_t read(const YAML::Node& n) {
    return codec::integer<std::uint64_t>(n, "a non-negative integer");
  }
  static std::string text(std::uint64_t v) { return std::to_string(v); }
  static bool writable(std::uint64_t) { return true; }
};

template <>
struct ValueCodec<double> {
  static std::string type() { return "number"; }
  static double read(const YAML::Node& n) {
    const std::string text = codec::scalar(n, "a number");
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v)) {
      throw std::invalid_argument(fmt::format("expected a number, got '{}'", text));
    }
    return v;
  }
  static std::string text(double v) { return codec::number(v); }
  static bool writable(double) { return true; }
};

template <>
struct ValueCodec<bool> {
  static std::string type() { return "boolean"; }
  static bool read(const YAML::Node& n) {
    // Only true/false: YAML 1.1's yes/no/on/off are a classic source of surprises.
    const std::string text = codec::scalar(n, "true or false");
    if (text == "true") return true;
    if (text == "false") return false;
    throw std::invalid_argument(fmt::format("expected true or false, got '{}'", text));
  }
  static std::string text(bool v) { return v ? "true" : "false"; }
  static bool writable(bool) { return true; }
};

template <>
struct ValueCodec<std::string> {
  static std::string type() { return "string"; }
  static std::string read(const YAML::Node& n) { return codec::scalar(n, "a string"); }
  static std::string text(const std::string& v) { return v; }
  static bool writable(const std::string&) { return true; }
};

template <>
struct ValueCodec<Duration> {
  static std::string type() { return "duration"; }
  static Duration read(const YAML::Node& n) { return Duration::parse(codec::scalar(n, "a duration")); }
  static std::string text(Duration v) { return codec::roundTrip(v, fmt::format("{} ps", v.ps())); }
  static bool writable(Duration) { return true; }
};

template <>
struct ValueCodec<DataRate> {
  static std::string type() { return "data-rate"; }
  static DataRate read(const YAML::Node& n) { return DataRate::parse(codec::scalar(n, "a data rate")); }
  static std::string text(DataRate v) { return codec::roundTrip(v, fmt::format("{} bps", v.bps())); }
  /// A rate of zero (an unset catalog figure) has no valid spelling.
  static bool writable(DataRate v) { return v.bps() > 0; }
};

template <>
struct ValueCodec<Bytes> {
  static std::string type() { return "bytes"; }
  static Bytes read(const YAML::Node& n) { return Bytes::parse(codec::scalar(n, "a byte count")); }
  static std::string text(Bytes v) { return v.toString(); }
  static bool writable(Bytes) { return true; }
};

template <>
struct ValueCodec<Length> {
  static std::string type() { return "length"; }
  static Length read(const YAML::Node& n) { return Length::parse(codec::scalar(n, "a length")); }
  static std::string text(Length v) { return codec::roundTrip(v, fmt::format("{} mm", v.mm())); }
  static bool writable(Length) { return true; }
};

template <>
struct ValueCodec<Decibel> {
  static std::string type() { return "decibel"; }
  static Decibel read(const YAML::Node& n) { return Decibel::parse(codec::scalar(n, "a decibel value")); }
  static std::string text(Decibel v) { return codec::number(v.db()) + " dB"; }
  static bool writable(Decibel) { return true; }
};

template <>
struct ValueCodec<Attenuation> {
  static std::string type() { return "attenuation"; }
  static Attenuation read(const YAML::Node& n) {
    return Attenuation::parse(codec::scalar(n, "an attenuation"));
  }
  static std::string text(Attenuation v) { return codec::number(v.dbPerKmValue()) + " dB/km"; }
  static bool writable(Attenuation) { return true; }
};

template <>
struct ValueCodec<Power> {
  static std::string type() { return "power"; }
  static Power read(const YAML::Node& n) { return Power::parse(codec::scalar(n, "a power")); }
  static std::string text(Power v) { return codec::number(v.wattsValue()) + " W"; }
  static bool writable(Power) { return true; }
};

/// The optical quantities below are written with the unit they are read in
/// (codec::roundTrip falls back to the base unit when the short form would not read back exactly).
template <>
struct ValueCodec<PowerLevel> {
  static std::string type() { return "power-level"; }
  static PowerLevel read(const YAML::Node& n) { return PowerLevel::parse(codec::scalar(n, "a power level")); }
  static std::string text(PowerLevel v) { return codec::number(v.dbmValue()) + " dBm"; }
  static bool writable(PowerLevel) { return true; }
};

template <>
struct ValueCodec<Frequency> {
  static std::string type() { return "frequency"; }
  static Frequency read(const YAML::Node& n) { return Frequency::parse(codec::scalar(n, "a frequency")); }
  static std::string text(Frequency v) { return codec::roundTrip(v, codec::number(v.hertzValue()) + " Hz"); }
  static bool writable(Frequency) { return true; }
};

template <>
struct ValueCodec<SymbolRate> {
  static std::string type() { return "symbol-rate"; }
  static SymbolRate read(const YAML::Node& n) { return SymbolRate::parse(codec::scalar(n, "a symbol rate")); }
  static std::string text(SymbolRate v) { return codec::roundTrip(v, codec::number(v.baudValue()) + " Bd"); }
  /// A zero symbol rate (not coherent, or unknown) has no valid spelling.
  static bool writable(SymbolRate v) { return v.baudValue() > 0.0; }
};

template <>
struct ValueCodec<Dispersion> {
  static std::string type() { return "dispersion"; }
  static Dispersion read(const YAML::Node& n) { return Dispersion::parse(codec::scalar(n, "a dispersion")); }
  static std::string text(Dispersion v) { return codec::number(v.psPerNmKmValue()) + " ps/nm/km"; }
  static bool writable(Dispersion) { return true; }
};

template <>
struct ValueCodec<EffectiveArea> {
  static std::string type() { return "area"; }
  static EffectiveArea read(const YAML::Node& n) { return EffectiveArea::parse(codec::scalar(n, "an area")); }
  static std::string text(EffectiveArea v) { return codec::number(v.squareMicrometresValue()) + " um2"; }
  static bool writable(EffectiveArea) { return true; }
};

template <>
struct ValueCodec<NonlinearCoefficient> {
  static std::string type() { return "nonlinear-coefficient"; }
  static NonlinearCoefficient read(const YAML::Node& n) {
    return NonlinearCoefficient::parse(codec::scalar(n, "a nonlinear coefficient"));
  }
  static std::string text(NonlinearCoefficient v) { return codec::number(v.perWattKmValue()) + " /W/km"; }
  static bool writable(NonlinearCoefficient) { return true; }
};

template <>
struct ValueCodec<PmdCoefficient> {
  static std::string type() { return "pmd-coefficient"; }
  static PmdCoefficient read(const YAML::Node& n) {
    return PmdCoefficient::parse(codec::scalar(n, "a PMD coefficient"));
  }
  static std::string text(PmdCoefficient v) { return codec::number(v.psPerSqrtKmValue()) + " ps/sqrt(km)"; }
  static bool writable(PmdCoefficient) { return true; }
};

/// A launch power: `auto` (the optimum) or a power level per channel.
template <>
struct ValueCodec<models::LaunchPower> {
  static std::string type() { return "power-level or auto"; }
  static models::LaunchPower read(const YAML::Node& n) {
    const std::string text = codec::scalar(n, "a power level or auto");
    if (text == "auto") return models::LaunchPower{true, PowerLevel::dbm(0.0)};
    return models::LaunchPower{false, PowerLevel::parse(text)};
  }
  static std::string text(const models::LaunchPower& v) {
    return v.optimum ? "auto" : ValueCodec<PowerLevel>::text(v.level);
  }
  static bool writable(const models::LaunchPower&) { return true; }
};

/// Enums are written in kebab-case, as listed by EnumTable.
template <typename E>
struct ValueCodec<E, std::enable_if_t<std::is_enum_v<E>>> {
  static std::string values() {
    std::string out;
    for (const auto& [value, name] : EnumTable<E>::entries()) out += (out.empty() ? "" : ", ") + name;
    return out;
  }
  static std::string type() { return "enum: " + values(); }
  static E read(const YAML::Node& n) {
    const std::string text = codec::scalar(n, "a name");
    for (const auto& [value, name] : EnumTable<E>::entries()) {
      if (name == text) return value;
    }
    throw std::invalid_argument(fmt::format("'{}' is not one of: {}", text, values()));
  }
  static std::string text(E v) {
    for (const auto& [value, name] : EnumTable<E>::entries()) {
      if (value == v) return name;
    }
    return "";
  }
  static bool writable(E) { return true; }
};

/// Lists are written as YAML sequences; text() is the flow form "[a, b]".
template <typename V>
struct ValueCodec<std::vector<V>> {
  static std::string type() { return "list of " + ValueCodec<V>::type() + "s"; }
  static std::vector<V> read(const YAML::Node& n) {
    if (!n.IsSequence()) {
      throw std::invalid_argument(fmt::format("expected a list of {}s", ValueCodec<V>::type()));
    }
    std::vector<V> out;
    for (std::size_t i = 0; i < n.size(); ++i) {
      try {
        out.push_back(ValueCodec<V>::read(n[i]));
      } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(fmt::format("item {}: {}", i, e.what()));
      }
    }
    return out;
  }
  static std::string text(const std::vector<V>& v) {
    std::string out;
    for (const V& item : v) out += (out.empty() ? "" : ", ") + ValueCodec<V>::text(item);
    return "[" + out + "]";
  }
  static bool writable(const std::vector<V>&) { return true; }
};

/// An optional value: absent from the file means unset.
template <typename V>
struct ValueCodec<std::optional<V>> {
  static std::string type() { return ValueCodec<V>::type(); }
  static std::optional<V> read(const YAML::Node& n) { return ValueCodec<V>::read(n); }
  static std::string text(const std::optional<V>& v) { return v ? ValueCodec<V>::text(*v) : ""; }
  static bool writable(const std::optional<V>& v) { return v.has_value() && ValueCodec<V>::writable(*v); }
};

}  // namespace ofe::scenario
