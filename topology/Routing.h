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
/// Recompute after Fabric::setLinkUp. Each node may have at most 65,535
/// distinct next-hop sets (compute throws std::length_error beyond).
class Routing {
 public:
  static constexpr std::int64_t kUnreachable = std::numeric_limits<std::int64_t>::max();

  /// Computes tables towards every GPU (one shortest-path search per GPU).
  static Routing compute(const Fabric& fabric, RouteMetric metric = RouteMetric::Hops);

  /// Equal-cost next-hop links from @p at towards GPU @p dst; empty when
  /// @p at == @p dst, @p dst is unreachable, or @p dst is not a GPU.
  LinkRange nextHops(NodeId at, NodeId dst) const;
  /// Path cost from @p at to GPU @p dst, kUnreachable when there is none.
  std::int64_t distance(NodeId at, NodeId dst) const;
  RouteMetric metric() const { return metric_; }

 private:
  RouteMetric metric_ = RouteMetric::Hops;
  std::size_t nodeCount_ = 0;
  std::vector<std::int32_t> destIndex_;        ///< node -> row, -1 if not a GPU
  std::vector<std::int64_t> distance_;         ///< row * nodeCount + node
  std::size_t destCount_ = 0;                  ///< GPUs (rows)
  // Next hops, compressed: a node sends towards most destinations over one
  // of a few link sets (a fat-tree edge switch: its uplinks, or one downlink),
  // so each (node, destination) cell names one of its node's groups.
  std::vector<std::uint16_t> groupOf_;         ///< node * destCount + row -> group of that node
  std::vector<std::uint32_t> groupBase_;       ///< node -> index of its group 0 in groupStart_
  std::vector<std::uint32_t> groupStart_;      ///< group -> start in pool_, plus end
  std::vector<LinkId> pool_;
};

}  // namespace ofe::topology
