#include "topology/Routing.h"

#include <functional>
#include <map>
#include <queue>
#include <utility>

namespace ofe::topology {

namespace {

std::int64_t linkCost(const Link& link, RouteMetric metric) {
  return metric == RouteMetric::Hops ? 1 : link.latency.ps();
}

// Shortest distances from every node to `dst`. Undirected links make this a
// search outward from dst; a GPU other than dst is reached but never expanded,
// because GPUs do not forward.
std::vector<std::int64_t> distancesTo(const Fabric& fabric, NodeId dst, RouteMetric metric) {
  std::vector<std::int64_t> dist(fabric.nodeCount(), Routing::kUnreachable);
  using Item = std::pair<std::int64_t, NodeId>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> frontier;
  dist[dst] = 0;
  frontier.emplace(0, dst);
  while (!frontier.empty()) {
    const auto [d, u] = frontier.top();
    frontier.pop();
    if (d != dist[u]) continue;
    if (u != dst && fabric.node(u).kind == NodeKind::Gpu) continue;
    for (LinkId l : fabric.linksOf(u)) {
      const Link& link = fabric.link(l);
      if (!link.up) continue;
      const NodeId v = link.other(u);
      const std::int64_t nd = d + linkCost(link, metric);
      if (nd < dist[v]) {
        dist[v] = nd;
        frontier.emplace(nd, v);
      }
    }
  }
  return dist;
}

}  // namespace

Routing Routing::compute(const Fabric& fabric, RouteMetric metric) {
  Routing r;
  r.metric_ = metric;
  r.nodeCount_ = fabric.nodeCount();
  r.destIndex_.assign(r.nodeCount_, -1);
  const std::vector<NodeId> gpus = fabric.nodesOfKind(NodeKind::Gpu);
  for (std::size_t i = 0; i < gpus.size(); ++i) r.destIndex_[gpus[i]] = static_cast<std::int32_t>(i);
  r.distance_.reserve(gpus.size() * r.nodeCount_);
  for (NodeId dst : gpus) {
    const std::vector<std::int64_t> dist = distancesTo(fabric, dst, metric);
    r.distance_.insert(r.distance_.end(), dist.begin(), dist.end());
  }
  // Next hops node by node: each node's distinct link sets once, and the
  // destinations as runs of rows sharing a set (see Run).
  r.groupBase_.reserve(r.nodeCount_);
  r.runBase_.reserve(r.nodeCount_ + 1);
  std::vector<LinkId> hops;
  for (NodeId u = 0; u < r.nodeCount_; ++u) {
    std::map<std::vector<LinkId>, std::uint32_t> groups;
    r.groupBase_.push_back(static_cast<std::uint32_t>(r.groupStart_.size()));
    r.runBase_.push_back(static_cast<std::uint32_t>(r.runs_.size()));
    const auto group = [&](const std::vector<LinkId>& links) {
      const auto [it, added] = groups.emplace(links, static_cast<std::uint32_t>(groups.size()));
      if (added) {
        r.groupStart_.push_back(static_cast<std::uint32_t>(r.pool_.size()));
        r.pool_.insert(r.pool_.end(), links.begin(), links.end());
      }
      return it->second;
    };
    group({});  // group 0: no next hop
    for (std::size_t row = 0; row < gpus.size(); ++row) {
      const NodeId dst = gpus[row];
      const std::int64_t* dist = r.distance_.data() + row * r.nodeCount_;
      hops.clear();
      if (u != dst && dist[u] != kUnreachable) {
        // A source GPU may send into the network, but no GPU forwards transit traffic.
        for (LinkId l : fabric.linksOf(u)) {
          const Link& link = fabric.link(l);
          if (!link.up) continue;
          const NodeId v = link.other(u);
          if (dist[v] == kUnreachable) continue;
          if (v != dst && fabric.node(v).kind == NodeKind::Gpu) continue;
          if (dist[v] + linkCost(link, metric) == dist[u]) hops.push_back(l);
        }
      }
      const std::uint32_t g = group(hops);
      if (row == 0 || r.runs_.back().group != g) r.runs_.push_back(Run{static_cast<std::uint32_t>(row), g});
    }
    if (gpus.empty()) r.runs_.push_back(Run{0, 0});  // every node has a first run
  }
  r.runBase_.push_back(static_cast<std::uint32_t>(r.runs_.size()));
  r.groupStart_.push_back(static_cast<std::uint32_t>(r.pool_.size()));
  return r;
}

std::int64_t Routing::distance(NodeId at, NodeId dst) const {
  if (dst >= nodeCount_ || at >= nodeCount_ || destIndex_[dst] < 0) return kUnreachable;
  return distance_[static_cast<std::size_t>(destIndex_[dst]) * nodeCount_ + at];
}

}  // namespace ofe::topology
