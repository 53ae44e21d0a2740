#include "units/Bytes.h"

#include <cmath>

#include "units/QuantityParser.h"

namespace ofe {

Bytes Bytes::parse(std::string_view text) {
  static const UnitTable kUnits = {
      {"B", 1.0},          {"KB", 1e3},           {"MB", 1e6},
      {"GB", 1e9},         {"TB", 1e12},          {"KiB", 1024.0},
      {"MiB", 1048576.0},  {"GiB", 1073741824.0}, {"TiB", 1099511627776.0}};
  const double n = parseQuantity(text, "byte count", kUnits);
  requireQuantity(n >= 0.0, text, "byte count", "zero or positive");
  requireQuantity(n < 9.0e18, text, "byte count", "below 8 EiB");
  requireQuantity(n == std::floor(n), text, "byte count", "a whole number of bytes");
  return Bytes(static_cast<std::int64_t>(n));
}

std::string Bytes::toString() const {
  static const char* const kPrefixes[] = {"KiB", "MiB", "GiB", "TiB"};
  std::int64_t value = count_;
  int prefix = -1;
  while (value != 0 && value % 1024 == 0 && prefix < 3) {
    value /= 1024;
    ++prefix;
  }
  if (prefix < 0) return std::to_string(count_) + " B";
  return std::to_string(value) + " " + kPrefixes[prefix];
}

}  // namespace ofe
