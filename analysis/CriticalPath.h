#pragma once
/// @file CriticalPath.h
/// @brief The chain of transfers that decided a collective's time, with each one's latency
/// breakdown.

#include <vector>

#include "analysis/LatencyBreakdown.h"
#include "core/RunResult.h"
#include "models/EngineSettings.h"
#include "topology/Fabric.h"
#include "topology/Routing.h"
#include "traffic/Workload.h"

namespace ofe::analysis {

/// One transfer on a critical path.
struct CriticalStep {
  traffic::TransferId transfer = traffic::kNoTransfer;
  topology::NodeId src = topology::kNoNode;
  topology::NodeId dst = topology::kNoNode;
  int srcRank = -1;
  int dstRank = -1;
  int step = -1;  ///< algorithm step (Transfer::step)
  Bytes bytes;
  Duration start;
  Duration finish;
  /// finish - start split up; `wait` is the gap since the previous step's
  /// finish (or, for the first step, since the collective started).
  LatencyBreakdown breakdown;
  TransferPath path;
};

/// The critical path of one collective instance.
struct CriticalPath {
  int collective = -1;              ///< index into WorkloadPlan::collectives
  bool complete = false;            ///< false when the collective did not complete (no breakdown)
  std::vector<CriticalStep> steps;  ///< in time order
  /// Sum over the steps, plus `wait`; total() equals the collective's measured time exactly.
  LatencyBreakdown total;
  /// Distinct links of the steps' paths, in the order first crossed.
  std::vector<topology::LinkId> links;
};

/// For each collective instance (same order as WorkloadPlan::collectives):
/// starting from its last-finishing transfer, repeatedly step back to the
/// dependency (Transfer::after) that finished last; the walk ends at a
/// transfer with no dependency inside the collective. Ties go to the lowest
/// transfer id. Each step's breakdown is idleBreakdown() over its
/// transferPath() with queueing = measured duration - the fixed components.
std::vector<CriticalPath> criticalPaths(const topology::Fabric& fabric,
                                        const topology::Routing& routing,
                                        const models::EngineSettings& settings,
                                        const traffic::WorkloadPlan& workload,
                                        const core::RunResult& run);

}  // namespace ofe::analysis
