#include "analysis/ElementPower.h"

#include <fmt/format.h>

namespace ofe::analysis {

using topology::NodeKind;

const char* toString(PowerKind kind) {
  switch (kind) {
    case PowerKind::Gpu:
      return "gpus";
    case PowerKind::Nic:
      return "nics";
    case PowerKind::Optics:
      return "optics";
    case PowerKind::PacketSwitch:
      return "packet_switches";
    case PowerKind::ScaleUpSwitch:
      return "scale_up_switches";
    case PowerKind::CircuitSwitch:
      return "circuit_switches";
    case PowerKind::Amplifier:
      return "amplifiers";
    case PowerKind::Repeater:
      return "repeaters";
  }
  return "?";
}

std::vector<ElementPower> elementPowers(const topology::Fabric& fabric) {
  std::vector<ElementPower> out;
  const models::Catalog& catalog = fabric.catalog();
  const auto add = [&](std::string name, PowerKind kind, const topology::Node& node, Power power,
                       topology::LinkId link = topology::kNoLink) {
    out.push_back(ElementPower{std::move(name), kind, node.site, power, node.id, link});
  };
  for (const topology::Node& node : fabric.nodes()) {
    switch (node.kind) {
      case NodeKind::Gpu: {
        const models::GpuModel& g = catalog.gpu(node.model);
        add(node.name, PowerKind::Gpu, node, g.power);
        if (g.nics > 0)
          add(node.name + "/nic", PowerKind::Nic, node, g.nicPower * static_cast<double>(g.nics));
        break;
      }
      case NodeKind::PacketSwitch:
        add(node.name, PowerKind::PacketSwitch, node, catalog.packetSwitch(node.model).power);
        break;
      case NodeKind::ScaleUpSwitch:
        add(node.name, PowerKind::ScaleUpSwitch, node, catalog.packetSwitch(node.model).power);
        break;
      case NodeKind::CircuitSwitch:
        add(node.name, PowerKind::CircuitSwitch, node, catalog.circuitSwitch(node.model).power);
        break;
      case NodeKind::Amplifier:
        add(node.name, PowerKind::Amplifier, node, catalog.amplifier(node.model).power);
        break;
      case NodeKind::Repeater:
        add(node.name, PowerKind::Repeater, node, catalog.amplifier(node.model).power);
        break;
      case NodeKind::Roadm:
      case NodeKind::LandingStation:
        break;
    }
  }
  for (const topology::Link& link : fabric.links()) {
    if (link.standby) continue;  // its modules are those of the circuits it replaces
    for (topology::NodeId end : {link.a, link.b}) {
      const topology::Node& node = fabric.node(end);
      add(fmt::format("{} optics (link {})", node.name, link.id), PowerKind::Optics, node,
          link.module.power * static_cast<double>(link.channels), link.id);
    }
  }
  return out;
}

}  // namespace ofe::analysis
