#include "topology/ClosBuilder.h"

#include <cmath>

#include "topology/BuilderSupport.h"

namespace ofe::topology {

using detail::require;

namespace {

// Number of uplinks of `rate` that carry `downCapacityBps` at `ratio`:1 oversubscription.
std::int64_t uplinksFor(double downCapacityBps, double ratio, DataRate rate) {
  return std::llround(downCapacityBps / (ratio * static_cast<double>(rate.bps())));
}

}  // namespace

BuiltPart buildClos(Fabric& fabric, const ClosParams& params) {
  require(params.pods >= 1, "clos pods must be >= 1, got {}", params.pods);
  require(params.leavesPerPod >= 1, "clos leavesPerPod must be >= 1, got {}", params.leavesPerPod);
  require(params.spinesPerPod >= 1, "clos spinesPerPod must be >= 1, got {}", params.spinesPerPod);
  require(params.gpusPerLeaf >= 1, "clos gpusPerLeaf must be >= 1, got {}", params.gpusPerLeaf);
  require(std::isfinite(params.oversubscription) && params.oversubscription >= 1.0,
          "clos oversubscription must be >= 1, got {}", params.oversubscription);
  require(params.superspines >= 0, "clos superspines must be >= 0, got {}", params.superspines);
  require(params.pods == 1 || params.superspines > 0,
          "clos with pods={} needs superspines > 0, got superspines={}", params.pods,
          params.superspines);
  const bool threeTier = params.superspines > 0;
  require(!threeTier ||
              (std::isfinite(params.spineOversubscription) && params.spineOversubscription >= 1.0),
          "clos spineOversubscription must be >= 1, got {}", params.spineOversubscription);

  const models::SwitchModel& sw =
      detail::requireSwitchModel(fabric, "clos switchModel", params.switchModel);
  const DataRate hostRate =
      detail::requireModule(fabric, "clos hostModule", params.hostModule).rate;
  const DataRate fabricRate =
      detail::requireModule(fabric, "clos fabricModule", params.fabricModule).rate;
  detail::requireGpuModel(fabric, "clos gpuModel", params.gpuModel);
  detail::requireFibre(fabric, "clos hostFibre", params.hostFibre);
  detail::requireFibre(fabric, "clos fabricFibre", params.fabricFibre);

  const double leafDownBps =
      static_cast<double>(params.gpusPerLeaf) * static_cast<double>(hostRate.bps());
  const std::int64_t leafUplinks = uplinksFor(leafDownBps, params.oversubscription, fabricRate);
  require(leafUplinks >= 1 && leafUplinks % params.spinesPerPod == 0,
          "clos leaf uplinks (gpusPerLeaf {} x {} / ({} x {})) = {} must be a positive multiple of "
          "spinesPerPod {}",
          params.gpusPerLeaf, hostRate, params.oversubscription, fabricRate, leafUplinks,
          params.spinesPerPod);
  const std::int64_t leafSpineLinks = leafUplinks / params.spinesPerPod;
  detail::requireRadix(sw, params.gpusPerLeaf + leafUplinks, "clos leaf");

  const std::int64_t spineDownlinks = params.leavesPerPod * leafSpineLinks;
  std::int64_t spineUplinks = 0;
  std::int64_t spineSuperLinks = 0;
  if (threeTier) {
    spineUplinks =
        uplinksFor(static_cast<double>(spineDownlinks) * static_cast<double>(fabricRate.bps()),
                   params.spineOversubscription, fabricRate);
    require(spineUplinks >= 1 && spineUplinks % params.superspines == 0,
            "clos spine uplinks ({} downlinks / spineOversubscription {}) = {} must be a positive "
            "multiple of "
            "superspines {}",
            spineDownlinks, params.spineOversubscription, spineUplinks, params.superspines);
    spineSuperLinks = spineUplinks / params.superspines;
    detail::requireRadix(sw, std::int64_t{params.pods} * params.spinesPerPod * spineSuperLinks,
                         "clos superspine");
  }
  detail::requireRadix(sw, spineDownlinks + spineUplinks, "clos spine");

  const std::string prefix = detail::namePrefix(params.prefix, params.site);
  const LinkSpec hostLink =
      detail::simpleLink(params.hostModule, params.hostFibre, params.hostLength);
  const LinkSpec leafSpineLink =
      detail::simpleLink(params.fabricModule, params.fabricFibre, params.leafSpineLength);
  const LinkSpec spineSuperLink =
      detail::simpleLink(params.fabricModule, params.fabricFibre, params.spineSuperspineLength);

  BuiltPart part;
  part.site = params.site;
  std::vector<NodeId> allSpines;
  for (int pod = 0; pod < params.pods; ++pod) {
    std::vector<NodeId> leaves;
    for (int l = 0; l < params.leavesPerPod; ++l) {
      Node leaf = detail::makeNode(fmt::format("{}/pod{}/leaf{}", prefix, pod, l),
                                   NodeKind::PacketSwitch, params.switchModel, params.site);
      leaf.pod = pod;
      leaf.rack = l;
      leaf.tier = 0;
      const NodeId leafId = detail::addNode(fabric, part, std::move(leaf));
      leaves.push_back(leafId);
      for (int g = 0; g < params.gpusPerLeaf; ++g) {
        Node gpu = detail::makeNode(fmt::format("{}/pod{}/rack{}/gpu{}", prefix, pod, l, g),
                                    NodeKind::Gpu, params.gpuModel, params.site);
        gpu.pod = pod;
        gpu.rack = l;
        gpu.slot = g;
        const NodeId gpuId = detail::addNode(fabric, part, std::move(gpu));
        detail::addLink(fabric, part, gpuId, leafId, hostLink);
      }
    }
    for (int s = 0; s < params.spinesPerPod; ++s) {
      Node spine = detail::makeNode(fmt::format("{}/pod{}/spine{}", prefix, pod, s),
                                    NodeKind::PacketSwitch, params.switchModel, params.site);
      spine.pod = pod;
      spine.tier = 1;
      const NodeId spineId = detail::addNode(fabric, part, std::move(spine));
      allSpines.push_back(spineId);
      for (NodeId leafId : leaves) {
        for (std::int64_t i = 0; i < leafSpineLinks; ++i)
          detail::addLink(fabric, part, leafId, spineId, leafSpineLink);
      }
    }
  }
  if (!threeTier) {
    part.top = allSpines;
    return part;
  }
  for (int x = 0; x < params.superspines; ++x) {
    Node super = detail::makeNode(fmt::format("{}/superspine{}", prefix, x), NodeKind::PacketSwitch,
                                  params.switchModel, params.site);
    super.tier = 2;
    const NodeId superId = detail::addNode(fabric, part, std::move(super));
    part.top.push_back(superId);
    for (NodeId spineId : allSpines) {
      for (std::int64_t i = 0; i < spineSuperLinks; ++i)
        detail::addLink(fabric, part, spineId, superId, spineSuperLink);
    }
  }
  return part;
}

}  // namespace ofe::topology
