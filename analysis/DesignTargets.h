#pragma once
/// @file DesignTargets.h
/// @brief Optional limits a design must meet; unset limits leave the checks informational.

#include <optional>

#include "units/Duration.h"
#include "units/Power.h"

namespace ofe::analysis {

/// Targets for `ofe validate`. Each one turns a check from informational
/// (PASS/WARN) into one that can FAIL. The app maps scenario targets onto this.
struct DesignTargets {
  /// Worst-case GPU-to-GPU one-way latency allowed, any pair.
  std::optional<Duration> maxLatency;
  /// Worst-case GPU-to-GPU one-way latency allowed between GPUs of two different
  /// sites (e.g. 20 ms between national hubs); pairs inside one site are not held to it.
  std::optional<Duration> maxSiteLatency;
  /// Lowest acceptable bisection ratio (max-flow / ideal), e.g. 0.5.
  std::optional<double> minBisectionRatio;
  /// Highest acceptable downlink:uplink capacity ratio of any tiered switch, e.g. 3.0 for 3:1.
  std::optional<double> maxOversubscription;
  /// Power budget of the whole fabric (GPUs, NICs, switches, optics, amplifiers).
  std::optional<Power> maxPower;
};

}  // namespace ofe::analysis
