#pragma once
/// @file Node.h
/// @brief A vertex of the fabric: GPU, switch, OCS or a passive optical site.

#include <string>

#include "topology/Ids.h"

namespace ofe::topology {

/// What a node is. GPUs and switches process packets; the rest are passive
/// optical elements that links pass through (see Link::spans).
enum class NodeKind {
  Gpu,             ///< a GPU with its NIC port(s)
  PacketSwitch,    ///< Ethernet/InfiniBand switch (leaf, spine, core, border)
  ScaleUpSwitch,   ///< NVSwitch-class switch of a server's scale-up domain
  CircuitSwitch,   ///< optical circuit switch (passive to packets)
  Amplifier,       ///< terrestrial in-line amplifier site
  Repeater,        ///< submarine repeater
  Roadm,           ///< ROADM / terminal site of a terrestrial route
  LandingStation,  ///< submarine cable landing station
};

/// "gpu", "packet-switch", "scale-up-switch", "circuit-switch", "amplifier",
/// "repeater", "roadm", "landing-station".
const char* toString(NodeKind kind);

/// True for kinds that forward packets (GPU, packet and scale-up switches).
bool isPacketNode(NodeKind kind);

/// A node and where it stands. Fields that do not apply are -1.
struct Node {
  NodeId id = kNoNode;
  std::string name;   ///< unique in the fabric, e.g. "siteA/pod0/leaf3"
  NodeKind kind = NodeKind::PacketSwitch;
  std::string model;  ///< catalog key of its SwitchModel/GpuModel/CircuitSwitchModel/AmplifierModel; empty for sites
  std::string site;   ///< site (data centre or route) it belongs to
  int pod = -1;       ///< pod / scalable unit / dragonfly group
  int rack = -1;      ///< rack or server index within the pod
  int tier = -1;      ///< switches: 0 leaf/ToR, 1 spine, 2 core/superspine, 3 border
  int rail = -1;      ///< rail-optimised pods: the rail a GPU or leaf serves
  int slot = -1;      ///< GPUs: index within the server (0..7)
};

}  // namespace ofe::topology
