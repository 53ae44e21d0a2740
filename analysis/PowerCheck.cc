#include "analysis/PowerCheck.h"

#include <fmt/format.h>

#include <string>
#include <utility>
#include <vector>

namespace ofe::analysis {

using topology::NodeKind;

Power PowerBreakdown::total() const {
  return gpus + nics + optics + packetSwitches + scaleUpSwitches + circuitSwitches + amplifiers +
         repeaters;
}

PowerBreakdown computePower(const topology::Fabric& fabric) {
  PowerBreakdown p;
  const models::Catalog& catalog = fabric.catalog();
  for (const topology::Link& link : fabric.links()) {
    if (link.standby) continue;  // its modules are those of the circuits it replaces
    p.optics += link.module.power * (2.0 * link.channels);
  }
  for (const topology::Node& node : fabric.nodes()) {
    switch (node.kind) {
      case NodeKind::Gpu: {
        const models::GpuModel& g = catalog.gpu(node.model);
        p.gpus += g.power;
        p.nics += g.nicPower * static_cast<double>(g.nics);
        break;
      }
      case NodeKind::PacketSwitch:
        p.packetSwitches += catalog.packetSwitch(node.model).power;
        break;
      case NodeKind::ScaleUpSwitch:
        p.scaleUpSwitches += catalog.packetSwitch(node.model).power;
        break;
      case NodeKind::CircuitSwitch:
        p.circuitSwitches += catalog.circuitSwitch(node.model).power;
        break;
      case NodeKind::Amplifier:
        p.amplifiers += catalog.amplifier(node.model).power;
        break;
      case NodeKind::Repeater:
        p.repeaters += catalog.amplifier(node.model).power;
        break;
      case NodeKind::Roadm:
      case NodeKind::LandingStation:
        break;  // no model, no figure
    }
  }
  return p;
}

CheckResult checkPower(const topology::Fabric& fabric, std::optional<Power> maxPower) {
  CheckResult r;
  r.id = "power";
  r.title = "Total power";
  const PowerBreakdown p = computePower(fabric);
  const std::vector<std::pair<const char*, Power>> parts = {
      {"gpus", p.gpus},
      {"nics", p.nics},
      {"optics", p.optics},
      {"packet_switches", p.packetSwitches},
      {"scale_up_switches", p.scaleUpSwitches},
      {"circuit_switches", p.circuitSwitches},
      {"amplifiers", p.amplifiers},
      {"repeaters", p.repeaters},
  };
  r.addMetric("total", p.total().wattsValue(), "W");
  std::string detail;
  for (const auto& [name, power] : parts) {
    r.addMetric(name, power.wattsValue(), "W");
    if (power.wattsValue() == 0.0) continue;
    if (!detail.empty()) detail += ", ";
    detail += fmt::format("{} {}", name, power);
  }
  r.summary = fmt::format("total {}", p.total());
  if (!detail.empty()) r.summary += fmt::format(" ({})", detail);
  if (maxPower) {
    r.summary += fmt::format("; budget {}", *maxPower);
    if (*maxPower < p.total()) {
      r.status = CheckStatus::Fail;
      r.addOffender(fmt::format("fabric: {} > {} budget", p.total(), *maxPower));
    }
  }
  return r;
}

}  // namespace ofe::analysis
