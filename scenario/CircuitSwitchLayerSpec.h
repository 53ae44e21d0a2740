#pragma once
/// @file CircuitSwitchLayerSpec.h
/// @brief One `circuit_switch_layers` entry: an OCS layer over named switches or fabrics.

#include <string>
#include <vector>

#include "topology/BuiltPart.h"
#include "topology/CircuitSwitchLayerBuilder.h"
#include "units/Duration.h"

namespace ofe::scenario {

/// One `circuit_switch_layers[].schedule` entry as written: the circuits by
/// the names of the switches they join (topology::CircuitStep once resolved).
struct CircuitStepSpec {
  Duration at;
  std::vector<std::vector<std::string>> connect;  ///< pairs of switch names
};

/// An OCS layer. The switches it joins are `overSwitches` (node names) followed
/// by the top-tier switches of each fabric in `overFabrics`.
struct CircuitSwitchLayerSpec {
  std::vector<std::string> overSwitches;
  std::vector<std::string> overFabrics;
  std::vector<CircuitStepSpec> schedule;
  topology::CircuitSwitchLayerParams params;  ///< params.switches is filled in by the loader
  topology::BuiltPart part;
};

}  // namespace ofe::scenario
