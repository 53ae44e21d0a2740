#include "topology/DragonflyBuilder.h"

#include <algorithm>
#include <utility>

#include "topology/BuilderSupport.h"

namespace ofe::topology {

using detail::require;

namespace {

// Group pairs of the global links, in creation order. Every group has a*h
// global ports: full rounds of all g(g-1)/2 pairs use g-1 of them each; the
// remaining R = a*h mod (g-1) come from a circulant R-regular graph (groups
// i and i+d for d = 1..R/2, plus i and i+g/2 when R is odd, which needs g
// even, guaranteed by g*a*h being even). This spreads links as evenly over
// group pairs as the port count allows.
std::vector<std::pair<int, int>> globalGroupPairs(int groups, int portsPerGroup) {
  std::vector<std::pair<int, int>> pairs;
  if (groups < 2 || portsPerGroup == 0) return pairs;
  const int rounds = portsPerGroup / (groups - 1);
  const int rest = portsPerGroup % (groups - 1);
  for (int round = 0; round < rounds; ++round) {
    for (int i = 0; i < groups; ++i) {
      for (int j = i + 1; j < groups; ++j) pairs.emplace_back(i, j);
    }
  }
  for (int d = 1; d <= rest / 2; ++d) {
    for (int i = 0; i < groups; ++i) {
      const int j = (i + d) % groups;
      pairs.emplace_back(std::min(i, j), std::max(i, j));
    }
  }
  if (rest % 2 == 1) {
    for (int i = 0; i < groups / 2; ++i) pairs.emplace_back(i, i + groups / 2);
  }
  return pairs;
}

}  // namespace

BuiltPart buildDragonfly(Fabric& fabric, const DragonflyParams& params) {
  const int g = params.groups;
  const int a = params.routersPerGroup;
  const int p = params.gpusPerRouter;
  const int h = params.globalLinksPerRouter;
  require(g >= 1, "dragonfly groups must be >= 1, got {}", g);
  require(a >= 1, "dragonfly routersPerGroup must be >= 1, got {}", a);
  require(p >= 1, "dragonfly gpusPerRouter must be >= 1, got {}", p);
  require(h >= 0, "dragonfly globalLinksPerRouter must be >= 0, got {}", h);
  require(g <= a * h + 1,
          "dragonfly groups must be <= routersPerGroup x globalLinksPerRouter + 1 = {}, got {}",
          a * h + 1, g);
  require(g > 1 || h == 0, "dragonfly with 1 group has no other group for globalLinksPerRouter={}",
          h);
  require(
      (std::int64_t{g} * a * h) % 2 == 0,
      "dragonfly groups x routersPerGroup x globalLinksPerRouter must be even, got {} x {} x {}", g,
      a, h);

  const models::SwitchModel& sw =
      detail::requireSwitchModel(fabric, "dragonfly switchModel", params.switchModel);
  detail::requireRadix(sw, std::int64_t{p} + (a - 1) + h,
                       "dragonfly router (GPUs + local + global)");
  detail::requireGpuModel(fabric, "dragonfly gpuModel", params.gpuModel);
  detail::requireModule(fabric, "dragonfly hostModule", params.hostModule);
  detail::requireModule(fabric, "dragonfly localModule", params.localModule);
  detail::requireModule(fabric, "dragonfly globalModule", params.globalModule);
  detail::requireFibre(fabric, "dragonfly hostFibre", params.hostFibre);
  detail::requireFibre(fabric, "dragonfly fabricFibre", params.fabricFibre);

  const std::string prefix = detail::namePrefix(params.prefix, params.site);
  const LinkSpec hostLink =
      detail::simpleLink(params.hostModule, params.hostFibre, params.hostLength);
  const LinkSpec localLink =
      detail::simpleLink(params.localModule, params.fabricFibre, params.localLength);
  const LinkSpec globalLink =
      detail::simpleLink(params.globalModule, params.fabricFibre, params.globalLength);

  BuiltPart part;
  part.site = params.site;
  std::vector<std::vector<NodeId>> routers(static_cast<std::size_t>(g));
  for (int group = 0; group < g; ++group) {
    auto& members = routers[static_cast<std::size_t>(group)];
    for (int r = 0; r < a; ++r) {
      Node router = detail::makeNode(fmt::format("{}/group{}/router{}", prefix, group, r),
                                     NodeKind::PacketSwitch, params.switchModel, params.site);
      router.pod = group;
      router.rack = r;
      router.tier = 0;
      const NodeId routerId = detail::addNode(fabric, part, std::move(router));
      members.push_back(routerId);
      part.top.push_back(routerId);
      for (int i = 0; i < p; ++i) {
        Node gpu = detail::makeNode(fmt::format("{}/group{}/router{}/gpu{}", prefix, group, r, i),
                                    NodeKind::Gpu, params.gpuModel, params.site);
        gpu.pod = group;
        gpu.rack = r;
        gpu.slot = i;
        const NodeId gpuId = detail::addNode(fabric, part, std::move(gpu));
        detail::addLink(fabric, part, gpuId, routerId, hostLink);
      }
    }
    for (int r = 0; r < a; ++r) {
      for (int s = r + 1; s < a; ++s) {
        detail::addLink(fabric, part, members[static_cast<std::size_t>(r)],
                        members[static_cast<std::size_t>(s)], localLink);
      }
    }
  }
  // Global ports of a group are handed out in order, so router r carries
  // ports r*h .. r*h+h-1: consecutive pairs land on consecutive routers.
  std::vector<int> nextPort(static_cast<std::size_t>(g), 0);
  auto takePort = [&](int group) {
    const int port = nextPort[static_cast<std::size_t>(group)]++;
    return routers[static_cast<std::size_t>(group)][static_cast<std::size_t>(port / h)];
  };
  for (const auto& [i, j] : globalGroupPairs(g, a * h)) {
    const NodeId from = takePort(i);
    const NodeId to = takePort(j);
    detail::addLink(fabric, part, from, to, globalLink);
  }
  return part;
}

}  // namespace ofe::topology
