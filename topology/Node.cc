#include "topology/Node.h"

namespace ofe::topology {

const char* toString(NodeKind kind) {
  switch (kind) {
    case NodeKind::Gpu: return "gpu";
    case NodeKind::PacketSwitch: return "packet-switch";
    case NodeKind::ScaleUpSwitch: return "scale-up-switch";
    case NodeKind::CircuitSwitch: return "circuit-switch";
    case NodeKind::Amplifier: return "amplifier";
    case NodeKind::Repeater: return "repeater";
    case NodeKind::Roadm: return "roadm";
    case NodeKind::LandingStation: return "landing-station";
  }
  return "unknown";
}

bool isPacketNode(NodeKind kind) {
  return kind == NodeKind::Gpu || kind == NodeKind::PacketSwitch || kind == NodeKind::ScaleUpSwitch;
}

}  // namespace ofe::topology
