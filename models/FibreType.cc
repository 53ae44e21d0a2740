#include "models/FibreType.h"

#include <cmath>

namespace ofe::models {

namespace {
constexpr long double kSpeedOfLightMetresPerSecond = 299'792'458.0L;
}

Duration FibreType::delayOver(Length length) const {
  // mm * 1e-3 m * n / c seconds * 1e12 ps = mm * n * 1e9 / c ps.
  const long double ps =
      static_cast<long double>(length.mm()) * groupIndex * 1e9L / kSpeedOfLightMetresPerSecond;
  return Duration::picoseconds(static_cast<std::int64_t>(std::llround(ps)));
}

}  // namespace ofe::models
