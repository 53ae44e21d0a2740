#pragma once
/// @file EngineSettings.h
/// @brief Everything an engine needs besides the fabric and the plan.

#include <cstdint>
#include <string>

#include "models/SwitchQueueModel.h"
#include "models/TransportModel.h"
#include "units/Duration.h"

namespace ofe::models {

/// Engine-independent run settings, filled from a scenario's `simulation` section.
struct EngineSettings {
  std::string engine = "packet";            ///< "packet" (ns-3) or, later, "fluid"
  std::uint64_t seed = 1;                   ///< ECMP hashing, ECN marking, losses, placement
  Duration stallTimeout = Duration::milliseconds(50);  ///< watchdog: no progress for this long (at least 2 RTOs of the longest path) stops the run
  Duration timeLimit = Duration::milliseconds(0);      ///< 0 = none; else stop at this simulated time
  TransportModel transport;
  SwitchQueueModel queues;
  /// After a link goes down or comes up during a run, switches keep the old
  /// routes this long, then forward on routes recomputed for the new topology
  /// (a controller's or routing protocol's convergence time; 0: at once).
  Duration rerouteDelay = Duration::picoseconds(0);
};

}  // namespace ofe::models
