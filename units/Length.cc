#include "units/Length.h"

#include <cmath>

#include "units/QuantityParser.h"

namespace ofe {

Length Length::parse(std::string_view text) {
  static const UnitTable kUnits = {{"mm", 1.0}, {"cm", 10.0}, {"m", 1e3}, {"km", 1e6}};
  const double mm = parseQuantity(text, "length", kUnits);
  requireQuantity(mm >= 0.0, text, "length", "zero or positive");
  requireQuantity(mm < 1e15, text, "length", "below 1,000,000,000 km");
  return Length(static_cast<std::int64_t>(std::llround(mm)));
}

std::string Length::toString() const {
  if (mm_ >= 1'000'000) return formatNumber(kilometresValue()) + " km";
  return formatNumber(metresValue()) + " m";
}

}  // namespace ofe
