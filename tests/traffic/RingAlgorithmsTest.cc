// Ring all-reduce / all-gather / reduce-scatter, chain broadcast/reduce and
// send-recv: counts, bytes and dependencies derived by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "TrafficTestSupport.h"
#include "traffic/Collectives.h"

namespace ofe::traffic {
namespace {

using test::firstNodes;
using test::receivedPerRank;
using test::sentPerRank;

constexpr std::int64_t kMiB = 1 << 20;

CollectiveCall ring(CollectiveOp op, int n, std::int64_t bytes, int chunks) {
  CollectiveCall c;
  c.op = op;
  c.algorithm = Algorithm::FlatRing;
  c.ranks = firstNodes(n);
  c.size = Bytes(bytes);
  c.chunks = chunks;
  c.collective = 0;
  return c;
}

TEST(RingAllReduce, CountsBytesAndNeighbours) {
  // n = 4, S = 4 MiB, 2 chunks: 2(n-1) = 6 steps x n = 4 segments x 2 chunks
  // = 48 transfers, each S/n/2 = 512 KiB; every rank sends 2(n-1)/n S = 6 MiB.
  const Plan plan = buildCollective(ring(CollectiveOp::AllReduce, 4, 4 * kMiB, 2));
  ASSERT_EQ(plan.size(), 48u);
  for (const Transfer& t : plan.transfers()) {
    EXPECT_EQ(t.size, Bytes(512 * 1024));
    EXPECT_EQ(t.dstRank, (t.srcRank + 1) % 4);
    EXPECT_EQ(t.src, static_cast<topology::NodeId>(t.srcRank));
    EXPECT_EQ(t.collective, 0);
    EXPECT_GE(t.step, 0);
    EXPECT_LE(t.step, 5);
  }
  for (std::int64_t b : sentPerRank(plan, 4)) EXPECT_EQ(b, 6 * kMiB);
  for (std::int64_t b : receivedPerRank(plan, 4)) EXPECT_EQ(b, 6 * kMiB);
  EXPECT_EQ(plan.totalBytes(), Bytes(24 * kMiB));
}

TEST(RingAllReduce, EachStepWaitsForThePreviousStepsArrival) {
  const Plan plan = buildCollective(ring(CollectiveOp::AllReduce, 4, 4 * kMiB, 2));
  for (const Transfer& t : plan.transfers()) {
    if (t.step == 0) {
      EXPECT_TRUE(t.after.empty()) << "step 0 uses only local data";
      continue;
    }
    // One dependency: the same chunk arriving at this sender one step earlier.
    ASSERT_EQ(t.after.size(), 1u) << "transfer " << t.id;
    const Transfer& prev = plan.transfer(t.after[0]);
    EXPECT_LT(prev.id, t.id);
    EXPECT_EQ(prev.step, t.step - 1);
    EXPECT_EQ(prev.dst, t.src);
    EXPECT_EQ(prev.size, t.size);
  }
}

TEST(RingAllReduce, UnevenSizeSumsExactly) {
  // S = 1000 B, n = 3: segments 334, 333, 333. Rank r sends segment r at
  // steps 0 and 3, r-1 at step 1, r-2 at step 2: 1000 + |seg r| bytes, i.e.
  // 1334, 1333, 1333; it receives 1000 + |seg r-1|: 1333, 1334, 1333.
  const Plan plan = buildCollective(ring(CollectiveOp::AllReduce, 3, 1000, 1));
  EXPECT_EQ(plan.size(), 12u);  // 2(n-1) x n
  EXPECT_EQ(sentPerRank(plan, 3), (std::vector<std::int64_t>{1334, 1333, 1333}));
  EXPECT_EQ(receivedPerRank(plan, 3), (std::vector<std::int64_t>{1333, 1334, 1333}));
  EXPECT_EQ(plan.totalBytes(), Bytes(4000));  // 2(n-1) S
}

TEST(RingAllReduce, EmptyPiecesAreSkippedWithoutBreakingChains) {
  // S = 2 B over n = 3 in 2 chunks: segments 1, 1, 0 and chunk 0 of each
  // non-empty segment holds its byte, so 2 segments x 4 hops = 8 transfers of
  // 1 byte, each hop after the first depending on the previous hop.
  const Plan plan = buildCollective(ring(CollectiveOp::AllReduce, 3, 2, 2));
  ASSERT_EQ(plan.size(), 8u);
  for (const Transfer& t : plan.transfers()) {
    EXPECT_EQ(t.size, Bytes(1));
    EXPECT_EQ(t.after.size(), t.step == 0 ? 0u : 1u);
  }
}

TEST(RingAllReduce, TwoRanks) {
  // n = 2: 2 steps, 2 segments of S/2: 4 transfers, each rank sends S/2 twice = S.
  const Plan plan = buildCollective(ring(CollectiveOp::AllReduce, 2, 1000, 1));
  EXPECT_EQ(plan.size(), 4u);
  EXPECT_EQ(sentPerRank(plan, 2), (std::vector<std::int64_t>{1000, 1000}));
}

TEST(RingAllGatherAndReduceScatter, CountsAndBytes) {
  // n = 4, S = 4 MiB (the gathered / scattered total): (n-1) steps x n blocks of
  // S/n = 1 MiB: 12 transfers; each rank sends (n-1)/n S = 3 MiB.
  for (CollectiveOp op : {CollectiveOp::AllGather, CollectiveOp::ReduceScatter}) {
    const Plan plan = buildCollective(ring(op, 4, 4 * kMiB, 1));
    ASSERT_EQ(plan.size(), 12u);
    for (const Transfer& t : plan.transfers()) EXPECT_EQ(t.size, Bytes(kMiB));
    for (std::int64_t b : sentPerRank(plan, 4)) EXPECT_EQ(b, 3 * kMiB);
  }
}

TEST(RingReduceScatter, BlockEndsAtItsOwner) {
  // Block s starts at rank s+1 and travels n-1 = 3 hops to rank s. With S = 4 B
  // blocks are 1 B each, so follow the chain backwards from each last hop.
  const Plan plan = buildCollective(ring(CollectiveOp::ReduceScatter, 4, 4, 1));
  std::set<int> owners;
  for (const Transfer& t : plan.transfers()) {
    if (t.step != 2) continue;
    const Transfer& mid = plan.transfer(t.after.at(0));
    const Transfer& first = plan.transfer(mid.after.at(0));
    EXPECT_TRUE(first.after.empty());
    EXPECT_EQ((t.dstRank + 1) % 4, first.srcRank);
    owners.insert(t.dstRank);
  }
  EXPECT_EQ(owners, (std::set<int>{0, 1, 2, 3}));
}

TEST(ChainBroadcast, PipelinesChunksFromTheRoot) {
  // n = 4, root 1: hops 1->2, 2->3, 3->0; 4 chunks of 1 MiB per hop: 12
  // transfers. Ranks 1, 2, 3 each send S; rank 0 (end of the chain) sends nothing.
  CollectiveCall c = ring(CollectiveOp::Broadcast, 4, 4 * kMiB, 4);
  c.root = 1;
  const Plan plan = buildCollective(c);
  ASSERT_EQ(plan.size(), 12u);
  EXPECT_EQ(sentPerRank(plan, 4), (std::vector<std::int64_t>{0, 4 * kMiB, 4 * kMiB, 4 * kMiB}));
  EXPECT_EQ(receivedPerRank(plan, 4), (std::vector<std::int64_t>{4 * kMiB, 0, 4 * kMiB, 4 * kMiB}));
  for (const Transfer& t : plan.transfers()) {
    const int hop = (t.srcRank - 1 + 4) % 4;  // hop index from the root
    const int chunk = static_cast<int>(t.id) / 3;  // emitted chunk by chunk, 3 hops each
    EXPECT_EQ(t.step, hop);
    // Chunk c on hop h waits for chunk c on hop h-1 (data) and chunk c-1 on
    // hop h (one slot in flight per hop): (h > 0) + (c > 0) dependencies.
    ASSERT_EQ(t.after.size(), static_cast<std::size_t>((hop > 0) + (chunk > 0))) << t.id;
    for (TransferId d : t.after) {
      const Transfer& p = plan.transfer(d);
      const bool previousHop = p.step == hop - 1 && p.dst == t.src && static_cast<int>(p.id) / 3 == chunk;
      const bool previousChunk = p.step == hop && p.src == t.src && static_cast<int>(p.id) / 3 == chunk - 1;
      EXPECT_TRUE(previousHop || previousChunk) << t.id << " after " << d;
    }
  }
  EXPECT_TRUE(plan.transfer(0).after.empty());
}

TEST(ChainReduce, FlowsIntoTheRoot) {
  // n = 4, root 1: hops 2->3, 3->0, 0->1. Root 1 only receives.
  CollectiveCall c = ring(CollectiveOp::Reduce, 4, 4 * kMiB, 2);
  c.root = 1;
  const Plan plan = buildCollective(c);
  ASSERT_EQ(plan.size(), 6u);
  EXPECT_EQ(sentPerRank(plan, 4), (std::vector<std::int64_t>{4 * kMiB, 0, 4 * kMiB, 4 * kMiB}));
  EXPECT_EQ(receivedPerRank(plan, 4), (std::vector<std::int64_t>{4 * kMiB, 4 * kMiB, 0, 4 * kMiB}));
}

TEST(SendRecv, DirectIsRankZeroToOneAndRingIsEveryRankToItsSuccessor) {
  CollectiveCall c = ring(CollectiveOp::SendRecv, 4, 1000, 1);
  c.algorithm = Algorithm::Direct;
  const Plan one = buildCollective(c);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one.transfer(0).srcRank, 0);
  EXPECT_EQ(one.transfer(0).dstRank, 1);
  EXPECT_EQ(one.transfer(0).size, Bytes(1000));
  c.algorithm = Algorithm::FlatRing;  // nccl-tests sendrecv_perf: rank r sends S to r+1
  const Plan all = buildCollective(c);
  ASSERT_EQ(all.size(), 4u);
  for (std::int64_t b : sentPerRank(all, 4)) EXPECT_EQ(b, 1000);
}

TEST(Collectives, RejectsBadCalls) {
  CollectiveCall c = ring(CollectiveOp::AllReduce, 1, 1000, 1);
  EXPECT_THROW(buildCollective(c), std::invalid_argument);  // one rank
  c = ring(CollectiveOp::AllReduce, 4, 0, 1);
  EXPECT_THROW(buildCollective(c), std::invalid_argument);  // 0 bytes
  c = ring(CollectiveOp::AllReduce, 4, 1000, 1);
  c.ranks[3] = c.ranks[0];
  EXPECT_THROW(buildCollective(c), std::invalid_argument);  // GPU twice
  c = ring(CollectiveOp::Broadcast, 4, 1000, 1);
  c.root = 4;
  EXPECT_THROW(buildCollective(c), std::invalid_argument);  // root out of range
  c = ring(CollectiveOp::AllToAll, 4, 1000, 1);
  EXPECT_THROW(buildCollective(c), std::invalid_argument);  // no ring all-to-all
  c = ring(CollectiveOp::AllReduce, 4, 1000, 1);
  c.rankAfter = {{}, {}};
  EXPECT_THROW(buildCollective(c), std::invalid_argument);  // wrong rankAfter length
}

TEST(Collectives, DefaultChunks) {
  // Ring all-reduce: 1. Chain broadcast: ceil(S / 512 KiB) capped at 64.
  // Tree: ceil((S/2) / 512 KiB).
  EXPECT_EQ(defaultChunks(CollectiveOp::AllReduce, Algorithm::FlatRing, Bytes(256 * kMiB)), 1);
  EXPECT_EQ(defaultChunks(CollectiveOp::Broadcast, Algorithm::FlatRing, Bytes(4 * kMiB)), 8);
  EXPECT_EQ(defaultChunks(CollectiveOp::Broadcast, Algorithm::FlatRing, Bytes(4 * kMiB + 1)), 9);
  EXPECT_EQ(defaultChunks(CollectiveOp::Broadcast, Algorithm::FlatRing, Bytes(256 * kMiB)), 64);
  EXPECT_EQ(defaultChunks(CollectiveOp::AllReduce, Algorithm::FlatDoubleBinaryTree, Bytes(4 * kMiB)), 4);
  EXPECT_EQ(defaultChunks(CollectiveOp::AllReduce, Algorithm::FlatDoubleBinaryTree, Bytes(1000)), 1);
}

}  // namespace
}  // namespace ofe::traffic
