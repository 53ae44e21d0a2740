#include "topology/RailPodBuilder.h"

#include "topology/BuilderSupport.h"

namespace ofe::topology {

using detail::require;

namespace {

// Spines for a 1:1 pod when the user asked for "enough": at least
// leaves x downlinks / radix, rounded up to a divisor of the leaf's uplink
// count so every leaf reaches every spine over the same number of links.
// Returns 0 when even one link per spine does not fit.
std::int64_t autoSpines(std::int64_t leaves, std::int64_t downlinks, std::int64_t radix) {
  const std::int64_t needed = (leaves * downlinks + radix - 1) / radix;
  for (std::int64_t s = needed; s <= downlinks; ++s) {
    if (downlinks % s == 0) return s;
  }
  return 0;
}

}  // namespace

BuiltPart buildRailPod(Fabric& fabric, const RailPodParams& params) {
  require(params.scalableUnits >= 1, "rail pod scalableUnits must be >= 1, got {}",
          params.scalableUnits);
  require(params.serversPerUnit >= 1, "rail pod serversPerUnit must be >= 1, got {}",
          params.serversPerUnit);
  require(params.gpusPerServer >= 1, "rail pod gpusPerServer must be >= 1, got {}",
          params.gpusPerServer);
  require(params.spines >= 0, "rail pod spines must be >= 0, got {}", params.spines);

  const models::SwitchModel& sw =
      detail::requireSwitchModel(fabric, "rail pod switchModel", params.switchModel);
  detail::requireGpuModel(fabric, "rail pod gpuModel", params.gpuModel);
  detail::requireModule(fabric, "rail pod hostModule", params.hostModule);
  detail::requireModule(fabric, "rail pod fabricModule", params.fabricModule);
  detail::requireFibre(fabric, "rail pod hostFibre", params.hostFibre);
  detail::requireFibre(fabric, "rail pod fabricFibre", params.fabricFibre);
  if (params.scaleUp) {
    const models::SwitchModel& nvs = detail::requireSwitchModel(
        fabric, "rail pod scaleUpSwitchModel", params.scaleUpSwitchModel);
    detail::requireRadix(nvs, params.gpusPerServer, "rail pod scale-up switch");
    detail::requireModule(fabric, "rail pod scaleUpModule", params.scaleUpModule);
    detail::requireFibre(fabric, "rail pod scaleUpFibre", params.scaleUpFibre);
  }

  // One leaf per rail per SU; each takes one GPU of every server in its SU and
  // sends as many links up as it has down (1:1).
  const std::int64_t leaves = std::int64_t{params.scalableUnits} * params.gpusPerServer;
  const std::int64_t downlinks = params.serversPerUnit;
  detail::requireRadix(sw, 2 * downlinks, "rail pod leaf (serversPerUnit down + as many up)");
  std::int64_t spines = params.spines;
  if (spines == 0) {
    spines = autoSpines(leaves, downlinks, sw.ports);
    require(spines > 0,
            "rail pod of {} leaves x {} uplinks needs more than {} spines of {} ports: a third "
            "tier is needed",
            leaves, downlinks, downlinks, sw.ports);
  }
  require(downlinks % spines == 0,
          "rail pod spines must divide the leaf's {} uplinks (serversPerUnit), got {}", downlinks,
          spines);
  const std::int64_t leafSpineLinks = downlinks / spines;
  detail::requireRadix(sw, leaves * leafSpineLinks, "rail pod spine");

  const std::string prefix = detail::namePrefix(params.prefix, params.site);
  const LinkSpec hostLink =
      detail::simpleLink(params.hostModule, params.hostFibre, params.hostLength);
  const LinkSpec leafSpineLink =
      detail::simpleLink(params.fabricModule, params.fabricFibre, params.leafSpineLength);
  const LinkSpec scaleUpLink =
      detail::simpleLink(params.scaleUpModule, params.scaleUpFibre, params.scaleUpLength);

  BuiltPart part;
  part.site = params.site;
  std::vector<NodeId> allLeaves;
  for (int su = 0; su < params.scalableUnits; ++su) {
    std::vector<NodeId> railLeaf;
    for (int r = 0; r < params.gpusPerServer; ++r) {
      Node leaf = detail::makeNode(fmt::format("{}/su{}/leaf{}", prefix, su, r),
                                   NodeKind::PacketSwitch, params.switchModel, params.site);
      leaf.pod = su;
      leaf.tier = 0;
      leaf.rail = r;
      railLeaf.push_back(detail::addNode(fabric, part, std::move(leaf)));
    }
    allLeaves.insert(allLeaves.end(), railLeaf.begin(), railLeaf.end());
    for (int s = 0; s < params.serversPerUnit; ++s) {
      NodeId scaleUpId = kNoNode;
      if (params.scaleUp) {
        Node nvs =
            detail::makeNode(fmt::format("{}/su{}/server{}/nvswitch", prefix, su, s),
                             NodeKind::ScaleUpSwitch, params.scaleUpSwitchModel, params.site);
        nvs.pod = su;
        nvs.rack = s;
        scaleUpId = detail::addNode(fabric, part, std::move(nvs));
      }
      for (int r = 0; r < params.gpusPerServer; ++r) {
        Node gpu = detail::makeNode(fmt::format("{}/su{}/server{}/gpu{}", prefix, su, s, r),
                                    NodeKind::Gpu, params.gpuModel, params.site);
        gpu.pod = su;
        gpu.rack = s;
        gpu.rail = r;
        gpu.slot = r;
        const NodeId gpuId = detail::addNode(fabric, part, std::move(gpu));
        detail::addLink(fabric, part, gpuId, railLeaf[static_cast<std::size_t>(r)], hostLink);
        if (params.scaleUp) detail::addLink(fabric, part, gpuId, scaleUpId, scaleUpLink);
      }
    }
  }
  for (std::int64_t s = 0; s < spines; ++s) {
    Node spine = detail::makeNode(fmt::format("{}/spine{}", prefix, s), NodeKind::PacketSwitch,
                                  params.switchModel, params.site);
    spine.tier = 1;
    const NodeId spineId = detail::addNode(fabric, part, std::move(spine));
    part.top.push_back(spineId);
    for (NodeId leafId : allLeaves) {
      for (std::int64_t i = 0; i < leafSpineLinks; ++i)
        detail::addLink(fabric, part, leafId, spineId, leafSpineLink);
    }
  }
  return part;
}

}  // namespace ofe::topology
