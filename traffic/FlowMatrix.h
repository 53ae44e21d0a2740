#pragma once
/// @file FlowMatrix.h
/// @brief Expands a traffic-matrix job into point-to-point flows.

#include <string>
#include <vector>

#include "topology/Fabric.h"
#include "traffic/FlowSpec.h"
#include "units/Bytes.h"
#include "units/Duration.h"

namespace ofe::traffic {

/// One flow of a traffic matrix.
struct FlowDemand {
  topology::NodeId src = topology::kNoNode;
  topology::NodeId dst = topology::kNoNode;
  Bytes bytes;
  Duration start;  ///< after the job's start
};

/// The flows of @p spec over @p ranks (the job's GPUs), in a fixed order:
/// by source rank (then destination rank for all-to-all), or as drawn
/// (uniform-random), or as listed. One std::mt19937_64 seeded with
/// spec.seed draws, in this order, the pattern (permutation: Sattolo's
/// shuffle, a single cycle, so nobody sends to itself; uniform-random:
/// source, then destination among the others), then every flow's size,
/// then every gap between starts (exponential with mean meanInterval).
/// @throws std::invalid_argument (prefixed with @p job) for fewer than 2
/// ranks, an incast target outside the ranks, a listed name that is not a
/// GPU, a flow to itself, or sizes below 1 byte.
std::vector<FlowDemand> expandFlows(const topology::Fabric& fabric, const FlowsSpec& spec,
                                    const std::vector<topology::NodeId>& ranks, const std::string& job);

}  // namespace ofe::traffic
