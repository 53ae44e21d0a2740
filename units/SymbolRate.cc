#include "units/SymbolRate.h"

#include "units/QuantityParser.h"

namespace ofe {

SymbolRate SymbolRate::parse(std::string_view text) {
  static const UnitTable kUnits = {{"Bd", 1}, {"kBd", 1000}, {"MBd", 1e6}, {"GBd", 1e9}};
  const double v = parseQuantity(text, "symbol rate", kUnits);
  requireQuantity(v > 0.0, text, "symbol rate", "positive");
  return SymbolRate(v);
}

std::string SymbolRate::toString() const {
  return formatNumber(value_ / 1e9) + " GBd";
}

}  // namespace ofe
