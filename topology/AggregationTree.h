#pragma once
/// @file AggregationTree.h
/// @brief A reduction tree of in-network-reduction packet switches over a set of GPUs
///        (what InfiniBand SHARP's aggregation manager sets up for a job).

#include <vector>

#include "topology/Fabric.h"

namespace ofe::topology {

/// Switches that reduce the data of a set of GPUs on its way up and send the
/// result back down: each GPU hands its data to its *leaf* (the packet switch
/// its NIC link reaches, the lowest link id when it has several), each switch
/// reduces what its children sent and passes the sum to its parent, and the
/// root's total goes back down the same edges. Every switch of the tree has
/// SwitchModel::inNetworkReduction and every edge is one link that is up.
///
/// The root is the capable switch closest to all leaves (smallest largest hop
/// count, then smallest sum, then the `variant`-th of the remaining ones in
/// node order, so trees of different channels can start at different spines);
/// a switch's parent is its neighbour one hop nearer the root with the lowest
/// node id. With one leaf the tree is that switch alone.
class AggregationTree {
 public:
  /// @throws std::invalid_argument naming the node when a GPU has no link to
  /// a packet switch, a leaf cannot reduce (its model's in_network_reduction
  /// is false), or no capable switch reaches every leaf over capable switches.
  static AggregationTree over(const Fabric& fabric, const std::vector<NodeId>& gpus,
                              int variant = 0);

  /// Switches of the tree, root first, each after its parent.
  const std::vector<NodeId>& switches() const { return switches_; }
  /// Index (in switches()) of the parent of switch @p i; -1 for the root.
  int parent(int i) const { return parent_.at(static_cast<std::size_t>(i)); }
  /// Index of the leaf switch of GPU @p g (position in the `gpus` passed to over()).
  int leafOf(int g) const { return leaf_.at(static_cast<std::size_t>(g)); }
  /// Edges from the root to the deepest switch (0 for a single switch).
  int height() const { return height_; }

 private:
  std::vector<NodeId> switches_;
  std::vector<int> parent_;
  std::vector<int> leaf_;
  int height_ = 0;
};

}  // namespace ofe::topology
