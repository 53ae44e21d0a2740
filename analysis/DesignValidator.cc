#include "analysis/DesignValidator.h"

#include <fmt/format.h>

#include "analysis/AmplifierSpacingCheck.h"
#include "analysis/BisectionCheck.h"
#include "analysis/ConnectivityCheck.h"
#include "analysis/FabricQueries.h"
#include "analysis/LatencyCheck.h"
#include "analysis/OversubscriptionCheck.h"
#include "analysis/PowerCheck.h"
#include "analysis/RadixCheck.h"
#include "analysis/ReachCheck.h"

namespace ofe::analysis {

ValidationReport validateDesign(const topology::Fabric& fabric, const DesignTargets& targets) {
  ValidationReport report;
  std::size_t switches = 0;
  std::size_t passive = 0;
  for (const topology::Node& node : fabric.nodes()) {
    if (isSwitch(node.kind))
      ++switches;
    else if (!topology::isPacketNode(node.kind))
      ++passive;
  }
  report.setSubject(fmt::format("fabric: {} GPUs, {} switches, {} passive nodes, {} links",
                                fabric.countOf(topology::NodeKind::Gpu), switches, passive,
                                fabric.linkCount()));
  report.add(checkConnectivity(fabric));
  report.add(checkReach(fabric));
  report.add(checkAmplifierSpacing(fabric));
  report.add(checkRadix(fabric));
  report.add(checkOversubscription(fabric, targets.maxOversubscription));
  report.add(checkBisection(fabric, targets.minBisectionRatio));
  report.add(checkLatency(fabric, targets.maxLatency, targets.maxSiteLatency));
  report.add(checkPower(fabric, targets.maxPower));
  return report;
}

}  // namespace ofe::analysis
