#include "analysis/TransferPath.h"

namespace ofe::analysis {

TransferPath routedPath(const topology::Fabric& fabric, const topology::Routing& routing,
                        topology::NodeId src, topology::NodeId dst) {
  TransferPath path;
  if (src == dst || routing.distance(src, dst) == topology::Routing::kUnreachable) return path;
  path.nodes.push_back(src);
  topology::NodeId at = src;
  // Each next hop is strictly closer to dst, so the walk ends within nodeCount steps.
  for (std::size_t guard = 0; at != dst && guard < fabric.nodeCount(); ++guard) {
    const topology::LinkRange hops = routing.nextHops(at, dst);
    if (hops.empty()) return TransferPath{};
    const topology::LinkId link = hops[0];
    at = fabric.link(link).other(at);
    path.links.push_back(link);
    path.nodes.push_back(at);
  }
  if (at != dst) return TransferPath{};
  return path;
}

TransferPath linkPath(const topology::Fabric& fabric, topology::NodeId src, topology::NodeId dst) {
  for (topology::LinkId l : fabric.linksOf(src)) {
    if (fabric.link(l).up && fabric.link(l).other(src) == dst) return pathFromLinks(fabric, src, {l});
  }
  return TransferPath{};
}

bool endsAtSwitch(const topology::Fabric& fabric, topology::NodeId src, topology::NodeId dst) {
  const auto isSwitch = [&fabric](topology::NodeId n) {
    const topology::NodeKind k = fabric.node(n).kind;
    return k == topology::NodeKind::ScaleUpSwitch || k == topology::NodeKind::PacketSwitch;
  };
  return isSwitch(src) || isSwitch(dst);
}

TransferPath pathFromLinks(const topology::Fabric& fabric, topology::NodeId src,
                           const std::vector<topology::LinkId>& links) {
  TransferPath path;
  path.recorded = true;
  path.nodes.push_back(src);
  topology::NodeId at = src;
  for (topology::LinkId id : links) {
    at = fabric.link(id).other(at);
    path.links.push_back(id);
    path.nodes.push_back(at);
  }
  return path;
}

}  // namespace ofe::analysis
