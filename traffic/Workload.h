#pragma once
/// @file Workload.h
/// @brief Turns the jobs of a scenario into one plan plus a table of collective instances.

#include <vector>

#include "topology/Fabric.h"
#include "traffic/CollectiveInstance.h"
#include "traffic/FlowInstance.h"
#include "traffic/JobSpec.h"
#include "traffic/Plan.h"

namespace ofe::traffic {

/// Everything the engines and the reports need from a workload.
struct WorkloadPlan {
  Plan plan;
  std::vector<CollectiveInstance> collectives;      ///< in plan order; index = Transfer::collective
  std::vector<FlowInstance> flows;                  ///< of traffic-matrix jobs, in plan order
  std::vector<std::vector<topology::NodeId>> placements;  ///< per job, the GPU of each rank
};

/// S of each size of a sweep: minBytes, 2 minBytes, 4 minBytes, ... while not
/// above maxBytes (nccl-tests -b/-e/-f 2). 1 KiB..256 MiB gives 19 sizes.
/// @throws std::invalid_argument when minBytes < 1 or maxBytes < minBytes.
std::vector<Bytes> sweepSizes(const CollectiveSpec& spec);

/// Places every job (in order; collective jobs on disjoint GPUs, see
/// placeRanks; a `flows` job over any GPUs, shared with other jobs) and
/// expands it: a collective job's collectives in order (each spec, each
/// sweep size, each iteration); a traffic matrix into one transfer per flow
/// (expandFlows), independent of each other, each ready at job.start + its
/// own start.
/// Algorithm and protocol Auto become NCCL's choice for the size (NcclTuner
/// over the job's NcclTopology). The first iteration of every size starts
/// with a barrier waiting for every rank of the previous instance (nccl-tests
/// synchronises before each size); later iterations of the same size start
/// at rank r once the previous iteration is done at r (its final-round
/// transfers at r). Everything waits for job.start; jobs do not wait for
/// each other. Hierarchical instances take their domains from ScaleUpDomains::of.
/// @throws std::invalid_argument from placement, sizes, the choice (a
/// protocol or nccl_channels on a flat schedule, an algorithm NCCL cannot
/// run here) or the algorithms (message prefixed with the job name).
WorkloadPlan buildWorkload(const topology::Fabric& fabric, const std::vector<JobSpec>& jobs);

}  // namespace ofe::traffic
