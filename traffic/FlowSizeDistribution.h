#pragma once
/// @file FlowSizeDistribution.h
/// @brief Flow sizes: one fixed size, or draws from a published CDF.

#include <random>
#include <vector>

#include "traffic/FlowSpec.h"
#include "units/Bytes.h"

namespace ofe::traffic {

/// Draws flow sizes by inverse transform over a piecewise-linear CDF, the
/// form in which the datacenter-traffic literature publishes workloads
/// (e.g. the web-search and Hadoop CDFs used by DCTCP, pFabric, HPCC and
/// Homa; their generators interpolate linearly between the points too). A
/// draw u in [0, 1) at or below the first point's probability gives the
/// first point's size; between two points the size is interpolated.
class FlowSizeDistribution {
 public:
  /// A fixed size.
  explicit FlowSizeDistribution(Bytes fixed);
  /// @throws std::invalid_argument unless the points increase in both
  /// columns, sizes are >= 1 byte, and the last probability is 1.
  explicit FlowSizeDistribution(std::vector<SizeCdfPoint> cdf);

  Bytes draw(std::mt19937_64& rng) const;
  /// Mean of the distribution (the fixed size, or the CDF's mean).
  double meanBytes() const;
  bool fixed() const { return cdf_.empty(); }

 private:
  Bytes fixed_;
  std::vector<SizeCdfPoint> cdf_;
};

}  // namespace ofe::traffic
