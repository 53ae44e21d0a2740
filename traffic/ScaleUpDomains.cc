#include "traffic/ScaleUpDomains.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>

namespace ofe::traffic {

namespace {

using topology::Fabric;
using topology::Node;
using topology::NodeId;
using topology::NodeKind;

// Orders domains: by scale-up switch first, then by location, then per GPU.
using DomainKey = std::tuple<int, NodeId, std::string, int, int>;

DomainKey domainKey(const Fabric& fabric, NodeId gpu) {
  const NodeId sw = fabric.scaleUpSwitchOf(gpu);
  if (sw != topology::kNoNode) return {0, sw, "", 0, 0};
  const Node& n = fabric.node(gpu);
  if (n.rack >= 0) return {1, 0, n.site, n.pod, n.rack};
  return {2, gpu, "", 0, 0};
}

void requireGpu(const Fabric& fabric, NodeId id) {
  if (id >= fabric.nodeCount() || fabric.node(id).kind != NodeKind::Gpu) {
    throw std::invalid_argument(fmt::format("node {} is not a GPU of the fabric", id));
  }
}

}  // namespace

std::vector<std::vector<NodeId>> ScaleUpDomains::servers(const Fabric& fabric) {
  std::map<DomainKey, std::size_t> index;
  std::vector<std::vector<NodeId>> out;
  // nodesOfKind is ascending, so domains appear in order of their lowest GPU id.
  for (NodeId gpu : fabric.nodesOfKind(NodeKind::Gpu)) {
    auto [it, added] = index.emplace(domainKey(fabric, gpu), out.size());
    if (added) out.emplace_back();
    out[it->second].push_back(gpu);
  }
  for (auto& server : out) {
    std::stable_sort(server.begin(), server.end(),
                     [&fabric](NodeId a, NodeId b) { return fabric.node(a).slot < fabric.node(b).slot; });
  }
  return out;
}

ScaleUpDomains ScaleUpDomains::of(const Fabric& fabric, const std::vector<NodeId>& ranks) {
  ScaleUpDomains d;
  std::map<DomainKey, int> index;
  d.domainOf_.resize(ranks.size());
  for (std::size_t r = 0; r < ranks.size(); ++r) {
    requireGpu(fabric, ranks[r]);
    auto [it, added] = index.emplace(domainKey(fabric, ranks[r]), static_cast<int>(d.groups_.size()));
    if (added) d.groups_.emplace_back();
    d.groups_[static_cast<std::size_t>(it->second)].push_back(static_cast<int>(r));
    d.domainOf_[r] = it->second;
  }
  for (auto& group : d.groups_) {
    std::stable_sort(group.begin(), group.end(), [&](int a, int b) {
      return fabric.node(ranks[static_cast<std::size_t>(a)]).slot < fabric.node(ranks[static_cast<std::size_t>(b)]).slot;
    });
  }
  return d;
}

bool ScaleUpDomains::uniform() const {
  return std::all_of(groups_.begin(), groups_.end(),
                     [this](const std::vector<int>& g) { return g.size() == groups_.front().size(); });
}

}  // namespace ofe::traffic
