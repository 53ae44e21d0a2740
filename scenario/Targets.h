#pragma once
/// @file Targets.h
/// @brief Design targets a scenario states, for the checks that run after it.

#include <optional>

#include "units/DataRate.h"
#include "units/Duration.h"

namespace ofe::scenario {

/// What the run should achieve. Unset targets are not checked.
struct Targets {
  std::optional<Duration> maxCollectiveTime;   ///< every collective (each size) finishes within this
  std::optional<DataRate> minBusBandwidth;     ///< nccl-tests busbw of the largest size at least this
  std::optional<Duration> maxSiteLatency;      ///< one-way latency between any two sites at most this
  std::optional<double> maxLinkUtilization;    ///< busiest link's mean utilisation, 0..1
  bool lossless = false;                       ///< true: no packet may be dropped
};

}  // namespace ofe::scenario
