#include "models/FibreType.h"

#include <cmath>

namespace ofe::models {

namespace {
constexpr long double kSpeedOfLightMetresPerSecond = 299'792'458.0L;
constexpr double kSpeedOfLight = 299'792'458.0;
constexpr double kReferenceWavelength = 1550e-9;  // m; GNPy's ref_wavelength too
constexpr double kPi = 3.14159265358979323846;
}

Duration FibreType::delayOver(Length length) const {
  // mm * 1e-3 m * n / c seconds * 1e12 ps = mm * n * 1e9 / c ps.
  const long double ps =
      static_cast<long double>(length.mm()) * groupIndex * 1e9L / kSpeedOfLightMetresPerSecond;
  return Duration::picoseconds(static_cast<std::int64_t>(std::llround(ps)));
}

NonlinearCoefficient FibreType::nonlinearCoefficient() const {
  if (gamma) return *gamma;
  const double aeff = effectiveArea.squareMicrometresValue() * 1e-12;  // m^2
  const double perWattMetre = 2.0 * kPi * nonlinearIndex / (kReferenceWavelength * aeff);
  return NonlinearCoefficient::perWattKm(perWattMetre * 1e3);
}

double FibreType::beta2Magnitude() const {
  const double d = dispersion.psPerNmKmValue() * 1e-6;  // ps/(nm km) -> s/m^2
  return d * kReferenceWavelength * kReferenceWavelength / (2.0 * kPi * kSpeedOfLight);
}

double FibreType::alphaPerMetre() const { return attenuation.dbPerKmValue() * std::log(10.0) / 10.0 / 1e3; }

}  // namespace ofe::models
