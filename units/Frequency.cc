#include "units/Frequency.h"

#include "units/QuantityParser.h"

namespace ofe {

Frequency Frequency::parse(std::string_view text) {
  static const UnitTable kUnits = {{"Hz", 1}, {"kHz", 1000}, {"MHz", 1e6}, {"GHz", 1e9}, {"THz", 1e12}};
  const double v = parseQuantity(text, "frequency", kUnits);
  requireQuantity(v > 0.0, text, "frequency", "positive");
  return Frequency(v);
}

std::string Frequency::toString() const {
  // Band edges read best in THz, spacings and bandwidths in GHz.
  if (value_ >= 1e12) return formatNumber(value_ / 1e12) + " THz";
  return formatNumber(value_ / 1e9) + " GHz";
}

}  // namespace ofe
