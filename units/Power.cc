#include "units/Power.h"

#include "units/QuantityParser.h"

namespace ofe {

Power Power::parse(std::string_view text) {
  static const UnitTable kUnits = {{"mW", 1e-3}, {"W", 1.0}, {"kW", 1e3}, {"MW", 1e6}};
  const double w = parseQuantity(text, "power", kUnits);
  requireQuantity(w >= 0.0, text, "power", "zero or positive");
  return Power(w);
}

std::string Power::toString() const {
  if (watts_ >= 1e6) return formatNumber(watts_ * 1e-6) + " MW";
  if (watts_ >= 1e3) return formatNumber(watts_ * 1e-3) + " kW";
  return formatNumber(watts_) + " W";
}

}  // namespace ofe
