#pragma once
/// @file ElementPower.h
/// @brief The electrical power of every element of a fabric, one entry each, with its site.

#include <string>
#include <vector>

#include "topology/Fabric.h"
#include "units/Power.h"

namespace ofe::analysis {

/// Kinds of powered equipment, as PowerCheck sums them.
enum class PowerKind {
  Gpu,
  Nic,
  Optics,
  PacketSwitch,
  ScaleUpSwitch,
  CircuitSwitch,
  Amplifier,
  Repeater
};

/// "gpus", "nics", "optics", "packet_switches", "scale_up_switches",
/// "circuit_switches", "amplifiers", "repeaters": the metric names of checkPower.
const char* toString(PowerKind kind);

/// One powered element.
struct ElementPower {
  std::string name;  ///< node name; "<gpu>/nic" for a GPU's NICs; "<node> optics (link <id>)" for
                     ///< one link end
  PowerKind kind = PowerKind::Gpu;
  std::string site;  ///< Node::site of the node (for optics: of the end they sit in)
  Power power;
  topology::NodeId node = topology::kNoNode;  ///< the node, or the end node for optics
  topology::LinkId link = topology::kNoLink;  ///< optics only
};

/// Every powered element with its catalog figure, as computePower() counts
/// them (the figures add up to PowerBreakdown::total()):
///  - per GPU: the GPU (GpuModel::power) and its NICs (nics x nicPower);
///  - per packet / scale-up switch, OCS, amplifier and repeater: its model's power;
///  - per link end: channels x OpticalModule::power (so 2 x channels per link).
/// Order: nodes by id (GPU before its NICs), then link ends by link id (end a first).
/// ROADMs and landing stations have no model and draw nothing here.
std::vector<ElementPower> elementPowers(const topology::Fabric& fabric);

}  // namespace ofe::analysis
