// Direct all-to-all, reduce-scatter, all-gather and all-reduce.
#include <gtest/gtest.h>

#include <set>

#include "TrafficTestSupport.h"
#include "traffic/Collectives.h"

namespace ofe::traffic {
namespace {

using test::firstNodes;
using test::receivedPerRank;
using test::sentPerRank;

constexpr std::int64_t kMiB = 1 << 20;

CollectiveCall direct(CollectiveOp op, int n, std::int64_t bytes) {
  CollectiveCall c;
  c.op = op;
  c.algorithm = Algorithm::Direct;
  c.ranks = firstNodes(n);
  c.size = Bytes(bytes);
  return c;
}

TEST(DirectAllToAll, EveryOrderedPairOnce) {
  // n(n-1) = 12 transfers of S/n = 1 MiB; each rank sends and receives 3 MiB.
  const Plan plan = buildCollective(direct(CollectiveOp::AllToAll, 4, 4 * kMiB));
  ASSERT_EQ(plan.size(), 12u);
  std::set<std::pair<int, int>> pairs;
  for (const Transfer& t : plan.transfers()) {
    EXPECT_EQ(t.size, Bytes(kMiB));
    EXPECT_TRUE(t.after.empty());
    pairs.insert({t.srcRank, t.dstRank});
  }
  EXPECT_EQ(pairs.size(), 12u);
  for (std::int64_t b : sentPerRank(plan, 4)) EXPECT_EQ(b, 3 * kMiB);
  for (std::int64_t b : receivedPerRank(plan, 4)) EXPECT_EQ(b, 3 * kMiB);
}

TEST(DirectAllToAll, UnevenSize) {
  // S = 1000, n = 3: blocks 334, 333, 333; rank r keeps block r and sends the
  // rest: 666, 667, 667; rank d receives block d from both others: 668, 666, 666.
  const Plan plan = buildCollective(direct(CollectiveOp::AllToAll, 3, 1000));
  EXPECT_EQ(plan.size(), 6u);
  EXPECT_EQ(sentPerRank(plan, 3), (std::vector<std::int64_t>{666, 667, 667}));
  EXPECT_EQ(receivedPerRank(plan, 3), (std::vector<std::int64_t>{668, 666, 666}));
}

TEST(DirectAllReduce, ReduceScatterThenAllGather) {
  // 2 n(n-1) = 24 transfers of S/n; each rank sends 2(n-1)/n S = 6 MiB. An
  // all-gather transfer from r waits for the n-1 = 3 reduce-scatter pieces of block r.
  const Plan plan = buildCollective(direct(CollectiveOp::AllReduce, 4, 4 * kMiB));
  ASSERT_EQ(plan.size(), 24u);
  for (std::int64_t b : sentPerRank(plan, 4)) EXPECT_EQ(b, 6 * kMiB);
  for (const Transfer& t : plan.transfers()) {
    if (t.step == 0) {
      EXPECT_TRUE(t.after.empty());
      continue;
    }
    EXPECT_EQ(t.step, 1);
    ASSERT_EQ(t.after.size(), 3u);
    for (TransferId d : t.after) {
      EXPECT_EQ(plan.transfer(d).step, 0);
      EXPECT_EQ(plan.transfer(d).dstRank, t.srcRank);
    }
  }
}

TEST(DirectReduceScatterAndAllGather, Counts) {
  // n(n-1) = 12 transfers of S/n each; (n-1)/n S = 3 MiB sent per rank.
  for (CollectiveOp op : {CollectiveOp::ReduceScatter, CollectiveOp::AllGather}) {
    const Plan plan = buildCollective(direct(op, 4, 4 * kMiB));
    ASSERT_EQ(plan.size(), 12u);
    for (std::int64_t b : sentPerRank(plan, 4)) EXPECT_EQ(b, 3 * kMiB);
  }
}

}  // namespace
}  // namespace ofe::traffic
