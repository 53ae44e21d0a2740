#pragma once
/// @file DoubleBinaryTree.h
/// @brief NCCL's pair of complementary binary trees over n ranks.

#include <array>
#include <vector>

namespace ofe::traffic {

/// Two binary trees over ranks 0..n-1 shaped as in NCCL (src/graph/trees.cc):
/// tree 0 is an in-order tree rooted at 0 whose single top child is the
/// largest power of two below n, so odd ranks are leaves; tree 1 is tree 0
/// mirrored (r -> n-1-r) when n is even or shifted by one rank when n is odd,
/// so most ranks that are inner nodes in one tree are leaves in the other
/// (Sanders, Speck, Traeff, "Two-tree algorithms for full bandwidth broadcast,
/// reduction and scan", Parallel Computing 35(12), 2009). Depth is ceil(log2 n).
class DoubleBinaryTree {
 public:
  /// @throws std::invalid_argument when @p n < 1.
  explicit DoubleBinaryTree(int n);

  int size() const { return n_; }
  /// Root of tree @p t (0 or 1): 0, and 1 (odd n > 1) or n-1 (even n).
  int root(int t) const { return roots_[static_cast<std::size_t>(t)]; }
  /// Parent of @p rank in tree @p t, -1 for the root.
  int parent(int t, int rank) const;
  /// Children of @p rank in tree @p t (0, 1 or 2), ascending.
  const std::vector<int>& children(int t, int rank) const;
  /// Hops from the root of tree @p t.
  int depth(int t, int rank) const;
  /// Largest depth in tree @p t.
  int height(int t) const { return heights_[static_cast<std::size_t>(t)]; }
  /// Ranks of tree @p t ordered by depth (root first), ties by rank.
  const std::vector<int>& topDown(int t) const { return order_[static_cast<std::size_t>(t)]; }

 private:
  struct Shape {
    std::vector<int> parent;
    std::vector<std::vector<int>> children;
    std::vector<int> depth;
  };
  int n_;
  std::array<int, 2> roots_{};
  std::array<int, 2> heights_{};
  std::array<Shape, 2> trees_;
  std::array<std::vector<int>, 2> order_;
};

}  // namespace ofe::traffic
