#include "units/PmdCoefficient.h"

#include "units/QuantityParser.h"

namespace ofe {

PmdCoefficient PmdCoefficient::parse(std::string_view text) {
  static const UnitTable kUnits = {{"ps/sqrt(km)", 1}, {"ps/km^0.5", 1}};
  const double v = parseQuantity(text, "PMD coefficient", kUnits);
  requireQuantity(v >= 0.0, text, "PMD coefficient", "zero or positive");
  return PmdCoefficient(v);
}

std::string PmdCoefficient::toString() const {
  return formatNumber(value_) + " ps/sqrt(km)";
}

}  // namespace ofe
