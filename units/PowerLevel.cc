#include "units/PowerLevel.h"

#include <cmath>

#include "units/QuantityParser.h"

namespace ofe {

PowerLevel PowerLevel::parse(std::string_view text) {
  static const UnitTable kUnits = {{"dBm", 1.0}};
  return PowerLevel(parseQuantity(text, "optical power level", kUnits));
}

double PowerLevel::milliwatts() const { return std::pow(10.0, dbm_ / 10.0); }

std::string PowerLevel::toString() const { return formatNumber(dbm_) + " dBm"; }

}  // namespace ofe
