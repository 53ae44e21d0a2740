#include "traffic/CollectiveAlgorithms.h"

namespace ofe::traffic::algorithms {

namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

}  // namespace

void p2pAllToAll(CollectiveWriter& w, Bytes size, bool relay) {
  const int n = w.ranks();
  const NcclTopology* t = w.call().topology;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      if (j == i) continue;
      const Bytes block = shareOf(size, n, j);
      int via = -1;
      if (relay && t != nullptr && t->serverOf(i) != t->serverOf(j)) {
        // PXN: the GPU of i's server at j's position sits on j's rail.
        const std::vector<int>& local = t->members(t->serverOf(i));
        const int position = t->positionOf(j);
        if (position < static_cast<int>(local.size()) && local[at(position)] != i) via = local[at(position)];
      }
      if (via < 0) {
        w.send(i, j, block, 0, {}, true);
      } else {
        const Arrival there = w.send(i, via, block, 0, {}, false);
        w.send(via, j, block, 1, there, true);
      }
    }
  }
}

}  // namespace ofe::traffic::algorithms
