#pragma once
/// @file CollectiveInstance.h
/// @brief One expanded collective of a workload, and how its time is read from an engine run.

#include <vector>

#include "topology/Ids.h"
#include "traffic/JobSpec.h"
#include "traffic/Transfer.h"
#include "units/Bytes.h"
#include "units/Duration.h"

namespace ofe::traffic {

/// A row of WorkloadPlan::collectives. Its transfers are the ids
/// first..last (inclusive) of the plan, and Transfer::collective == index.
struct CollectiveInstance {
  int index = -1;                      ///< position in WorkloadPlan::collectives
  int job = -1;                        ///< index of the job in the workload
  int spec = -1;                       ///< index of its CollectiveSpec in the job
  CollectiveOp op = CollectiveOp::AllReduce;
  Algorithm algorithm = Algorithm::FlatRing;  ///< the algorithm run (Auto resolved)
  Protocol protocol = Protocol::Auto;         ///< the protocol run; Auto for flat schedules (none)
  int channels = 1;                    ///< NCCL channels the data was split over
  Duration ncclPredicted;              ///< NCCL's tuning-model time for algorithm x protocol; 0 when none
  int ranks = 0;
  Bytes bytes;                         ///< S, nccl-tests convention
  int chunks = 1;                      ///< chunks of a flat schedule
  int iteration = 0;                   ///< 0..iterations-1 for this size
  /// The first transfer. Iteration 0 of a size starts with a barrier (an id
  /// of the range, Transfer::barrier) that waits for every rank to finish the
  /// job's previous collective, as nccl-tests does before each size; later
  /// iterations follow the previous one rank by rank.
  TransferId first = kNoTransfer;
  TransferId last = kNoTransfer;
  std::vector<topology::NodeId> nodes; ///< GPU of each rank

  std::size_t transferCount() const { return first == kNoTransfer ? 0 : last - first + 1; }
};

/// When an instance ran, from per-transfer engine results.
struct CollectiveSpan {
  Duration start;   ///< earliest start of its transfers (the barrier's release for iteration 0)
  Duration finish;  ///< latest finish of its transfers
  Duration time() const { return finish - start; }
};

/// Reads an instance's span: start = min over its transfers of @p starts[id],
/// finish = max of @p finishes[id] (both vectors indexed by TransferId, e.g.
/// from core::RunResult::transfers). For iteration 0 the start is the
/// barrier, when every rank was ready. nccl-tests' time of a size is
/// (finish of the last iteration - start of the first) / iterations.
/// @throws std::out_of_range when the vectors do not cover the instance.
CollectiveSpan spanOf(const CollectiveInstance& instance, const std::vector<Duration>& starts,
                      const std::vector<Duration>& finishes);

}  // namespace ofe::traffic
