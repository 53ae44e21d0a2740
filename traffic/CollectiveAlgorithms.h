#pragma once
/// @file CollectiveAlgorithms.h
/// @brief The building blocks appendCollective dispatches to. Each adds one
///        algorithm's transfers through a CollectiveWriter; docs/collectives.md
///        describes every schedule and its dependency rules.
///
/// "members" are rank indices of the call taking part (all ranks at top
/// level, a subset inside Hierarchical); results are per member index.
/// "ready" (empty, or one list per member) is what a member must have
/// received before it may contribute its own data.

#include <cstdint>
#include <vector>

#include "traffic/CollectiveWriter.h"
#include "units/Bytes.h"

namespace ofe::traffic::algorithms {

/// One Arrival per member.
using Arrivals = std::vector<Arrival>;

/// Bytes before part @p i when @p total is cut into @p parts parts whose sizes
/// differ by at most one byte, the larger ones first.
inline Bytes offsetOf(Bytes total, int parts, int i) {
  const std::int64_t q = total.count() / parts;
  const std::int64_t r = total.count() % parts;
  return Bytes(q * i + (i < r ? i : r));
}
/// Size of part @p i of that cut.
inline Bytes shareOf(Bytes total, int parts, int i) {
  return offsetOf(total, parts, i + 1) - offsetOf(total, parts, i);
}

/// Ring reduce-scatter then all-gather: segment s (S/k) starts at member s
/// and makes 2(k-1) hops; chunk c of a hop waits for chunk c of the previous
/// hop. Returns, per member, the arrivals that complete its result.
Arrivals ringAllReduce(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int chunks,
                       int stepBase, const Arrivals& ready, bool final);
/// Ring all-gather: block s (S/k) starts at member s and makes k-1 hops.
void ringAllGather(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int chunks, int stepBase);
/// Ring reduce-scatter: block s starts at member s+1 and ends, reduced, at member s.
void ringReduceScatter(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int chunks,
                       int stepBase);
/// Pipelined chain root, root+1, ... (broadcast) or root+1, ..., root (reduce);
/// chunk c of a hop waits for chunk c of the previous hop and chunk c-1 of the same hop.
void chain(CollectiveWriter& w, Bytes size, int chunks, int root, bool towardsRoot);
/// nccl-tests send-recv pattern (every rank to rank+1) when @p ring, else rank 0 to rank 1.
void sendRecv(CollectiveWriter& w, Bytes size, int chunks, bool ring);

/// Direct reduce-scatter: member i receives block i (S/k) from every other member.
Arrivals directReduceScatter(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int stepBase,
                             const Arrivals& ready, bool final);
/// Direct all-gather: member i sends block i (S/k) to every other member.
void directAllGather(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int stepBase,
                     const Arrivals& ready, bool final);
/// Direct all-to-all: member i sends block j (S/k) to member j.
void directAllToAll(CollectiveWriter& w, Bytes size);

/// NCCL-style double binary tree all-reduce: each tree reduces then broadcasts half of S.
void treeAllReduce(CollectiveWriter& w, Bytes size, int chunks);
/// Two-tree broadcast (towardsRoot = false) or reduce: the root feeds / drains a
/// double binary tree over the other n-1 ranks, half of S per tree.
void treeBroadcastOrReduce(CollectiveWriter& w, Bytes size, int chunks, int root, bool towardsRoot);

/// Recursive halving (reduce-scatter) then doubling (all-gather); a
/// non-power-of-two n first folds its extra ranks into partners (docs/collectives.md).
void halvingDoublingAllReduce(CollectiveWriter& w, Bytes size);
/// Recursive-halving reduce-scatter; n must be a power of two.
void halvingReduceScatter(CollectiveWriter& w, Bytes size);
/// Recursive-doubling all-gather; n must be a power of two.
void doublingAllGather(CollectiveWriter& w, Bytes size);

/// Direct reduce-scatter in each scale-up domain, ring all-reduce of block i
/// among the members at position i of every domain, direct all-gather in each domain.
void hierarchicalAllReduce(CollectiveWriter& w, const std::vector<std::vector<int>>& domains, Bytes size,
                           int chunks);

}  // namespace ofe::traffic::algorithms
