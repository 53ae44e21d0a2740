#include "analysis/FabricQueries.h"

#include <fmt/format.h>

namespace ofe::analysis {

using topology::NodeKind;

std::string linkLabel(const topology::Fabric& fabric, topology::LinkId id) {
  const topology::Link& link = fabric.link(id);
  return fmt::format("{} - {} (link {})", fabric.node(link.a).name, fabric.node(link.b).name, id);
}

bool isScaleUpLink(const topology::Fabric& fabric, const topology::Link& link) {
  return link.module.medium == models::Medium::ScaleUp ||
         fabric.node(link.a).kind == NodeKind::ScaleUpSwitch ||
         fabric.node(link.b).kind == NodeKind::ScaleUpSwitch;
}

bool isSwitch(NodeKind kind) {
  return kind == NodeKind::PacketSwitch || kind == NodeKind::ScaleUpSwitch;
}

bool isAmplifier(NodeKind kind) {
  return kind == NodeKind::Amplifier || kind == NodeKind::Repeater;
}

std::string ratioText(double ratio) {
  return fmt::format("{:.2f}:1", ratio);
}

}  // namespace ofe::analysis
