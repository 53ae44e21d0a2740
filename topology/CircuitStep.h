#pragma once
/// @file CircuitStep.h
/// @brief One reconfiguration of an OCS layer: the circuits it holds from a given time on.

#include <utility>
#include <vector>

#include "topology/Ids.h"
#include "units/Duration.h"

namespace ofe::topology {

/// From `at` on, the layer's circuits are `connect` (pairs of the layer's
/// packet switches; a pair listed k times is k circuits). Circuits in both
/// the old and the new set stay; the others go down at `at`, and the new ones
/// come up the OCS's reconfiguration time later.
struct CircuitStep {
  Duration at;
  std::vector<std::pair<NodeId, NodeId>> connect;
};

}  // namespace ofe::topology
