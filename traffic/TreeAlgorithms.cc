#include "traffic/CollectiveAlgorithms.h"
#include "traffic/DoubleBinaryTree.h"

namespace ofe::traffic::algorithms {

namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

}  // namespace

void treeAllReduce(CollectiveWriter& w, Bytes size, int chunks) {
  const int n = w.ranks();
  const DoubleBinaryTree trees(n);
  // Per tree and rank: chunk c's arrival on the rank's hop to its parent (up)
  // and from its parent (down). Overwritten chunk by chunk, so the value read
  // before the overwrite is chunk c-1 on the same hop: one slot in flight per
  // hop makes the tree a pipeline.
  std::vector<Arrivals> up(2, Arrivals(at(n)));
  std::vector<Arrivals> down(2, Arrivals(at(n)));
  for (int c = 0; c < chunks; ++c) {
    for (int t = 0; t < 2; ++t) {
      const Bytes piece = shareOf(shareOf(size, 2, t), chunks, c);
      const int height = trees.height(t);
      const std::vector<int>& order = trees.topDown(t);
      // Reduce: deepest ranks first, so children's chunk c exists before the parent's.
      for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const int r = *it;
        const int parent = trees.parent(t, r);
        if (parent < 0) continue;
        Arrival deps = up[at(t)][at(r)];
        for (int child : trees.children(t, r)) CollectiveWriter::merge(deps, up[at(t)][at(child)]);
        up[at(t)][at(r)] = w.send(r, parent, piece, height - trees.depth(t, r), deps);
      }
      // Broadcast the reduced chunk back down.
      for (int r : order) {
        const int parent = trees.parent(t, r);
        if (parent < 0) continue;
        Arrival deps = down[at(t)][at(r)];
        if (trees.parent(t, parent) < 0) {
          for (int sibling : trees.children(t, parent)) CollectiveWriter::merge(deps, up[at(t)][at(sibling)]);
        } else {
          CollectiveWriter::merge(deps, down[at(t)][at(parent)]);
        }
        down[at(t)][at(r)] =
            w.send(parent, r, piece, height + trees.depth(t, r) - 1, deps, c == chunks - 1);
      }
    }
  }
}

void treeBroadcastOrReduce(CollectiveWriter& w, Bytes size, int chunks, int root, bool towardsRoot) {
  const int n = w.ranks();
  const int m = n - 1;
  const DoubleBinaryTree trees(m);
  auto rankOf = [n, root](int local) { return (root + 1 + local) % n; };
  // Per tree and local rank: chunk c's arrival on the hop between the rank and
  // its parent (the real root stands above each tree's root); as in
  // treeAllReduce the previous value is chunk c-1 on the same hop.
  std::vector<Arrivals> hop(2, Arrivals(at(m)));
  for (int c = 0; c < chunks; ++c) {
    for (int t = 0; t < 2; ++t) {
      const Bytes piece = shareOf(shareOf(size, 2, t), chunks, c);
      const int height = trees.height(t);
      const std::vector<int>& order = trees.topDown(t);
      const bool last = c == chunks - 1;
      if (towardsRoot) {
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
          const int r = *it;
          Arrival deps = hop[at(t)][at(r)];
          for (int child : trees.children(t, r)) CollectiveWriter::merge(deps, hop[at(t)][at(child)]);
          const int parent = trees.parent(t, r);
          const int to = parent < 0 ? root : rankOf(parent);
          hop[at(t)][at(r)] = w.send(rankOf(r), to, piece, height - trees.depth(t, r), deps, last);
        }
      } else {
        for (int r : order) {
          const int parent = trees.parent(t, r);
          Arrival deps = hop[at(t)][at(r)];
          if (parent >= 0) CollectiveWriter::merge(deps, hop[at(t)][at(parent)]);
          const int from = parent < 0 ? root : rankOf(parent);
          hop[at(t)][at(r)] = w.send(from, rankOf(r), piece, trees.depth(t, r), deps, last);
        }
      }
    }
  }
}

}  // namespace ofe::traffic::algorithms
