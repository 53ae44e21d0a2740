#include "units/EffectiveArea.h"

#include "units/QuantityParser.h"

namespace ofe {

EffectiveArea EffectiveArea::parse(std::string_view text) {
  static const UnitTable kUnits = {{"um2", 1}, {"um^2", 1}, {"m2", 1e12}, {"m^2", 1e12}};
  const double v = parseQuantity(text, "effective area", kUnits);
  requireQuantity(v > 0.0, text, "effective area", "positive");
  return EffectiveArea(v);
}

std::string EffectiveArea::toString() const {
  return formatNumber(value_) + " um2";
}

}  // namespace ofe
