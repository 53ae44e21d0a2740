#pragma once
/// @file Routing.h
/// @brief Equal-cost shortest-path next hops for every packet node and GPU destination.

#include <cstdint>
#include <limits>
#include <vector>

#include "topology/Fabric.h"

namespace ofe::topology {

/// What "shortest" means.
enum class RouteMetric {
  Hops,     ///< each link costs 1
  Latency,  ///< each link costs its one-way latency in ps
};

/// A contiguous run of link ids (C++17 stand-in for std::span).
struct LinkRange {
  const LinkId* first = nullptr;
  const LinkId* last = nullptr;
  const LinkId* begin() const { return first; }
  const LinkId* end() const { return last; }
  std::size_t size() const { return static_cast<std::size_t>(last - first); }
  bool empty() const { return first == last; }
  LinkId operator[](std::size_t i) const { return first[i]; }
};

/// ECMP tables: for each destination GPU and each node, the links on some
/// shortest path towards it. Only links that are up count, and no path
/// passes through a GPU other than its endpoints (GPUs do not forward).
/// Recompute after Fabric::setLinkUp.
class Routing {
 public:
  static constexpr std::int64_t kUnreachable = std::numeric_limits<std::int64_t>::max();

  /// Computes tables towards every GPU (one shortest-path search per GPU).
  static Routing compute(const Fabric& fabric, RouteMetric metric = RouteMetric::Hops);

  /// Equal-cost next-hop links from @p at towards GPU @p dst; empty when
  /// @p at == @p dst, @p dst is unreachable, or @p dst is not a GPU.
  /// (Inline: a switch asks this for every frame it forwards.)
  LinkRange nextHops(NodeId at, NodeId dst) const {
    if (dst >= nodeCount_ || at >= nodeCount_ || destIndex_[dst] < 0) return {};
    const auto row = static_cast<std::uint32_t>(destIndex_[dst]);
    // The last run of this node starting at or before `row` (its first run starts at row 0).
    const Run* first = runs_.data() + runBase_[at];
    std::size_t count = runBase_[at + 1] - runBase_[at];
    while (count > 1) {
      const std::size_t half = count / 2;
      if (first[half].firstRow <= row) first += half;
      count -= half;
    }
    const std::uint32_t g = groupBase_[at] + first->group;
    return LinkRange{pool_.data() + groupStart_[g], pool_.data() + groupStart_[g + 1]};
  }
  /// Path cost from @p at to GPU @p dst, kUnreachable when there is none.
  std::int64_t distance(NodeId at, NodeId dst) const;
  RouteMetric metric() const { return metric_; }
  /// Runs of destinations sharing a next-hop set, over all nodes: the size of the forwarding table.
  std::size_t tableRuns() const { return runs_.size(); }

 private:
  RouteMetric metric_ = RouteMetric::Hops;
  std::size_t nodeCount_ = 0;
  std::vector<std::int32_t> destIndex_;        ///< node -> row, -1 if not a GPU
  std::vector<std::int64_t> distance_;         ///< row * nodeCount + node
  // Next hops, compressed twice. A node sends towards most destinations over
  // one of a few link sets (a fat-tree edge switch: its uplinks, or one
  // downlink), so each node stores its distinct sets once; and destinations
  // are numbered in fabric order, so consecutive GPUs (a server, a leaf, a
  // pod) share a set: each node keeps runs of destination rows, as a switch
  // keeps prefixes. A k=16 fat-tree needs 3 to 17 runs per switch (a few KB
  // in all) where one cell per (node, destination) took 2.6 MB, and the cell
  // was a cache miss on every hop.
  struct Run {
    std::uint32_t firstRow;  ///< first destination row of the run
    std::uint32_t group;     ///< next-hop set of the node (index from groupBase_)
  };
  std::vector<Run> runs_;                      ///< node by node, ascending firstRow
  std::vector<std::uint32_t> runBase_;         ///< node -> its first run in runs_, plus end
  std::vector<std::uint32_t> groupBase_;       ///< node -> index of its group 0 in groupStart_
  std::vector<std::uint32_t> groupStart_;      ///< group -> start in pool_, plus end
  std::vector<LinkId> pool_;
};

}  // namespace ofe::topology
