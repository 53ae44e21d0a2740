#include "units/Duration.h"

#include <cmath>
#include <cstdlib>

#include "units/QuantityParser.h"
#include "units/UnitError.h"

namespace ofe {

Duration Duration::fromSeconds(double seconds) {
  const double ps = std::round(seconds * 1e12);
  if (!std::isfinite(ps) || std::fabs(ps) > 9.2e18) {
    throw UnitError("duration out of range: " + formatNumber(seconds) + " s");
  }
  return Duration(static_cast<std::int64_t>(ps));
}

Duration Duration::parse(std::string_view text) {
  static const UnitTable kUnits = {{"ps", 1.0}, {"ns", 1e3}, {"us", 1e6}, {"µs", 1e6},
                                   {"ms", 1e9}, {"s", 1e12}};
  const double ps = parseQuantity(text, "duration", kUnits);
  requireQuantity(ps >= 0.0, text, "duration", "zero or positive");
  requireQuantity(ps < 9.2e18, text, "duration", "below 106 days");
  return Duration(static_cast<std::int64_t>(std::llround(ps)));
}

std::string Duration::toString() const {
  const std::int64_t a = std::llabs(ps_);
  if (a >= 1'000'000'000'000) return formatNumber(static_cast<double>(ps_) * 1e-12) + " s";
  if (a >= 1'000'000'000) return formatNumber(static_cast<double>(ps_) * 1e-9) + " ms";
  if (a >= 1'000'000) return formatNumber(static_cast<double>(ps_) * 1e-6) + " us";
  if (a >= 1'000) return formatNumber(static_cast<double>(ps_) * 1e-3) + " ns";
  return std::to_string(ps_) + " ps";
}

}  // namespace ofe
