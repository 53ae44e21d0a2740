#pragma once
/// @file CircuitSwitchLayerSpec.h
/// @brief One `circuit_switch_layers` entry: an OCS layer over named switches or fabrics.

#include <string>
#include <vector>

#include "topology/BuiltPart.h"
#include "topology/CircuitSwitchLayerBuilder.h"

namespace ofe::scenario {

/// An OCS layer. The switches it joins are `overSwitches` (node names) followed
/// by the top-tier switches of each fabric in `overFabrics`.
struct CircuitSwitchLayerSpec {
  std::vector<std::string> overSwitches;
  std::vector<std::string> overFabrics;
  topology::CircuitSwitchLayerParams params;  ///< params.switches is filled in by the loader
  topology::BuiltPart part;
};

}  // namespace ofe::scenario
