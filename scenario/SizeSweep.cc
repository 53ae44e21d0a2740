#include "scenario/SizeSweep.h"

#include <fmt/format.h>

#include <stdexcept>

namespace ofe::scenario {

SizeSweep SizeSweep::parse(std::string_view text) {
  const std::size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    throw std::invalid_argument(
        fmt::format("invalid size range '{}': expected '<min>..<max>', e.g. '1KiB..256MiB'", text));
  }
  SizeSweep sweep{Bytes::parse(text.substr(0, dots)), Bytes::parse(text.substr(dots + 2))};
  if (sweep.min.count() <= 0) {
    throw std::invalid_argument(fmt::format("invalid size range '{}': sizes must be positive", text));
  }
  if (sweep.max < sweep.min) {
    throw std::invalid_argument(fmt::format("invalid size range '{}': min is above max", text));
  }
  return sweep;
}

std::string SizeSweep::toString() const { return min.toString() + ".." + max.toString(); }

std::vector<Bytes> SizeSweep::sizes() const {
  std::vector<Bytes> out;
  // Halving max before comparing keeps the doubling from overflowing near 8 EiB.
  for (Bytes s = min;; s = s * 2) {
    out.push_back(s);
    if (s.count() > max.count() / 2) break;
  }
  return out;
}

}  // namespace ofe::scenario
