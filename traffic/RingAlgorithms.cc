#include "traffic/CollectiveAlgorithms.h"

namespace ofe::traffic::algorithms {

namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

}  // namespace

Arrivals ringAllReduce(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int chunks,
                       int stepBase, const Arrivals& ready, bool final, int connection) {
  const int k = static_cast<int>(members.size());
  const int steps = 2 * (k - 1);
  // Where chunk c of segment s currently is: segment s starts at member s and
  // is forwarded one member further each step, so one token per chunk suffices.
  std::vector<Arrivals> token(at(k), Arrivals(at(chunks)));
  Arrivals complete(at(k));
  for (int step = 0; step < steps; ++step) {
    const bool reducing = step < k - 1;
    for (int s = 0; s < k; ++s) {
      const int from = (s + step) % k;
      const int to = (from + 1) % k;
      const Bytes segment = shareOf(size, k, s);
      for (int c = 0; c < chunks; ++c) {
        Arrival deps = token[at(s)][at(c)];
        // While reducing, a member adds its own contribution, which may itself
        // still be arriving (Hierarchical's intra-server phase).
        if (reducing && !ready.empty()) CollectiveWriter::merge(deps, ready[at(from)]);
        token[at(s)][at(c)] = w.send(members[at(from)], members[at(to)], shareOf(segment, chunks, c),
                                     stepBase + step, deps, final && step == steps - 1, connection);
        // Step k-2 leaves the fully reduced segment at its owner; later steps deliver copies.
        if (step >= k - 2) {
          Arrival& mine = complete[at(to)];
          mine.insert(mine.end(), token[at(s)][at(c)].begin(), token[at(s)][at(c)].end());
        }
      }
    }
  }
  for (Arrival& a : complete) CollectiveWriter::merge(a, {});
  return complete;
}

void ringAllGather(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int chunks, int stepBase,
                   int connection) {
  const int k = static_cast<int>(members.size());
  std::vector<Arrivals> token(at(k), Arrivals(at(chunks)));
  for (int step = 0; step < k - 1; ++step) {
    for (int s = 0; s < k; ++s) {
      const int from = (s + step) % k;
      const int to = (from + 1) % k;
      const Bytes block = shareOf(size, k, s);
      for (int c = 0; c < chunks; ++c) {
        token[at(s)][at(c)] = w.send(members[at(from)], members[at(to)], shareOf(block, chunks, c),
                                     stepBase + step, token[at(s)][at(c)], step == k - 2, connection);
      }
    }
  }
}

void ringReduceScatter(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int chunks,
                       int stepBase, int connection) {
  const int k = static_cast<int>(members.size());
  std::vector<Arrivals> token(at(k), Arrivals(at(chunks)));
  for (int step = 0; step < k - 1; ++step) {
    for (int s = 0; s < k; ++s) {
      const int from = (s + 1 + step) % k;
      const int to = (from + 1) % k;
      const Bytes block = shareOf(size, k, s);
      for (int c = 0; c < chunks; ++c) {
        token[at(s)][at(c)] = w.send(members[at(from)], members[at(to)], shareOf(block, chunks, c),
                                     stepBase + step, token[at(s)][at(c)], step == k - 2, connection);
      }
    }
  }
}

void chainOver(CollectiveWriter& w, const std::vector<int>& order, Bytes size, int chunks, bool towardsRoot,
               int connection) {
  const int n = static_cast<int>(order.size());
  // Broadcast flows order[0], order[1], ...; reduce flows order[1], ..., order[n-1], order[0].
  const auto member = [&](int i) { return order[at((towardsRoot ? i + 1 : i) % n)]; };
  Arrivals previousOnHop(at(n - 1));  // chunk c-1 on each hop
  for (int c = 0; c < chunks; ++c) {
    Arrival token;  // chunk c at the sender of the current hop
    for (int hop = 0; hop < n - 1; ++hop) {
      // One slot in flight per hop (unless a connection keeps the chunks in
      // order): a chunk leaves once the previous one on the same hop was
      // delivered, which is what makes the chain a pipeline.
      Arrival deps = token;
      if (connection < 0) CollectiveWriter::merge(deps, previousOnHop[at(hop)]);
      token = w.send(member(hop), member(hop + 1), shareOf(size, chunks, c), hop, deps, c == chunks - 1, connection);
      previousOnHop[at(hop)] = token;
    }
  }
}

void chain(CollectiveWriter& w, Bytes size, int chunks, int root, bool towardsRoot) {
  const int n = w.ranks();
  std::vector<int> order(at(n));
  for (int i = 0; i < n; ++i) order[at(i)] = (root + i) % n;
  chainOver(w, order, size, chunks, towardsRoot, -1);
}

void sendRecv(CollectiveWriter& w, Bytes size, int chunks, bool ring) {
  const int n = w.ranks();
  const int senders = ring ? n : 1;
  for (int r = 0; r < senders; ++r) {
    Arrival previous;
    for (int c = 0; c < chunks; ++c) {
      previous = w.send(r, (r + 1) % n, shareOf(size, chunks, c), 0, previous, c == chunks - 1);
    }
  }
}

}  // namespace ofe::traffic::algorithms
