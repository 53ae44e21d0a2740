#include "topology/TorusBuilder.h"

#include "topology/BuilderSupport.h"

namespace ofe::topology {

using detail::require;

namespace {

// "1-2-3" for coordinates (1, 2, 3).
std::string coordinateName(const std::vector<int>& coord) {
  std::string out;
  for (std::size_t d = 0; d < coord.size(); ++d) {
    if (d != 0) out += '-';
    out += std::to_string(coord[d]);
  }
  return out;
}

}  // namespace

BuiltPart buildTorus(Fabric& fabric, const TorusParams& params) {
  const std::vector<int>& dims = params.dims;
  require(dims.size() == 2 || dims.size() == 3, "torus dims must have 2 or 3 sizes, got {}",
          dims.size());
  std::int64_t positions = 1;
  std::int64_t neighbourPorts = 0;
  for (std::size_t d = 0; d < dims.size(); ++d) {
    require(dims[d] >= 2, "torus dims[{}] must be >= 2, got {}", d, dims[d]);
    positions *= dims[d];
    // A ring of two has its two neighbours in the same place: one link, one port.
    neighbourPorts += dims[d] == 2 ? 1 : 2;
  }
  require(params.gpusPerRouter >= 1, "torus gpusPerRouter must be >= 1, got {}",
          params.gpusPerRouter);
  const models::SwitchModel& sw =
      detail::requireSwitchModel(fabric, "torus switchModel", params.switchModel);
  detail::requireRadix(sw, params.gpusPerRouter + neighbourPorts,
                       "torus router (GPUs + neighbours)");
  detail::requireGpuModel(fabric, "torus gpuModel", params.gpuModel);
  detail::requireModule(fabric, "torus hostModule", params.hostModule);
  detail::requireModule(fabric, "torus fabricModule", params.fabricModule);
  detail::requireFibre(fabric, "torus hostFibre", params.hostFibre);
  detail::requireFibre(fabric, "torus fabricFibre", params.fabricFibre);

  const std::string prefix = detail::namePrefix(params.prefix, params.site);
  const LinkSpec hostLink =
      detail::simpleLink(params.hostModule, params.hostFibre, params.hostLength);
  const LinkSpec neighbourLink =
      detail::simpleLink(params.fabricModule, params.fabricFibre, params.neighbourLength);

  // Row-major: the last dimension varies fastest.
  std::vector<std::int64_t> stride(dims.size(), 1);
  for (std::size_t d = dims.size() - 1; d > 0; --d) stride[d - 1] = stride[d] * dims[d];
  auto coordinates = [&](std::int64_t index) {
    std::vector<int> coord(dims.size());
    for (std::size_t d = 0; d < dims.size(); ++d)
      coord[d] = static_cast<int>((index / stride[d]) % dims[d]);
    return coord;
  };

  BuiltPart part;
  part.site = params.site;
  std::vector<NodeId> routers;
  for (std::int64_t index = 0; index < positions; ++index) {
    const std::string where = coordinateName(coordinates(index));
    Node router = detail::makeNode(fmt::format("{}/router{}", prefix, where),
                                   NodeKind::PacketSwitch, params.switchModel, params.site);
    router.rack = static_cast<int>(index);
    router.tier = 0;
    const NodeId routerId = detail::addNode(fabric, part, std::move(router));
    routers.push_back(routerId);
    part.top.push_back(routerId);
    for (int i = 0; i < params.gpusPerRouter; ++i) {
      Node gpu = detail::makeNode(fmt::format("{}/router{}/gpu{}", prefix, where, i), NodeKind::Gpu,
                                  params.gpuModel, params.site);
      gpu.rack = static_cast<int>(index);
      gpu.slot = i;
      const NodeId gpuId = detail::addNode(fabric, part, std::move(gpu));
      detail::addLink(fabric, part, gpuId, routerId, hostLink);
    }
  }
  for (std::int64_t index = 0; index < positions; ++index) {
    const std::vector<int> coord = coordinates(index);
    for (std::size_t d = 0; d < dims.size(); ++d) {
      // In a ring of two, position 1's "+1" neighbour is position 0, already linked.
      if (dims[d] == 2 && coord[d] == 1) continue;
      const std::int64_t next = index + (coord[d] + 1 == dims[d] ? -coord[d] : 1) * stride[d];
      detail::addLink(fabric, part, routers[static_cast<std::size_t>(index)],
                      routers[static_cast<std::size_t>(next)], neighbourLink);
    }
  }
  return part;
}

}  // namespace ofe::topology
