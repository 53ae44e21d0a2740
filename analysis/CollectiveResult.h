#pragma once
/// @file CollectiveResult.h
/// @brief Per collective instance: measured time, nccl-tests bandwidths and the alpha-beta estimate.

#include <string>
#include <vector>

#include "core/RunResult.h"
#include "models/TransportModel.h"
#include "topology/Fabric.h"
#include "topology/Routing.h"
#include "traffic/JobSpec.h"
#include "traffic/Workload.h"
#include "units/Bytes.h"
#include "units/DataRate.h"
#include "units/Duration.h"

namespace ofe::analysis {

/// One collective instance as reported (nccl-tests definitions, see docs/collectives.md).
struct CollectiveResult {
  int index = -1;
  std::string job;
  traffic::CollectiveOp op = traffic::CollectiveOp::AllReduce;
  traffic::Algorithm algorithm = traffic::Algorithm::Ring;
  int ranks = 0;
  Bytes bytes;           ///< S
  int iteration = 0;
  bool completed = false;
  Duration start;        ///< earliest start of its transfers
  Duration time;         ///< latest finish - earliest start; 0 when not completed
  DataRate algbw;        ///< S / time
  DataRate busbw;        ///< algbw x nccl-tests factor
  Duration estimate;     ///< alpha-beta model for the same algorithm and fabric
  Duration alpha;        ///< per-message latency used by the estimate
  DataRate bandwidth;    ///< per-rank payload rate used by the estimate (ACKs of the reverse data counted)
  DataRate ceiling;      ///< ring: hard busbw bound, slowest hop's rate x mtu / frame; 0 (none) otherwise
  Duration fastestRank;  ///< earliest rank finish, from start
  Duration slowestRank;  ///< latest rank finish, from start
};

/// Turns an engine run of a workload into per-instance results. The
/// estimate's alpha is the one-way time of a frame without payload between
/// consecutive ranks, NIC latencies included: their mean for a ring (whose steps chain around every
/// link), the slowest pair for other algorithms. Its bandwidth is the slowest
/// pair's bottleneck rate times the payload share of the wire, counting the
/// ACKs of the opposite direction's data (every rank sends and receives).
/// Hierarchical estimates take the same figures over the scale-up links of
/// the first server and over the ring of same-slot GPUs.
std::vector<CollectiveResult> collectiveResults(const topology::Fabric& fabric,
                                                const topology::Routing& routing,
                                                const models::TransportModel& transport,
                                                const std::vector<traffic::JobSpec>& jobs,
                                                const traffic::WorkloadPlan& workload,
                                                const core::RunResult& run);

}  // namespace ofe::analysis
