#include "units/NonlinearCoefficient.h"

#include "units/QuantityParser.h"

namespace ofe {

NonlinearCoefficient NonlinearCoefficient::parse(std::string_view text) {
  static const UnitTable kUnits = {{"/W/km", 1}, {"1/W/km", 1}, {"1/(W*km)", 1}, {"/W/m", 1000}, {"1/W/m", 1000}, {"1/(W*m)", 1000}};
  const double v = parseQuantity(text, "nonlinear coefficient", kUnits);
  requireQuantity(v >= 0.0, text, "nonlinear coefficient", "zero or positive");
  return NonlinearCoefficient(v);
}

std::string NonlinearCoefficient::toString() const {
  return formatNumber(value_) + " /W/km";
}

}  // namespace ofe
