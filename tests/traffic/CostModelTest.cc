// Alpha-beta estimates and nccl-tests bandwidth figures, every number derived
// on paper. Common inputs: S = 256 MiB = 268435456 B = 2147483648 bit,
// B = 400 Gbps, alpha = 5 us, so S/B = 2147483648 / 400e9 s = 5368709120 ps.
#include <gtest/gtest.h>

#include <stdexcept>

#include "traffic/CostModel.h"

namespace ofe::traffic {
namespace {

const Bytes kS(268'435'456);
const DataRate kB = DataRate::gbps(400);
const Duration kAlpha = Duration::microseconds(5);

std::int64_t ps(CollectiveOp op, Algorithm alg, int n) { return estimate(op, alg, n, kS, kAlpha, kB).ps(); }

TEST(CostModel, RingAllReduce) {
  // 2(n-1) alpha + 2(n-1)/n S/B, n = 8: 14 x 5 us = 70 us = 70'000'000 ps;
  // 14/8 x 5368709120 ps = 9'395'240'960 ps (9.39524096 ms).
  EXPECT_EQ(ps(CollectiveOp::AllReduce, Algorithm::FlatRing, 8), 70'000'000 + 9'395'240'960);
}

TEST(CostModel, HalvingDoubling) {
  // n = 8: 2 log2(8) = 6 alpha = 30 us, plus the same 2(n-1)/n S/B.
  EXPECT_EQ(ps(CollectiveOp::AllReduce, Algorithm::HalvingDoubling, 8), 30'000'000 + 9'395'240'960);
  // n = 6 folds into p = 4: 2 log2 4 = 4 alpha = 20 us; 2(3/4) S/B = 8'053'063'680;
  // fold + unfold 2 (alpha + S/B) = 10'000'000 + 10'737'418'240.
  EXPECT_EQ(ps(CollectiveOp::AllReduce, Algorithm::HalvingDoubling, 6),
            20'000'000 + 8'053'063'680 + 10'000'000 + 10'737'418'240);
  // Reduce-scatter / all-gather halves: log2 8 = 3 alpha + (7/8) S/B = 4'697'620'480.
  EXPECT_EQ(ps(CollectiveOp::AllGather, Algorithm::HalvingDoubling, 8), 15'000'000 + 4'697'620'480);
  EXPECT_THROW(ps(CollectiveOp::ReduceScatter, Algorithm::HalvingDoubling, 6), std::invalid_argument);
}

TEST(CostModel, DoubleBinaryTree) {
  // n = 8: depth 3, so 2 x 3 alpha = 30 us. Rank 4 is inner in tree 0 (degree
  // 3) and a leaf in tree 1 (degree 1): 4 halves of S = 2 S each way, the
  // busiest rank: 2 x 5368709120 = 10'737'418'240 ps.
  EXPECT_EQ(ps(CollectiveOp::AllReduce, Algorithm::FlatDoubleBinaryTree, 8), 30'000'000 + 10'737'418'240);
  // n = 2: one edge per tree, each rank moves S/2 + S/2 = S; depth 1 -> 2 alpha.
  EXPECT_EQ(ps(CollectiveOp::AllReduce, Algorithm::FlatDoubleBinaryTree, 2), 10'000'000 + 5'368'709'120);
}

TEST(CostModel, DirectAndSingleRoundCollectives) {
  // Direct all-reduce: 2 alpha + 2(n-1)/n S/B.
  EXPECT_EQ(ps(CollectiveOp::AllReduce, Algorithm::Direct, 8), 10'000'000 + 9'395'240'960);
  // Ring all-gather / reduce-scatter: (n-1) alpha + (n-1)/n S/B = 35 us + 4'697'620'480.
  EXPECT_EQ(ps(CollectiveOp::AllGather, Algorithm::FlatRing, 8), 35'000'000 + 4'697'620'480);
  EXPECT_EQ(ps(CollectiveOp::ReduceScatter, Algorithm::FlatRing, 8), 35'000'000 + 4'697'620'480);
  // Direct all-gather / reduce-scatter: alpha + (n-1)/n S/B.
  EXPECT_EQ(ps(CollectiveOp::AllGather, Algorithm::Direct, 8), 5'000'000 + 4'697'620'480);
  EXPECT_EQ(ps(CollectiveOp::ReduceScatter, Algorithm::Direct, 8), 5'000'000 + 4'697'620'480);
  // Flat send-recv (rank r to r+1): alpha + S/B.
  EXPECT_EQ(ps(CollectiveOp::SendRecv, Algorithm::FlatRing, 2), 5'000'000 + 5'368'709'120);
  // Direct all-to-all and send-recv are NCCL point-to-point operations with a
  // protocol: the flat cost model leaves them to ncclEstimate.
  EXPECT_THROW(ps(CollectiveOp::AllToAll, Algorithm::Direct, 8), std::invalid_argument);
  EXPECT_THROW(ps(CollectiveOp::SendRecv, Algorithm::Direct, 2), std::invalid_argument);
}

TEST(CostModel, BroadcastAndReduce) {
  // Chain: (n-1) alpha + S/B (fine pipelining) = 35 us + 5368709120.
  EXPECT_EQ(ps(CollectiveOp::Broadcast, Algorithm::FlatRing, 8), 35'000'000 + 5'368'709'120);
  EXPECT_EQ(ps(CollectiveOp::Reduce, Algorithm::FlatRing, 8), 35'000'000 + 5'368'709'120);
  // Two trees over the 7 other ranks (depth 3) plus the root's hop: 4 alpha;
  // no rank has more than two children in both trees together, so S/B.
  EXPECT_EQ(ps(CollectiveOp::Broadcast, Algorithm::FlatDoubleBinaryTree, 8), 20'000'000 + 5'368'709'120);
}

TEST(CostModel, Hierarchical) {
  // n = 16 = 2 servers x g = 8; scale-up 3200 Gbps and 1 us.
  //  intra phases: 2 (1 us + (7/8) S / 3200 Gbps) = 2 (1'000'000 + 587'202'560)
  //  ring over m = 2 on S/g: 2(m-1) alpha = 10 us; 2(m-1)/m (S/8)/B = 671'088'640
  CostParameters p;
  p.alpha = kAlpha;
  p.bandwidth = kB;
  p.scaleUpAlpha = Duration::microseconds(1);
  p.scaleUpBandwidth = DataRate::gbps(3200);
  p.gpusPerServer = 8;
  EXPECT_EQ(estimate(CollectiveOp::AllReduce, Algorithm::Hierarchical, 16, kS, p).ps(),
            2 * (1'000'000 + 587'202'560) + 10'000'000 + 671'088'640);
  EXPECT_THROW(estimate(CollectiveOp::AllReduce, Algorithm::Hierarchical, 12, kS, p), std::invalid_argument);
  EXPECT_THROW(ps(CollectiveOp::AllReduce, Algorithm::Hierarchical, 16), std::invalid_argument);
}

TEST(CostModel, Rejections) {
  EXPECT_THROW(ps(CollectiveOp::AllReduce, Algorithm::FlatRing, 1), std::invalid_argument);
  EXPECT_THROW(ps(CollectiveOp::AllToAll, Algorithm::FlatRing, 8), std::invalid_argument);
}

TEST(BandwidthFigures, BusFactorsFollowNcclTests) {
  EXPECT_DOUBLE_EQ(busBandwidthFactor(CollectiveOp::AllReduce, 8), 14.0 / 8.0);
  EXPECT_DOUBLE_EQ(busBandwidthFactor(CollectiveOp::AllGather, 8), 7.0 / 8.0);
  EXPECT_DOUBLE_EQ(busBandwidthFactor(CollectiveOp::ReduceScatter, 4), 3.0 / 4.0);
  EXPECT_DOUBLE_EQ(busBandwidthFactor(CollectiveOp::AllToAll, 2), 0.5);
  EXPECT_DOUBLE_EQ(busBandwidthFactor(CollectiveOp::Broadcast, 8), 1.0);
  EXPECT_DOUBLE_EQ(busBandwidthFactor(CollectiveOp::Reduce, 8), 1.0);
  EXPECT_DOUBLE_EQ(busBandwidthFactor(CollectiveOp::SendRecv, 2), 1.0);
}

TEST(BandwidthFigures, AlgAndBusBandwidth) {
  // t = 9'465'240'960 ps (ring all-reduce above): algbw = 8 S / t =
  // 2147483648 bit / 9.46524096 ms = 226'881'033'148.05 bps -> 226'881'033'148;
  // busbw = 14/8 of that = 397'041'808'009.08 -> 397'041'808'009.
  const Duration t = Duration::picoseconds(9'465'240'960);
  EXPECT_EQ(algBandwidth(kS, t).bps(), 226'881'033'148);
  EXPECT_EQ(busBandwidth(CollectiveOp::AllReduce, 8, kS, t).bps(), 397'041'808'009);
  // Without alpha the ring moves exactly the bus factor's worth at link rate,
  // so busbw equals B: 2(n-1)/n S / (2(n-1)/n S/B) = B.
  const Duration ideal = estimate(CollectiveOp::AllReduce, Algorithm::FlatRing, 8, kS, Duration(), kB);
  EXPECT_EQ(busBandwidth(CollectiveOp::AllReduce, 8, kS, ideal), kB);
  EXPECT_THROW(algBandwidth(kS, Duration()), std::invalid_argument);
}

}  // namespace
}  // namespace ofe::traffic
