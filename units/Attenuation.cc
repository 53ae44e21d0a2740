#include "units/Attenuation.h"

#include "units/QuantityParser.h"

namespace ofe {

Attenuation Attenuation::parse(std::string_view text) {
  static const UnitTable kUnits = {{"dB/km", 1.0}, {"dB/m", 1e3}};
  const double v = parseQuantity(text, "attenuation", kUnits);
  requireQuantity(v >= 0.0, text, "attenuation", "zero or positive");
  return Attenuation(v);
}

std::string Attenuation::toString() const { return formatNumber(dbPerKm_) + " dB/km"; }

}  // namespace ofe
