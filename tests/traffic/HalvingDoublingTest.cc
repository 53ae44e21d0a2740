// Recursive halving-doubling, with and without the fold of extra ranks.
#include <gtest/gtest.h>

#include <stdexcept>

#include "TrafficTestSupport.h"
#include "traffic/Collectives.h"

namespace ofe::traffic {
namespace {

using test::firstNodes;
using test::receivedPerRank;
using test::sentPerRank;

constexpr std::int64_t kMiB = 1 << 20;

CollectiveCall hd(CollectiveOp op, int n, std::int64_t bytes) {
  CollectiveCall c;
  c.op = op;
  c.algorithm = Algorithm::HalvingDoubling;
  c.ranks = firstNodes(n);
  c.size = Bytes(bytes);
  return c;
}

TEST(HalvingDoublingAllReduce, PowerOfTwo) {
  // n = 8, S = 8 MiB: 2 log2 n = 6 rounds of n transfers = 48. Round sizes
  // S/2, S/4, S/8 (halving) then S/8, S/4, S/2 (doubling): each rank sends
  // 2(n-1)/n S = 14 MiB. Round 0 pairs r with r ^ 4.
  const Plan plan = buildCollective(hd(CollectiveOp::AllReduce, 8, 8 * kMiB));
  ASSERT_EQ(plan.size(), 48u);
  const std::int64_t roundBytes[6] = {4 * kMiB, 2 * kMiB, kMiB, kMiB, 2 * kMiB, 4 * kMiB};
  const int roundMask[6] = {4, 2, 1, 1, 2, 4};
  for (const Transfer& t : plan.transfers()) {
    ASSERT_GE(t.step, 0);
    ASSERT_LE(t.step, 5);
    EXPECT_EQ(t.size, Bytes(roundBytes[t.step]));
    EXPECT_EQ(t.dstRank, t.srcRank ^ roundMask[t.step]);
    // From round 1 on, a rank sends only after its previous round's arrival.
    if (t.step == 0) {
      EXPECT_TRUE(t.after.empty());
    } else {
      ASSERT_EQ(t.after.size(), 1u);
      EXPECT_EQ(plan.transfer(t.after[0]).dstRank, t.srcRank);
      EXPECT_EQ(plan.transfer(t.after[0]).step, t.step - 1);
    }
  }
  for (std::int64_t b : sentPerRank(plan, 8)) EXPECT_EQ(b, 14 * kMiB);
}

TEST(HalvingDoublingAllReduce, NonPowerOfTwoFoldsExtraRanks) {
  // n = 6 = 4 + 2 extra: ranks 0 and 2 hand S to 1 and 3 (2 transfers), ranks
  // 1, 3, 4, 5 run halving-doubling over 4 (2 log2 4 x 4 = 16 transfers, 1.5 S
  // each), then 1 and 3 return S (2 transfers): 20 transfers. Sent: ranks 0, 2:
  // S; ranks 1, 3: 1.5 S + S; ranks 4, 5: 1.5 S.
  const std::int64_t s = 4 * kMiB;
  const Plan plan = buildCollective(hd(CollectiveOp::AllReduce, 6, s));
  ASSERT_EQ(plan.size(), 20u);
  EXPECT_EQ(sentPerRank(plan, 6), (std::vector<std::int64_t>{s, 5 * s / 2, s, 5 * s / 2, 3 * s / 2, 3 * s / 2}));
  EXPECT_EQ(receivedPerRank(plan, 6), sentPerRank(plan, 6));
  // The unfold to rank 0 waits for rank 1's whole result: its reduce-scatter
  // arrival plus both all-gather arrivals (3 transfers).
  const Transfer& last = plan.transfer(static_cast<TransferId>(plan.size() - 2));
  EXPECT_EQ(last.srcRank, 1);
  EXPECT_EQ(last.dstRank, 0);
  EXPECT_EQ(last.after.size(), 3u);
}

TEST(HalvingDoubling, ReduceScatterAndAllGatherHalves) {
  // n = 4, S = 4 MiB: log2 n = 2 rounds x 4 = 8 transfers; (n-1)/n S = 3 MiB sent per rank.
  for (CollectiveOp op : {CollectiveOp::ReduceScatter, CollectiveOp::AllGather}) {
    const Plan plan = buildCollective(hd(op, 4, 4 * kMiB));
    ASSERT_EQ(plan.size(), 8u);
    for (std::int64_t b : sentPerRank(plan, 4)) EXPECT_EQ(b, 3 * kMiB);
  }
  EXPECT_THROW(buildCollective(hd(CollectiveOp::AllGather, 6, 4 * kMiB)), std::invalid_argument);
  EXPECT_THROW(buildCollective(hd(CollectiveOp::ReduceScatter, 3, 4 * kMiB)), std::invalid_argument);
}

TEST(HalvingDoublingAllReduce, UnevenBlocksSumExactly) {
  // S = 1001, n = 4: blocks b = 251, 250, 250, 250. Halving: rank r sends the
  // half without r, then block r^1: S - b[r] = 750, 751, 751, 751. Doubling:
  // block r, then blocks {r, r^1}: 2 b[r] + b[r^1] = 752, 751, 750, 750.
  // Totals 1502, 1502, 1501, 1501, summing to 2 (n-1) S = 6006.
  const Plan plan = buildCollective(hd(CollectiveOp::AllReduce, 4, 1001));
  EXPECT_EQ(sentPerRank(plan, 4), (std::vector<std::int64_t>{1502, 1502, 1501, 1501}));
  EXPECT_EQ(plan.totalBytes(), Bytes(6006));
}

}  // namespace
}  // namespace ofe::traffic
