#include <algorithm>

#include "traffic/CollectiveAlgorithms.h"
#include "traffic/DoubleBinaryTree.h"
#include "traffic/NcclProtocol.h"

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

void treeAllReduceOver(CollectiveWriter& w, const NcclTopology::RankTree& tree, Bytes size, int chunks,
                       int connection) {
  const int n = w.ranks();
  // Depths and a top-down order by breadth-first search from the root.
  std::vector<int> depth(at(n), 0);
  std::vector<int> order{tree.root};
  for (std::size_t i = 0; i < order.size(); ++i) {
    for (int child : tree.children[at(order[i])]) {
      depth[at(child)] = depth[at(order[i])] + 1;
      order.push_back(child);
    }
  }
  const int height = *std::max_element(depth.begin(), depth.end());
  Arrivals up(at(n));
  Arrivals down(at(n));
  for (int c = 0; c < chunks; ++c) {
    const Bytes piece = shareOf(size, chunks, c);
    const bool last = c == chunks - 1;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const int r = *it;
      const int parent = tree.parent[at(r)];
      if (parent < 0) continue;
      // Without a connection the previous chunk on the hop must be delivered
      // first (one slot in flight); with one, its FIFO keeps them in order.
      Arrival deps = connection < 0 ? up[at(r)] : Arrival{};
      for (int child : tree.children[at(r)]) CollectiveWriter::merge(deps, up[at(child)]);
      up[at(r)] = w.send(r, parent, piece, height - depth[at(r)], deps, false, connection);
    }
    for (int r : order) {
      const int parent = tree.parent[at(r)];
      if (parent < 0) continue;
      Arrival deps = connection < 0 ? down[at(r)] : Arrival{};
      if (parent == tree.root) {
        for (int sibling : tree.children[at(parent)]) CollectiveWriter::merge(deps, up[at(sibling)]);
      } else {
        CollectiveWriter::merge(deps, down[at(parent)]);
      }
      down[at(r)] = w.send(parent, r, piece, height + depth[at(r)] - 1, deps, last, connection);
    }
  }
}

void ncclTreeAllReduce(CollectiveWriter& w, Bytes size) {
  const NcclTopology* topo = w.call().topology;
  if (topo == nullptr) throw std::logic_error("an NCCL algorithm needs the call's NCCL topology");
  const int channels = std::max(1, w.call().channels);
  std::int64_t chunk = std::max<std::int64_t>(1, NcclProtocol::treeChunk(w.call().protocol).count());
  if (w.call().protocol == Protocol::LL128) {
    // calcCollChunking (src/enqueue.cc): LL128 trees shrink their chunks until
    // each channel has enough of them to fill the tree's depth.
    const int nodes = topo->servers();
    const double ppn = static_cast<double>(topo->ranks()) / nodes;
    int log2Nodes = 0;
    while ((2 << log2Nodes) <= nodes) ++log2Nodes;
    const double steps = 1 + log2Nodes + 0.1 * ppn;
    const auto perChannel = [&] { return static_cast<double>(size.count() / (channels * chunk)); };
    while (perChannel() < steps * 64 / ppn && chunk > 131072) chunk /= 2;
    while (perChannel() < steps * 16 / ppn && chunk > 32768) chunk /= 2;
  }
  constexpr std::int64_t kMaxTreeChunks = 64;
  for (int c = 0; c < channels; ++c) {
    const Bytes share = shareOf(size, channels, c);
    if (share.count() == 0) continue;
    const int chunks = static_cast<int>(std::clamp<std::int64_t>((share.count() + chunk - 1) / chunk, 1, kMaxTreeChunks));
    treeAllReduceOver(w, topo->tree(c), share, chunks, c);
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
