// Workload expansion: sweeps, iterations, sequencing between instances,
// concurrent jobs, the instance table and spans.
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <vector>

#include "TrafficTestSupport.h"
#include "traffic/Collectives.h"
#include "traffic/Workload.h"

namespace ofe::traffic {
namespace {

constexpr std::int64_t kKiB = 1024;
constexpr std::int64_t kMiB = 1024 * kKiB;

CollectiveSpec spec(CollectiveOp op, Algorithm alg, std::int64_t minBytes, std::int64_t maxBytes, int iterations) {
  CollectiveSpec s;
  s.op = op;
  s.algorithm = alg;
  s.minBytes = Bytes(minBytes);
  s.maxBytes = Bytes(maxBytes);
  s.iterations = iterations;
  return s;
}

TEST(SweepSizes, DoublesFromMinToMax) {
  // 1 KiB = 2^10 .. 256 MiB = 2^28: 19 sizes.
  const auto sizes = sweepSizes(spec(CollectiveOp::AllReduce, Algorithm::FlatRing, kKiB, 256 * kMiB, 1));
  ASSERT_EQ(sizes.size(), 19u);
  EXPECT_EQ(sizes.front(), Bytes(kKiB));
  EXPECT_EQ(sizes[1], Bytes(2 * kKiB));
  EXPECT_EQ(sizes.back(), Bytes(256 * kMiB));
  // A maximum that is not min x 2^k stops below it: 1, 2 KiB for 1..3 KiB.
  EXPECT_EQ(sweepSizes(spec(CollectiveOp::AllReduce, Algorithm::FlatRing, kKiB, 3 * kKiB, 1)).size(), 2u);
  EXPECT_EQ(sweepSizes(spec(CollectiveOp::AllReduce, Algorithm::FlatRing, 1000, 1000, 1)).size(), 1u);
  EXPECT_THROW(sweepSizes(spec(CollectiveOp::AllReduce, Algorithm::FlatRing, 2 * kKiB, kKiB, 1)), std::invalid_argument);
  EXPECT_THROW(sweepSizes(spec(CollectiveOp::AllReduce, Algorithm::FlatRing, 0, kKiB, 1)), std::invalid_argument);
}

TEST(Workload, ExpandsSizesTimesIterationsInOrder) {
  // Job of 4 ranks, ring all-reduce 1..4 MiB (3 sizes) x 2 iterations = 6
  // instances of 2(n-1) n = 24 transfers each (chunks default to 1); the first
  // iteration of each size also starts with a barrier, its first id: 3 x 25 +
  // 3 x 24 = 147 transfers. Instance i starts at 49 (i / 2) (+ 25 for iteration 1).
  const topology::Fabric f = test::railPod({2, 4, true, false});
  JobSpec j;
  j.name = "train";
  j.ranks = 4;
  j.collectives = {spec(CollectiveOp::AllReduce, Algorithm::FlatRing, kMiB, 4 * kMiB, 2)};
  const WorkloadPlan w = buildWorkload(f, {j});
  ASSERT_EQ(w.collectives.size(), 6u);
  EXPECT_EQ(w.plan.size(), 3u * 25u + 3u * 24u);
  const std::int64_t sizes[6] = {kMiB, kMiB, 2 * kMiB, 2 * kMiB, 4 * kMiB, 4 * kMiB};
  for (std::size_t i = 0; i < 6; ++i) {
    const CollectiveInstance& c = w.collectives[i];
    const bool first = i % 2 == 0;
    EXPECT_EQ(c.index, static_cast<int>(i));
    EXPECT_EQ(c.bytes, Bytes(sizes[i]));
    EXPECT_EQ(c.iteration, static_cast<int>(i % 2));
    EXPECT_EQ(c.algorithm, Algorithm::FlatRing);
    EXPECT_EQ(c.protocol, Protocol::Auto);  // a flat schedule has none
    EXPECT_EQ(c.first, 49 * (i / 2) + (first ? 0 : 25));
    EXPECT_EQ(c.last, c.first + (first ? 24 : 23));
    EXPECT_EQ(c.nodes, w.placements[0]);
    EXPECT_EQ(w.plan.transfer(c.first).barrier, first) << i;
    for (TransferId id = c.first; id <= c.last; ++id) {
      EXPECT_EQ(w.plan.transfer(id).collective, c.index);
      if (id != c.first) {
        EXPECT_FALSE(w.plan.transfer(id).barrier);
      }
    }
  }
}

TEST(Workload, NextInstanceStartsAtEachRankAfterItsFinalTransfers) {
  // Ring all-reduce, n = 4, C = 1, sizes 1 and 2 MiB x 2 iterations: instances
  // 0 (1 MiB, it 0), 1 (1 MiB, it 1), 2 (2 MiB, it 0), 3 (2 MiB, it 1). The
  // final step (5) has one transfer into and one out of each rank (4 in all).
  //  - Iteration 0 of a size begins with a barrier on rank 0's GPU that waits
  //    for the final transfers of every rank of the previous instance (none
  //    for instance 0, all 4 step-5 transfers of instance 1 for instance 2);
  //    every step-0 transfer waits for the barrier only.
  //  - Iteration 1 has no barrier: its step-0 transfer from rank r waits for
  //    exactly the two step-5 transfers of the previous iteration at r.
  // Later steps only wait for their ring predecessor. Entries wait for job.start.
  const topology::Fabric f = test::railPod({2, 4, true, false});
  JobSpec j;
  j.name = "train";
  j.ranks = 4;
  j.start = Duration::microseconds(7);
  j.collectives = {spec(CollectiveOp::AllReduce, Algorithm::FlatRing, kMiB, 2 * kMiB, 2)};
  const WorkloadPlan w = buildWorkload(f, {j});
  ASSERT_EQ(w.collectives.size(), 4u);
  ASSERT_EQ(w.plan.size(), 2u * 25u + 2u * 24u);
  const topology::NodeId rank0 = w.placements[0][0];
  for (const CollectiveInstance& c : w.collectives) {
    if (c.iteration != 0) continue;
    const Transfer& b = w.plan.transfer(c.first);
    ASSERT_TRUE(b.barrier) << c.index;
    EXPECT_EQ(b.src, rank0);
    EXPECT_EQ(b.dst, rank0);
    EXPECT_EQ(b.size, Bytes(0));
    EXPECT_EQ(b.notBefore, Duration::microseconds(7));
    EXPECT_EQ(b.collective, c.index);
    if (c.index == 0) {
      EXPECT_TRUE(b.after.empty());
      continue;
    }
    // The previous instance's 4 step-5 transfers, each listed once.
    const CollectiveInstance& prev = w.collectives[static_cast<std::size_t>(c.index - 1)];
    std::vector<TransferId> finals;
    for (TransferId id = prev.first; id <= prev.last; ++id) {
      if (w.plan.transfer(id).step == 5) finals.push_back(id);
    }
    ASSERT_EQ(finals.size(), 4u);
    EXPECT_EQ(b.after, finals);
  }
  for (const Transfer& t : w.plan.transfers()) {
    if (t.barrier) continue;
    const CollectiveInstance& c = w.collectives[static_cast<std::size_t>(t.collective)];
    if (t.step != 0) {
      EXPECT_EQ(t.notBefore, Duration());
      EXPECT_EQ(t.after.size(), 1u);
      continue;
    }
    EXPECT_EQ(t.notBefore, Duration::microseconds(7));
    if (c.iteration == 0) {
      EXPECT_EQ(t.after, std::vector<TransferId>{c.first});  // the barrier alone
      continue;
    }
    ASSERT_EQ(t.after.size(), 2u);
    std::set<int> ends;
    for (TransferId d : t.after) {
      const Transfer& prev = w.plan.transfer(d);
      EXPECT_EQ(prev.collective, t.collective - 1);
      EXPECT_EQ(prev.step, 5);
      EXPECT_TRUE(prev.src == t.src || prev.dst == t.src);
      ends.insert(prev.src == t.src ? 1 : 0);
    }
    EXPECT_EQ(ends, (std::set<int>{0, 1}));  // one arrival at r, one departure from r
  }
}

TEST(Workload, DirectAlgorithmsSequencePairwiseBeyondEightPeers) {
  // All-to-all's only round touches every peer. n = 4 (3 peers): an entry
  // transfer waits for all 2(n-1) = 6 final transfers at its source. n = 12
  // (11 peers > 8): only for the 2 exchanged with its destination.
  const topology::Fabric f = test::railPod({3, 4, true, false});
  for (int n : {4, 12}) {
    JobSpec j;
    j.name = "moe";
    j.ranks = n;
    j.collectives = {spec(CollectiveOp::AllToAll, Algorithm::Direct, 48 * kKiB, 48 * kKiB, 2)};
    const WorkloadPlan w = buildWorkload(f, {j});
    const CollectiveInstance& second = w.collectives.at(1);
    for (TransferId id = second.first; id <= second.last; ++id) {
      const Transfer& t = w.plan.transfer(id);
      ASSERT_EQ(t.after.size(), n == 4 ? 6u : 2u);
      if (n == 12) {
        for (TransferId d : t.after) {
          const Transfer& p = w.plan.transfer(d);
          EXPECT_TRUE((p.src == t.src && p.dst == t.dst) || (p.src == t.dst && p.dst == t.src));
        }
      }
    }
  }
}

TEST(Workload, JobsGetDisjointGpusAndDoNotWaitForEachOther) {
  const topology::Fabric f = test::railPod({2, 4, true, false});
  JobSpec a;
  a.name = "a";
  a.ranks = 4;
  a.collectives = {spec(CollectiveOp::AllReduce, Algorithm::FlatRing, kMiB, kMiB, 2)};
  JobSpec b = a;
  b.name = "b";
  b.placement = Placement::Random;
  b.collectives = {spec(CollectiveOp::AllGather, Algorithm::Direct, kMiB, kMiB, 1)};
  const WorkloadPlan w = buildWorkload(f, {a, b});
  ASSERT_EQ(w.placements.size(), 2u);
  std::set<topology::NodeId> used(w.placements[0].begin(), w.placements[0].end());
  used.insert(w.placements[1].begin(), w.placements[1].end());
  EXPECT_EQ(used.size(), 8u);
  ASSERT_EQ(w.collectives.size(), 3u);
  EXPECT_EQ(w.collectives[2].job, 1);
  // Each job's first instance opens with its own barrier (on its rank 0's GPU)
  // that waits for nothing; job b's transfers depend only on job b's own.
  const CollectiveInstance& bFirst = w.collectives[2];
  const Transfer& barrier = w.plan.transfer(bFirst.first);
  ASSERT_TRUE(barrier.barrier);
  EXPECT_EQ(barrier.src, w.placements[1][0]);
  EXPECT_TRUE(barrier.after.empty());
  EXPECT_TRUE(w.plan.transfer(w.collectives[0].first).after.empty());
  for (TransferId id = bFirst.first; id <= bFirst.last; ++id) {
    for (TransferId d : w.plan.transfer(id).after) {
      EXPECT_GE(d, bFirst.first);
      EXPECT_LE(d, bFirst.last);
    }
  }
  // A third job does not fit and names itself.
  JobSpec c = a;
  c.name = "late";
  try {
    buildWorkload(f, {a, b, c});
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("late"), std::string::npos);
  }
}

TEST(Workload, HierarchicalJobsUseTheirServers) {
  // 8 rail-aligned ranks on 2 servers x 4: g = 4, m = 2 gives 64 transfers (see
  // HierarchicalAllReduceTest), plus the barrier that opens the size.
  const topology::Fabric f = test::railPod({2, 4, true, true});
  JobSpec j;
  j.name = "h";
  j.ranks = 8;
  j.placement = Placement::RailAligned;
  j.collectives = {spec(CollectiveOp::AllReduce, Algorithm::Hierarchical, 8 * kMiB, 8 * kMiB, 1)};
  const WorkloadPlan w = buildWorkload(f, {j});
  EXPECT_EQ(w.plan.size(), 65u);
  EXPECT_TRUE(w.plan.transfer(0).barrier);
  ASSERT_EQ(w.collectives.size(), 1u);
  EXPECT_EQ(w.collectives[0].algorithm, Algorithm::Hierarchical);
}

TEST(CollectiveSpan, MinStartToMaxFinish) {
  CollectiveInstance c;
  c.first = 1;
  c.last = 3;
  const std::vector<Duration> starts = {Duration::picoseconds(0), Duration::picoseconds(50),
                                        Duration::picoseconds(40), Duration::picoseconds(60)};
  const std::vector<Duration> finishes = {Duration::picoseconds(999), Duration::picoseconds(70),
                                          Duration::picoseconds(90), Duration::picoseconds(80)};
  const CollectiveSpan s = spanOf(c, starts, finishes);
  EXPECT_EQ(s.start, Duration::picoseconds(40));   // transfer 0 is not part of it
  EXPECT_EQ(s.finish, Duration::picoseconds(90));
  EXPECT_EQ(s.time(), Duration::picoseconds(50));
}

}  // namespace
}  // namespace ofe::traffic
