#include "analysis/RadixCheck.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "analysis/FabricQueries.h"

namespace ofe::analysis {

using topology::Link;
using topology::LinkId;
using topology::Node;
using topology::NodeKind;

CheckResult checkRadix(const topology::Fabric& fabric) {
  CheckResult r;
  r.id = "radix";
  r.title = "Radix and port speed";
  const models::Catalog& catalog = fabric.catalog();
  std::size_t overRadix = 0;
  std::size_t overSpeed = 0;
  std::size_t switches = 0;
  std::size_t circuitSwitches = 0;
  double maxSwitchUse = 0.0;
  double maxOcsUse = 0.0;

  // Circuits through each OCS: every span ending at it is one pass of one link.
  std::vector<int> ocsPorts(fabric.nodeCount(), 0);
  for (const Link& link : fabric.links()) {
    if (link.standby) continue;  // takes over the ports of circuits torn down before it
    for (const topology::Span& s : link.spans) {
      if (s.via != topology::kNoNode && fabric.node(s.via).kind == NodeKind::CircuitSwitch)
        ocsPorts[s.via] += 2;
    }
  }

  for (const Node& node : fabric.nodes()) {
    if (isSwitch(node.kind)) {
      ++switches;
      const models::SwitchModel& model = catalog.packetSwitch(node.model);
      int used = 0;
      for (LinkId l : fabric.linksOf(node.id)) {
        const Link& link = fabric.link(l);
        if (link.standby) continue;
        used += link.channels;
        if (link.module.rate > model.portRate) {
          ++overSpeed;
          r.addOffender(fmt::format("{}: {} per channel on {} > {} ports of {}",
                                    linkLabel(fabric, l), link.module.rate, node.name,
                                    model.portRate, model.name));
        }
      }
      if (model.ports > 0)
        maxSwitchUse = std::max(maxSwitchUse, static_cast<double>(used) / model.ports);
      if (used > model.ports) {
        ++overRadix;
        r.addOffender(
            fmt::format("{}: {} ports used > {} of {}", node.name, used, model.ports, model.name));
      }
    } else if (node.kind == NodeKind::CircuitSwitch) {
      ++circuitSwitches;
      const models::CircuitSwitchModel& model = catalog.circuitSwitch(node.model);
      const int used = ocsPorts[node.id];
      if (model.ports > 0) maxOcsUse = std::max(maxOcsUse, static_cast<double>(used) / model.ports);
      if (used > model.ports) {
        ++overRadix;
        r.addOffender(fmt::format("{}: {} ports used ({} circuits) > {} of {}", node.name, used,
                                  used / 2, model.ports, model.name));
      }
    } else if (node.kind == NodeKind::Gpu) {
      const models::GpuModel& model = catalog.gpu(node.model);
      int nicChannels = 0;
      DataRate scaleUp;
      for (LinkId l : fabric.linksOf(node.id)) {
        const Link& link = fabric.link(l);
        if (isScaleUpLink(fabric, link)) {
          scaleUp = scaleUp + link.rate;
          continue;
        }
        nicChannels += link.channels;
        if (model.nicRate.bps() > 0 && link.module.rate > model.nicRate) {
          ++overSpeed;
          r.addOffender(fmt::format("{}: {} per channel > {} NIC of {} ({})", linkLabel(fabric, l),
                                    link.module.rate, model.nicRate, node.name, model.name));
        }
      }
      if (nicChannels > model.nics) {
        ++overRadix;
        r.addOffender(fmt::format("{}: {} NIC links > {} NICs of {}", node.name, nicChannels,
                                  model.nics, model.name));
      }
      if (model.scaleUpRate.bps() > 0 && scaleUp > model.scaleUpRate) {
        ++overSpeed;
        r.addOffender(fmt::format("{}: {} of scale-up links > {} scale-up bandwidth of {}",
                                  node.name, scaleUp, model.scaleUpRate, model.name));
      }
    }
  }
  r.addMetric("switches", static_cast<double>(switches), "count");
  r.addMetric("circuit_switches", static_cast<double>(circuitSwitches), "count");
  r.addMetric("max_switch_port_use", maxSwitchUse, "ratio");
  r.addMetric("max_ocs_port_use", maxOcsUse, "ratio");
  r.addMetric("over_radix", static_cast<double>(overRadix), "count");
  r.addMetric("over_speed", static_cast<double>(overSpeed), "count");
  if (overRadix + overSpeed == 0) {
    r.summary = fmt::format(
        "{} switches (fullest {:.0f}% of ports), {} OCS (fullest {:.0f}%), GPU NICs within limits",
        switches, maxSwitchUse * 100.0, circuitSwitches, maxOcsUse * 100.0);
  } else {
    r.status = CheckStatus::Fail;
    r.summary = fmt::format(
        "{} nodes over their port count, {} links faster than a port; fullest switch at {:.0f}%",
        overRadix, overSpeed, maxSwitchUse * 100.0);
  }
  return r;
}

}  // namespace ofe::analysis
