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
  int spec = -1;         ///< index of its collective in the job
  traffic::CollectiveOp op = traffic::CollectiveOp::AllReduce;
  traffic::Algorithm algorithm = traffic::Algorithm::FlatRing;  ///< the algorithm that ran
  traffic::Protocol protocol = traffic::Protocol::Auto;         ///< the protocol that ran; Auto: none (flat)
  int channels = 1;      ///< NCCL channels
  int ranks = 0;
  Bytes bytes;           ///< S
  int iteration = 0;
  bool completed = false;
  /// Iteration 0: when every rank was ready (the barrier before the size);
  /// later iterations: when the previous iteration finished.
  Duration start;
  Duration time;         ///< latest finish - start; 0 when not completed
  DataRate algbw;        ///< S / time
  DataRate busbw;        ///< algbw x nccl-tests factor
  Duration estimate;     ///< alpha-beta model of the same schedule on this fabric; 0 when there is none
  Duration ncclPredicted;  ///< NCCL's own tuning model for the algorithm x protocol; 0 when it has none
  Duration alpha;        ///< per-message latency used by the estimate (between servers for NCCL schedules)
  DataRate bandwidth;    ///< per-rank payload rate used by the estimate (ACKs of the reverse data counted)
  /// Hard busbw bound of the schedule that ran (ncclBusBound for NCCL
  /// schedules, the slowest hop for a flat ring), from link rates x mtu /
  /// frame; 0 (none) for flat schedules without a single bottleneck.
  DataRate ceiling;
  Duration fastestRank;  ///< earliest rank finish, from start
  Duration slowestRank;  ///< latest rank finish, from start
};

/// Turns an engine run of a workload into per-instance results. Flat
/// schedules: the estimate's alpha is the one-way time of a frame without
/// payload between consecutive ranks, NIC latencies included (for GPUs of
/// one scale-up domain, GpuModel::scaleUpLatency): their mean for a flat
/// ring (whose steps chain around every link), the slowest pair for other
/// algorithms. Its bandwidth is the slowest pair's bottleneck rate times the
/// payload share of the wire, counting the ACKs of the opposite direction's
/// data (every rank sends and receives). Hierarchical estimates take the
/// same figures over the scale-up links of the first server and over the
/// ring of same-slot GPUs. NCCL schedules: ncclEstimate and ncclBusBound with
/// the scale-up latency and rate, and the slowest pair across servers on
/// ring channel 0.
std::vector<CollectiveResult> collectiveResults(const topology::Fabric& fabric,
                                                const topology::Routing& routing,
                                                const models::TransportModel& transport,
                                                const std::vector<traffic::JobSpec>& jobs,
                                                const traffic::WorkloadPlan& workload,
                                                const core::RunResult& run);

}  // namespace ofe::analysis
