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
/// @p connection is written to every transfer (Transfer::connection).
Arrivals ringAllReduce(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int chunks,
                       int stepBase, const Arrivals& ready, bool final, int connection = -1);
/// Ring all-gather: block s (S/k) starts at member s and makes k-1 hops.
void ringAllGather(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int chunks, int stepBase,
                   int connection = -1);
/// Ring reduce-scatter: block s starts at member s+1 and ends, reduced, at member s.
void ringReduceScatter(CollectiveWriter& w, const std::vector<int>& members, Bytes size, int chunks,
                       int stepBase, int connection = -1);
/// Pipelined chain through @p order (broadcast: order[0] first; reduce: towards
/// order[0], from order[1]). Chunk c of a hop waits for chunk c of the previous
/// hop; with @p connection < 0 also for chunk c-1 of the same hop (one slot in
/// flight), otherwise the connection's FIFO keeps the chunks in order.
void chainOver(CollectiveWriter& w, const std::vector<int>& order, Bytes size, int chunks, bool towardsRoot,
               int connection);
/// chainOver root, root+1, ... in rank order, one slot in flight per hop.
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

/// Double binary tree all-reduce over ranks in rank order: each tree reduces
/// then broadcasts half of S, one chunk in flight per hop.
void treeAllReduce(CollectiveWriter& w, Bytes size, int chunks);
/// All-reduce over one tree: chunk c goes up once it arrived from every
/// child, then down from the root. With @p connection < 0 a hop holds one
/// chunk at a time; otherwise the connection's FIFO orders them.
void treeAllReduceOver(CollectiveWriter& w, const NcclTopology::RankTree& tree, Bytes size, int chunks,
                       int connection);
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

/// NCCL ring all-reduce (also all-gather, reduce-scatter with the matching
/// function): S split over the call's channels; channel c is a ring over
/// NcclTopology::ringOrder(c) on connection c, cut into pieces of
/// NcclProtocol::ringPiece (at most 16 per segment).
void ncclRingAllReduce(CollectiveWriter& w, Bytes size);
void ncclRingAllGather(CollectiveWriter& w, Bytes size);
void ncclRingReduceScatter(CollectiveWriter& w, Bytes size);
/// NCCL ring broadcast / reduce: per channel, a chain along that channel's ring from the root.
void ncclRingBroadcastOrReduce(CollectiveWriter& w, Bytes size, int root, bool towardsRoot);
/// NCCL tree all-reduce: per channel, NcclTopology::tree(c) in chunks of NcclProtocol::treeChunk.
void ncclTreeAllReduce(CollectiveWriter& w, Bytes size);
/// NVLS all-reduce: position j owns slice j (S/g); per chunk every GPU sends
/// its part of slice j to the switch, which reduces it into j; j stores the
/// result back and the switch multicasts it to every GPU. Across servers
/// (NCCL's NVLS with CollNet) the heads j of all servers first all-reduce the
/// slice in the network (sharpAllReduce) and then store it.
void nvlsAllReduce(CollectiveWriter& w, Bytes size);
/// NVLS-tree all-reduce: NVLS reduction of slice h into head h of each server,
/// an all-reduce of it over the heads h of all servers on NCCL's double binary
/// tree (half of the slice on each tree), then NVLS multicast in every server.
void nvlsTreeAllReduce(CollectiveWriter& w, Bytes size);
/// In-network all-reduce of @p bytes over the heads at @p position of every
/// server (SHARP): head s sends once @p ready[s] is in, each switch of
/// NcclTopology::sharpTree(position) passes its children's sum up, the root's
/// total comes back down the same edges to every head. Returns, per server,
/// the arrival of the total at its head; @p final marks those arrivals final.
Arrivals sharpAllReduce(CollectiveWriter& w, int position, Bytes bytes, const Arrivals& ready, int step,
                        bool final);
/// CollNet Direct all-reduce: head h (a GPU with its NIC) owns slice h; every
/// GPU of a server sends its part of it to head h over NVLink, the heads h of
/// all servers all-reduce it in the network, and head h sends the total to
/// every GPU of its server. Chunks as NCCL's calcCollChunking.
void collnetAllReduce(CollectiveWriter& w, Bytes size);
/// CollNet Chain all-reduce: per channel an NVLink chain from the last GPU up
/// to the channel's head, an in-network all-reduce over the heads, and the
/// chain back down.
void collnetChainAllReduce(CollectiveWriter& w, Bytes size);
/// All-to-all, rank i sending block j (S/n) to rank j. With @p relay (PXN) a
/// block for another server whose GPU sits at another position first crosses
/// NVLink to the GPU of i's server at j's position, which sends it over its
/// NIC on j's rail; otherwise every block goes straight from i to j.
void p2pAllToAll(CollectiveWriter& w, Bytes size, bool relay);

}  // namespace ofe::traffic::algorithms
