#pragma once
/// @file LinkUsage.h
/// @brief Per-link figures of a run: bytes, utilisation, queues, drops, ECN, PFC.

#include <vector>

#include "core/RunResult.h"
#include "topology/Fabric.h"

namespace ofe::analysis {

/// Both directions of one link folded into what a report shows.
struct LinkUsage {
  topology::LinkId link = topology::kNoLink;
  Bytes bytes;               ///< both directions, headers included
  std::uint64_t packets = 0;
  double utilization = 0.0;  ///< busier direction: serialising time / run duration
  Bytes maxQueue;            ///< deeper of the two output queues
  double meanQueueBytes = 0.0;  ///< larger of the two time averages
  std::uint64_t drops = 0;
  std::uint64_t lost = 0;    ///< lost on the wire (bit errors)
  std::uint64_t ecnMarks = 0;
  Duration pfcPaused;        ///< longer of the two paused times
};

/// One entry per fabric link, in LinkId order. Utilisation is taken over the
/// whole run (0 to RunResult::end), so an idle tail lowers it.
std::vector<LinkUsage> linkUsage(const topology::Fabric& fabric, const core::RunResult& run);

}  // namespace ofe::analysis
