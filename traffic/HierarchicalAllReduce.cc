#include "traffic/CollectiveAlgorithms.h"

namespace ofe::traffic::algorithms {

namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

}  // namespace

void hierarchicalAllReduce(CollectiveWriter& w, const std::vector<std::vector<int>>& domains, Bytes size,
                           int chunks) {
  const int servers = static_cast<int>(domains.size());
  const int g = static_cast<int>(domains.front().size());
  if (g == 1) {
    // No scale-up peers: the whole collective is the inter-server ring.
    std::vector<int> ring;
    for (const auto& d : domains) ring.push_back(d.front());
    ringAllReduce(w, ring, size, chunks, 0, {}, true);
    return;
  }
  // Phase 1: inside each server, position i collects block i (S/g) reduced over the server.
  std::vector<Arrivals> reduced(at(servers));
  for (int d = 0; d < servers; ++d) {
    reduced[at(d)] = directReduceScatter(w, domains[at(d)], size, 0, {}, false);
  }
  // Phase 2: position i of every server all-reduces block i over a ring of the
  // servers, so inter-server traffic only joins GPUs on the same rail.
  std::vector<Arrivals> complete = reduced;
  if (servers > 1) {
    for (int i = 0; i < g; ++i) {
      std::vector<int> ring(at(servers));
      Arrivals ready(at(servers));
      for (int d = 0; d < servers; ++d) {
        ring[at(d)] = domains[at(d)][at(i)];
        ready[at(d)] = reduced[at(d)][at(i)];
      }
      const Arrivals done = ringAllReduce(w, ring, shareOf(size, g, i), chunks, 1, ready, false);
      for (int d = 0; d < servers; ++d) complete[at(d)][at(i)] = done[at(d)];
    }
  }
  // Phase 3: inside each server, position i hands the final block i to its peers.
  const int step = servers > 1 ? 1 + 2 * (servers - 1) : 1;
  for (int d = 0; d < servers; ++d) {
    directAllGather(w, domains[at(d)], size, step, complete[at(d)], true);
  }
}

}  // namespace ofe::traffic::algorithms
