#include "traffic/CollectiveAlgorithms.h"

namespace ofe::traffic::algorithms {

namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

int log2Floor(int p) {
  int l = 0;
  while ((2 << l) <= p) ++l;
  return l;
}

/// Blocks [lo, hi) of p held by one participant.
struct Range {
  int lo = 0;
  int hi = 0;
};

Bytes bytesOf(Bytes size, int p, Range r) { return offsetOf(size, p, r.hi) - offsetOf(size, p, r.lo); }

/// Recursive halving over participants 0..p-1 (p a power of two), ranks[q]
/// being participant q's rank. Round mask p/2, p/4, ..., 1: q keeps the half
/// of its range on its side of the mask bit and sends the other half to
/// q ^ mask, so it ends with block q reduced. Returns each participant's
/// arrivals of the last round (ready for the all-gather).
Arrivals halving(CollectiveWriter& w, const std::vector<int>& ranks, Bytes size, int stepBase, Arrivals ready,
                 bool final) {
  const int p = static_cast<int>(ranks.size());
  std::vector<Range> range(at(p), Range{0, p});
  int step = stepBase;
  for (int mask = p / 2; mask >= 1; mask /= 2, ++step) {
    Arrivals next(at(p));
    std::vector<Range> kept(at(p));
    for (int q = 0; q < p; ++q) {
      const int partner = q ^ mask;
      const Range& r = range[at(q)];
      const int mid = (r.lo + r.hi) / 2;
      const bool lower = (q & mask) == 0;
      kept[at(q)] = lower ? Range{r.lo, mid} : Range{mid, r.hi};
      const Range give = lower ? Range{mid, r.hi} : Range{r.lo, mid};
      next[at(partner)] = w.send(ranks[at(q)], ranks[at(partner)], bytesOf(size, p, give), step, ready[at(q)],
                                 final && mask == 1);
    }
    range = kept;
    ready = std::move(next);
  }
  return ready;
}

/// Recursive doubling: participant q starts with block q; round mask 1, 2,
/// ..., p/2 exchanges the whole current range with q ^ mask. Returns, per
/// participant, every arrival of every round (what completes its result).
Arrivals doubling(CollectiveWriter& w, const std::vector<int>& ranks, Bytes size, int stepBase, Arrivals ready,
                  bool final) {
  const int p = static_cast<int>(ranks.size());
  std::vector<Range> range(at(p));
  for (int q = 0; q < p; ++q) range[at(q)] = Range{q, q + 1};
  Arrivals complete = ready;
  int step = stepBase;
  for (int mask = 1; mask < p; mask *= 2, ++step) {
    Arrivals next(at(p));
    for (int q = 0; q < p; ++q) {
      const int partner = q ^ mask;
      next[at(partner)] = w.send(ranks[at(q)], ranks[at(partner)], bytesOf(size, p, range[at(q)]), step,
                                 ready[at(q)], final && 2 * mask == p);
    }
    for (int q = 0; q < p; q += 2 * mask) {
      for (int j = q; j < q + 2 * mask; ++j) range[at(j)] = Range{q, q + 2 * mask};
    }
    for (int q = 0; q < p; ++q) CollectiveWriter::merge(complete[at(q)], next[at(q)]);
    ready = std::move(next);
  }
  return complete;
}

std::vector<int> allRanks(int n) {
  std::vector<int> r(at(n));
  for (int i = 0; i < n; ++i) r[at(i)] = i;
  return r;
}

}  // namespace

void halvingDoublingAllReduce(CollectiveWriter& w, Bytes size) {
  const int n = w.ranks();
  const int p = 1 << log2Floor(n);
  const int extra = n - p;
  // Fold (Rabenseifner): of the first 2*extra ranks, each even one hands its
  // whole vector to the odd one above it and sits out; the odd ones and all
  // ranks from 2*extra on form a power-of-two group.
  std::vector<int> ranks(at(p));
  for (int q = 0; q < p; ++q) ranks[at(q)] = q < extra ? 2 * q + 1 : q + extra;
  Arrivals ready(at(p));
  for (int q = 0; q < extra; ++q) ready[at(q)] = w.send(2 * q, 2 * q + 1, size, 0, {});
  const int base = extra > 0 ? 1 : 0;
  const int rounds = log2Floor(p);
  const Arrivals reduced = halving(w, ranks, size, base, ready, false);
  // The last doubling round counts as final even after a fold: ranks outside
  // the fold finish there, and the next instance sequences on it.
  const Arrivals complete = doubling(w, ranks, size, base + rounds, reduced, true);
  for (int q = 0; q < extra; ++q) {
    w.send(2 * q + 1, 2 * q, size, base + 2 * rounds, complete[at(q)], true);
  }
}

void halvingReduceScatter(CollectiveWriter& w, Bytes size) {
  const int n = w.ranks();
  halving(w, allRanks(n), size, 0, Arrivals(at(n)), true);
}

void doublingAllGather(CollectiveWriter& w, Bytes size) {
  const int n = w.ranks();
  doubling(w, allRanks(n), size, 0, Arrivals(at(n)), true);
}

}  // namespace ofe::traffic::algorithms
