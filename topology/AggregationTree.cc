#include "topology/AggregationTree.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <stdexcept>
#include <tuple>

namespace ofe::topology {

namespace {

constexpr int kFar = std::numeric_limits<int>::max();

bool reduces(const Fabric& fabric, NodeId n) {
  const Node& node = fabric.node(n);
  return node.kind == NodeKind::PacketSwitch &&
         fabric.catalog().packetSwitch(node.model).inNetworkReduction;
}

/// Hop counts from @p from to every node over links that are up between
/// reducing switches (kFar where unreachable).
std::vector<int> hopsFrom(const Fabric& fabric, NodeId from) {
  std::vector<int> hops(fabric.nodeCount(), kFar);
  std::deque<NodeId> queue{from};
  hops[from] = 0;
  while (!queue.empty()) {
    const NodeId at = queue.front();
    queue.pop_front();
    for (LinkId l : fabric.linksOf(at)) {
      const Link& link = fabric.link(l);
      const NodeId next = link.other(at);
      if (!link.up || hops[next] != kFar || !reduces(fabric, next)) continue;
      hops[next] = hops[at] + 1;
      queue.push_back(next);
    }
  }
  return hops;
}

/// The packet switch @p gpu's NIC reaches (lowest link id), or kNoNode.
NodeId leafSwitchOf(const Fabric& fabric, NodeId gpu) {
  for (LinkId l : fabric.linksOf(gpu)) {
    const Link& link = fabric.link(l);
    if (link.up && fabric.node(link.other(gpu)).kind == NodeKind::PacketSwitch)
      return link.other(gpu);
  }
  return kNoNode;
}

}  // namespace

AggregationTree AggregationTree::over(const Fabric& fabric, const std::vector<NodeId>& gpus,
                                      int variant) {
  AggregationTree t;
  std::vector<NodeId> leafNode(gpus.size(), kNoNode);
  std::vector<NodeId> leaves;
  for (std::size_t g = 0; g < gpus.size(); ++g) {
    const NodeId leaf = leafSwitchOf(fabric, gpus[g]);
    if (leaf == kNoNode) {
      throw std::invalid_argument(fmt::format(
          "GPU '{}' has no link to a packet switch to reduce in", fabric.node(gpus[g]).name));
    }
    if (!reduces(fabric, leaf)) {
      throw std::invalid_argument(fmt::format(
          "switch '{}' (model '{}') cannot reduce in the network: in_network_reduction is false",
          fabric.node(leaf).name, fabric.node(leaf).model));
    }
    leafNode[g] = leaf;
    leaves.push_back(leaf);
  }
  std::sort(leaves.begin(), leaves.end());
  leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
  if (leaves.empty()) return t;

  // The root: largest distance to a leaf first, then their sum, then the variant.
  NodeId root = leaves.front();
  if (leaves.size() > 1) {
    std::vector<std::vector<int>> hops;
    hops.reserve(leaves.size());
    for (NodeId leaf : leaves) hops.push_back(hopsFrom(fabric, leaf));
    std::vector<std::tuple<int, long long, NodeId>> candidates;
    for (NodeId n = 0; n < fabric.nodeCount(); ++n) {
      if (!reduces(fabric, n)) continue;
      int most = 0;
      long long sum = 0;
      for (const auto& h : hops) {
        most = std::max(most, h[n]);
        if (h[n] != kFar) sum += h[n];
      }
      if (most != kFar) candidates.emplace_back(most, sum, n);
    }
    if (candidates.empty()) {
      throw std::invalid_argument(
          fmt::format("no switch with in_network_reduction reaches all {} leaf switches (from "
                      "'{}') over reducing switches",
                      leaves.size(), fabric.node(leaves.front()).name));
    }
    std::sort(candidates.begin(), candidates.end());
    std::size_t best = 0;
    while (best < candidates.size() &&
           std::get<0>(candidates[best]) == std::get<0>(candidates.front()) &&
           std::get<1>(candidates[best]) == std::get<1>(candidates.front())) {
      ++best;
    }
    root = std::get<2>(candidates[static_cast<std::size_t>(variant) % best]);
  }

  // Parents: one hop nearer the root, lowest node id; keep the switches on a leaf's way up.
  const std::vector<int> toRoot = hopsFrom(fabric, root);
  std::map<NodeId, NodeId> parentOf;
  for (NodeId leaf : leaves) {
    NodeId at = leaf;
    while (at != root && parentOf.count(at) == 0) {
      NodeId up = kNoNode;
      for (LinkId l : fabric.linksOf(at)) {
        const Link& link = fabric.link(l);
        const NodeId next = link.other(at);
        if (link.up && reduces(fabric, next) && toRoot[next] == toRoot[at] - 1 &&
            (up == kNoNode || next < up)) {
          up = next;
        }
      }
      parentOf[at] = up;
      at = up;
    }
  }
  // Root first, then by depth and node id: every switch after its parent.
  std::vector<NodeId> order{root};
  for (const auto& entry : parentOf) order.push_back(entry.first);
  std::sort(order.begin() + 1, order.end(), [&](NodeId a, NodeId b) {
    return std::make_pair(toRoot[a], a) < std::make_pair(toRoot[b], b);
  });
  std::map<NodeId, int> index;
  for (std::size_t i = 0; i < order.size(); ++i) index[order[i]] = static_cast<int>(i);
  t.switches_ = order;
  t.parent_.assign(order.size(), -1);
  for (std::size_t i = 1; i < order.size(); ++i) {
    t.parent_[i] = index.at(parentOf.at(order[i]));
    t.height_ = std::max(t.height_, toRoot[order[i]]);
  }
  t.leaf_.resize(gpus.size());
  for (std::size_t g = 0; g < gpus.size(); ++g) t.leaf_[g] = index.at(leafNode[g]);
  return t;
}

}  // namespace ofe::topology
