#include "traffic/CollectiveAlgorithms.h"

namespace ofe::traffic::algorithms {

namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

}  // namespace

Arrivals directReduceScatter(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int stepBase,
                             const Arrivals& ready, bool final) {
  const int k = static_cast<int>(members.size());
  Arrivals complete(at(k));
  for (int i = 0; i < k; ++i) {
    const Arrival none;
    const Arrival& deps = ready.empty() ? none : ready[at(i)];
    for (int j = 0; j < k; ++j) {
      if (j == i) continue;
      const Arrival got = w.send(members[at(i)], members[at(j)], shareOf(size, k, j), stepBase, deps, final);
      complete[at(j)].insert(complete[at(j)].end(), got.begin(), got.end());
    }
  }
  for (Arrival& a : complete) CollectiveWriter::merge(a, {});
  return complete;
}

void directAllGather(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int stepBase,
                     const Arrivals& ready, bool final) {
  const int k = static_cast<int>(members.size());
  for (int i = 0; i < k; ++i) {
    const Arrival none;
    const Arrival& deps = ready.empty() ? none : ready[at(i)];
    for (int j = 0; j < k; ++j) {
      if (j != i) w.send(members[at(i)], members[at(j)], shareOf(size, k, i), stepBase, deps, final);
    }
  }
}

void directAllToAll(CollectiveWriter& w, Bytes size) {
  const int n = w.ranks();
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      if (j != i) w.send(i, j, shareOf(size, n, j), 0, {}, true);
    }
  }
}

}  // namespace ofe::traffic::algorithms
