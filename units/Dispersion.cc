#include "units/Dispersion.h"

#include "units/QuantityParser.h"

namespace ofe {

Dispersion Dispersion::parse(std::string_view text) {
  static const UnitTable kUnits = {{"ps/nm/km", 1}, {"ps/(nm*km)", 1}, {"ps/(nm km)", 1}, {"s/m2", 1e6}, {"s/m^2", 1e6}};
  const double v = parseQuantity(text, "dispersion", kUnits);
  requireQuantity(v >= 0.0, text, "dispersion", "zero or positive");
  return Dispersion(v);
}

std::string Dispersion::toString() const {
  return formatNumber(value_) + " ps/nm/km";
}

}  // namespace ofe
