#include "models/LineSettings.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ofe::models {

std::string toString(Band band) {
  switch (band) {
    case Band::C: return "c";
    case Band::L: return "l";
    case Band::CPlusL: return "c+l";
  }
  return "c";
}

std::vector<SpectrumRange> LineSettings::spectrum() const {
  if (bandStart.has_value() != bandEnd.has_value()) {
    throw std::invalid_argument("band_start and band_end go together: set both or neither");
  }
  if (bandStart) {
    if (!(*bandStart < *bandEnd)) {
      throw std::invalid_argument("band_start " + bandStart->toString() + " must be below band_end " +
                                  bandEnd->toString());
    }
    return {SpectrumRange{*bandStart, *bandEnd}};
  }
  const SpectrumRange c{Frequency::hertz(191.325e12), Frequency::hertz(196.125e12)};
  const SpectrumRange l{Frequency::hertz(186.325e12), Frequency::hertz(190.125e12)};
  switch (band) {
    case Band::C: return {c};
    case Band::L: return {l};
    case Band::CPlusL: return {l, c};
  }
  return {c};
}

Frequency LineSettings::channelSpacingFor(SymbolRate rate, double rollOff) const {
  if (channelSpacing) return *channelSpacing;
  constexpr double kGranularity = 12.5e9;
  constexpr double kFixedGrid = 50e9;
  const double occupied = (1.0 + rollOff) * rate.baudValue();
  // The small tolerance keeps an exact fit (e.g. 62.5 GHz) from rounding up a slot.
  const double slots = std::ceil(occupied / kGranularity - 1e-9);
  return Frequency::hertz(std::max(kFixedGrid, slots * kGranularity));
}

}  // namespace ofe::models
