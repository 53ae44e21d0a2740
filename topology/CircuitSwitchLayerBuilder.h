#pragma once
/// @file CircuitSwitchLayerBuilder.h
/// @brief A layer of optical circuit switches joining packet switches (Jupiter / TPU v4 style).

#include <string>
#include <vector>

#include "topology/BuiltPart.h"
#include "topology/CircuitStep.h"
#include "topology/Fabric.h"
#include "units/Length.h"

namespace ofe::topology {

/// Parameters of an OCS layer over given packet switches. Each switch sends
/// uplink u to OCS u mod circuitSwitches; each OCS cross-connects its switches
/// pairwise by a shifted matching, so every circuit is a link switch-OCS-switch.
struct CircuitSwitchLayerParams {
  std::vector<NodeId> switches;  ///< the packet switches to join (e.g. every pod's spines)
  int circuitSwitches = 4;
  int uplinksPerSwitch = 4;
  std::string site = "dc";
  std::string prefix = "ocs";  ///< OCS nodes are named "<site>/<prefix><index>", e.g. "dc/ocs3"
  std::string circuitSwitchModel = "ocs-136";
  std::string module = "800G-2xFR4";
  std::string fibre = "smf-1310";
  Length switchToOcsLength = Length::metres(200);
  /// Reconfigurations, in increasing time at least one reconfiguration time
  /// apart (a Jupiter-style topology-engineering step each).
  std::vector<CircuitStep> schedule;
};

/// Adds the OCS nodes (passive) and switches x uplinks / 2 circuits as links.
/// Each step of the schedule keeps the circuits it still lists, takes the
/// others down at its time (BuiltPart::linkEvents) and places each new circuit
/// on the lowest-numbered OCS with a free port towards both its switches,
/// as a standby link (Link::standby) that comes up the OCS model's
/// reconfiguration time later.
/// @throws std::invalid_argument when an OCS would exceed its port count, or a
/// step is out of order, names a switch outside the layer or a switch with
/// itself, or needs a port no OCS has free.
BuiltPart buildCircuitSwitchLayer(Fabric& fabric, const CircuitSwitchLayerParams& params);

}  // namespace ofe::topology
