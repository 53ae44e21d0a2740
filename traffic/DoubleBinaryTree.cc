#include "traffic/DoubleBinaryTree.h"

#include <algorithm>
#include <stdexcept>

namespace ofe::traffic {

namespace {

// Parent of `rank` in the in-order binary tree over 0..n-1 rooted at 0: a
// rank's level is its lowest set bit; a rank x..x10..0 owns x..x01..0 and
// x..x11..0 below it. Facts from NCCL src/graph/trees.cc (ncclGetBtree).
int btreeParent(int n, int rank) {
  if (rank == 0) return -1;
  int bit = 1;
  while (bit < n && (bit & rank) == 0) bit <<= 1;
  const int up = (rank ^ bit) | (bit << 1);
  return up < n ? up : (rank ^ bit);
}

}  // namespace

DoubleBinaryTree::DoubleBinaryTree(int n) : n_(n) {
  if (n < 1) throw std::invalid_argument("a double binary tree needs at least one rank");
  // Tree 1 relabels tree 0: mirror for even n keeps the leaf/inner alternation
  // opposite to tree 0; odd n has a middle rank the mirror would map to itself.
  auto toTree1 = [n](int r) { return n % 2 == 0 ? n - 1 - r : (r + 1) % n; };
  for (int t = 0; t < 2; ++t) {
    Shape& s = trees_[static_cast<std::size_t>(t)];
    s.parent.assign(static_cast<std::size_t>(n), -1);
    s.children.assign(static_cast<std::size_t>(n), {});
    s.depth.assign(static_cast<std::size_t>(n), 0);
    for (int r = 0; r < n; ++r) {
      const int p = btreeParent(n, r);
      const int node = t == 0 ? r : toTree1(r);
      if (p < 0) {
        roots_[static_cast<std::size_t>(t)] = node;
        continue;
      }
      const int up = t == 0 ? p : toTree1(p);
      s.parent[static_cast<std::size_t>(node)] = up;
      s.children[static_cast<std::size_t>(up)].push_back(node);
    }
    for (auto& c : s.children) std::sort(c.begin(), c.end());
    // Breadth-first from the root gives depths and a top-down order.
    std::vector<int>& order = order_[static_cast<std::size_t>(t)];
    order.push_back(roots_[static_cast<std::size_t>(t)]);
    for (std::size_t i = 0; i < order.size(); ++i) {
      const int u = order[i];
      for (int c : s.children[static_cast<std::size_t>(u)]) {
        s.depth[static_cast<std::size_t>(c)] = s.depth[static_cast<std::size_t>(u)] + 1;
        order.push_back(c);
      }
    }
    std::stable_sort(order.begin(), order.end(), [&s](int a, int b) {
      const int da = s.depth[static_cast<std::size_t>(a)];
      const int db = s.depth[static_cast<std::size_t>(b)];
      return da != db ? da < db : a < b;
    });
    heights_[static_cast<std::size_t>(t)] = *std::max_element(s.depth.begin(), s.depth.end());
  }
}

int DoubleBinaryTree::parent(int t, int rank) const {
  return trees_.at(static_cast<std::size_t>(t)).parent.at(static_cast<std::size_t>(rank));
}

const std::vector<int>& DoubleBinaryTree::children(int t, int rank) const {
  return trees_.at(static_cast<std::size_t>(t)).children.at(static_cast<std::size_t>(rank));
}

int DoubleBinaryTree::depth(int t, int rank) const {
  return trees_.at(static_cast<std::size_t>(t)).depth.at(static_cast<std::size_t>(rank));
}

}  // namespace ofe::traffic
