#include "traffic/FlowSizeDistribution.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "traffic/SeededDraw.h"

namespace ofe::traffic {

FlowSizeDistribution::FlowSizeDistribution(Bytes fixed) : fixed_(fixed) {
  if (fixed.count() < 1) throw std::invalid_argument("a flow needs at least 1 byte");
}

FlowSizeDistribution::FlowSizeDistribution(std::vector<SizeCdfPoint> cdf) : cdf_(std::move(cdf)) {
  if (cdf_.empty()) throw std::invalid_argument("a size CDF needs at least one point");
  for (std::size_t i = 0; i < cdf_.size(); ++i) {
    const SizeCdfPoint& p = cdf_[i];
    if (p.bytes < 1.0) throw std::invalid_argument(fmt::format("CDF point {}: size {} is below 1 byte", i + 1, p.bytes));
    if (p.probability < 0.0 || p.probability > 1.0) {
      throw std::invalid_argument(fmt::format("CDF point {}: probability {} is outside [0, 1]", i + 1, p.probability));
    }
    if (i > 0 && (p.bytes < cdf_[i - 1].bytes || p.probability < cdf_[i - 1].probability)) {
      throw std::invalid_argument(fmt::format("CDF point {}: sizes and probabilities must not decrease", i + 1));
    }
  }
  if (cdf_.back().probability != 1.0) {
    throw std::invalid_argument(
        fmt::format("the last CDF point has probability {}; a CDF ends at 1", cdf_.back().probability));
  }
}

Bytes FlowSizeDistribution::draw(std::mt19937_64& rng) const {
  if (cdf_.empty()) return fixed_;
  const double u = drawUnit(rng);
  const auto it = std::lower_bound(cdf_.begin(), cdf_.end(), u,
                                   [](const SizeCdfPoint& p, double value) { return p.probability < value; });
  double bytes = it->bytes;
  if (it != cdf_.begin() && it->probability > std::prev(it)->probability) {
    const SizeCdfPoint& lo = *std::prev(it);
    bytes = lo.bytes + (it->bytes - lo.bytes) * (u - lo.probability) / (it->probability - lo.probability);
  }
  return Bytes(std::max<std::int64_t>(1, std::llround(bytes)));
}

double FlowSizeDistribution::meanBytes() const {
  if (cdf_.empty()) return static_cast<double>(fixed_.count());
  // The first point is a mass at its size; each segment is uniform between its ends.
  double mean = cdf_.front().bytes * cdf_.front().probability;
  for (std::size_t i = 1; i < cdf_.size(); ++i) {
    mean += 0.5 * (cdf_[i - 1].bytes + cdf_[i].bytes) * (cdf_[i].probability - cdf_[i - 1].probability);
  }
  return mean;
}

}  // namespace ofe::traffic
