#include "units/Energy.h"

#include "units/QuantityParser.h"

namespace ofe {

Energy Energy::parse(std::string_view text) {
  static const UnitTable kUnits = {{"J", 1.0},    {"kJ", 1e3},   {"MJ", 1e6}, {"GJ", 1e9},
                                   {"Wh", 3.6e3}, {"kWh", 3.6e6}, {"MWh", 3.6e9}};
  const double j = parseQuantity(text, "energy", kUnits);
  requireQuantity(j >= 0.0, text, "energy", "zero or positive");
  return Energy(j);
}

std::string Energy::toString() const {
  if (joules_ >= 3.6e6) return formatNumber(kilowattHours()) + " kWh";
  if (joules_ >= 1e3) return formatNumber(joules_ * 1e-3) + " kJ";
  return formatNumber(joules_) + " J";
}

}  // namespace ofe
