#include "units/Decibel.h"

#include <cmath>

#include "units/QuantityParser.h"

namespace ofe {

Decibel Decibel::parse(std::string_view text) {
  static const UnitTable kUnits = {{"dB", 1.0}};
  return Decibel(parseQuantity(text, "decibel value", kUnits));
}

double Decibel::linear() const { return std::pow(10.0, db_ / 10.0); }

std::string Decibel::toString() const { return formatNumber(db_) + " dB"; }

}  // namespace ofe
