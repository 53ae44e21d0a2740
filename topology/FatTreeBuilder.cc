#include "topology/FatTreeBuilder.h"

#include "topology/BuilderSupport.h"

namespace ofe::topology {

using detail::require;

BuiltPart buildFatTree(Fabric& fabric, const FatTreeParams& params) {
  const int k = params.k;
  require(k >= 2 && k % 2 == 0, "fat-tree k must be even and >= 2, got {}", k);
  const int half = k / 2;
  // Every switch of a fat-tree uses exactly k ports: k/2 down and k/2 up
  // (cores use all k downwards).
  detail::requireRadix(
      detail::requireSwitchModel(fabric, "fat-tree switchModel", params.switchModel), k,
      fmt::format("fat-tree k={} switch", k));
  detail::requireGpuModel(fabric, "fat-tree gpuModel", params.gpuModel);
  detail::requireModule(fabric, "fat-tree hostModule", params.hostModule);
  detail::requireModule(fabric, "fat-tree fabricModule", params.fabricModule);
  detail::requireFibre(fabric, "fat-tree hostFibre", params.hostFibre);
  detail::requireFibre(fabric, "fat-tree fabricFibre", params.fabricFibre);

  const std::string prefix = detail::namePrefix(params.prefix, params.site);
  const LinkSpec hostLink =
      detail::simpleLink(params.hostModule, params.hostFibre, params.hostLength);
  const LinkSpec edgeAggLink =
      detail::simpleLink(params.fabricModule, params.fabricFibre, params.edgeAggLength);
  const LinkSpec aggCoreLink =
      detail::simpleLink(params.fabricModule, params.fabricFibre, params.aggCoreLength);

  BuiltPart part;
  part.site = params.site;
  // aggs[pod][j]: agg j of every pod later feeds core group j.
  std::vector<std::vector<NodeId>> aggs(static_cast<std::size_t>(k));
  for (int pod = 0; pod < k; ++pod) {
    std::vector<NodeId> edges;
    for (int e = 0; e < half; ++e) {
      Node edge = detail::makeNode(fmt::format("{}/pod{}/edge{}", prefix, pod, e),
                                   NodeKind::PacketSwitch, params.switchModel, params.site);
      edge.pod = pod;
      edge.rack = e;
      edge.tier = 0;
      const NodeId edgeId = detail::addNode(fabric, part, std::move(edge));
      edges.push_back(edgeId);
      for (int h = 0; h < half; ++h) {
        Node gpu = detail::makeNode(fmt::format("{}/pod{}/rack{}/gpu{}", prefix, pod, e, h),
                                    NodeKind::Gpu, params.gpuModel, params.site);
        gpu.pod = pod;
        gpu.rack = e;
        gpu.slot = h;
        const NodeId gpuId = detail::addNode(fabric, part, std::move(gpu));
        detail::addLink(fabric, part, gpuId, edgeId, hostLink);
      }
    }
    for (int j = 0; j < half; ++j) {
      Node agg = detail::makeNode(fmt::format("{}/pod{}/agg{}", prefix, pod, j),
                                  NodeKind::PacketSwitch, params.switchModel, params.site);
      agg.pod = pod;
      agg.tier = 1;
      const NodeId aggId = detail::addNode(fabric, part, std::move(agg));
      aggs[static_cast<std::size_t>(pod)].push_back(aggId);
      for (NodeId edgeId : edges) detail::addLink(fabric, part, edgeId, aggId, edgeAggLink);
    }
  }
  for (int j = 0; j < half; ++j) {
    for (int c = 0; c < half; ++c) {
      const int index = j * half + c;
      Node core = detail::makeNode(fmt::format("{}/core{}", prefix, index), NodeKind::PacketSwitch,
                                   params.switchModel, params.site);
      core.tier = 2;
      const NodeId coreId = detail::addNode(fabric, part, std::move(core));
      part.top.push_back(coreId);
      for (int pod = 0; pod < k; ++pod) {
        detail::addLink(fabric, part,
                        aggs[static_cast<std::size_t>(pod)][static_cast<std::size_t>(j)], coreId,
                        aggCoreLink);
      }
    }
  }
  return part;
}

}  // namespace ofe::topology
