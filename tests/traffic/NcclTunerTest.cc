// NcclTuner against NCCL 2.30's tuning model worked by hand (src/graph/tuning.cc
// constants): latencies, bandwidths, predicted times, the choice and channels.
#include <gtest/gtest.h>

#include "TrafficTestSupport.h"
#include "traffic/NcclTopology.h"
#include "traffic/NcclTuner.h"
#include "traffic/RankPlacement.h"

namespace ofe::traffic {
namespace {

using A = Algorithm;
using P = Protocol;

/// The NCCL view of test::h100PodFabric with every GPU a rank, rail-aligned.
NcclTopology h100Pod(int servers, const std::string& switchModel = "qm9700-64x400G") {
  const topology::Fabric fabric = test::h100PodFabric(servers, switchModel);
  JobSpec job;
  job.name = "j";
  job.ranks = servers * 8;
  job.placement = Placement::RailAligned;
  std::vector<bool> taken;
  return NcclTopology::of(fabric, placeRanks(fabric, job, taken));
}

double us(Duration d) { return static_cast<double>(d.ps()) * 1e-6; }

constexpr CollectiveOp kAllReduce = CollectiveOp::AllReduce;

TEST(NcclTuner, TwoServerModelMatchesTheHandWorkedTable) {
  const NcclTuner tuner(h100Pod(2));
  // 16 ranks, 8 per server, 2 servers: nsteps = 30, 2 steps between servers.
  // Graphs: ring/tree 8 x 48 GB/s, NVLS 8 x 40 (bwInter 48).
  // Tree LL: base 6.8 + 2 x ((8-1) x 0.6 + 1 x 5.0) = 25.2 us; 8 x 48 = 384,
  // min(384 x .92, 8 x 41.4) = 331.2, LL: min(331.2 / 3.8, 39.0) = 39.0, x .5.
  EXPECT_NEAR(tuner.latencyUs(kAllReduce, A::Tree, P::LL), 25.2, 1e-9);
  EXPECT_NEAR(tuner.bandwidthGBps(kAllReduce, A::Tree, P::LL), 19.5, 1e-9);
  // Tree LL128: 14 + 2 x (7 x 1.25 + 8.5) = 48.5; min(331.2 x 120/128, 8 x 36.7) x .5.
  EXPECT_NEAR(tuner.latencyUs(kAllReduce, A::Tree, P::LL128), 48.5, 1e-9);
  EXPECT_NEAR(tuner.bandwidthGBps(kAllReduce, A::Tree, P::LL128), 146.8, 1e-9);
  // Ring LL: 6.6 + 28 x max(0.6, 1 us net overhead) + 2 x 2.7 = 40; min(39, 192) x 16/30.
  EXPECT_NEAR(tuner.latencyUs(kAllReduce, A::Ring, P::LL), 40.0, 1e-9);
  EXPECT_NEAR(tuner.bandwidthGBps(kAllReduce, A::Ring, P::LL), 20.8, 1e-9);
  // Ring Simple: 8.4 + 28 x max(3.4, 3 x 1) + 2 x 14 = 131.6; 384 x 16/30.
  EXPECT_NEAR(tuner.latencyUs(kAllReduce, A::Ring, P::Simple), 131.6, 1e-9);
  EXPECT_NEAR(tuner.bandwidthGBps(kAllReduce, A::Ring, P::Simple), 204.8, 1e-9);
  // NVLS-tree: 25 + 2 x log2(2) x 20.9 = 66.8; min(40 x .85 x 7/8 x 2, 48 x 2, 57.7) = 57.7, x 8 x 16/30.
  EXPECT_NEAR(tuner.latencyUs(kAllReduce, A::NvlsTree, P::Simple), 66.8, 1e-9);
  EXPECT_NEAR(tuner.bandwidthGBps(kAllReduce, A::NvlsTree, P::Simple), 8 * 57.7 * 16 / 30, 1e-9);
  // NVLS across servers reduces across them in the network (CollNet): off
  // without switches that can.
  const NcclTuner noSharp(h100Pod(2, "51.2T-128x400G"));
  EXPECT_FALSE(noSharp.topology().collnetCapable());
  EXPECT_EQ(noSharp.bandwidthGBps(kAllReduce, A::Nvls, P::Simple), 0.0);
  EXPECT_FALSE(noSharp.predict(kAllReduce, A::Nvls, P::Simple, Bytes(1 << 20)).has_value());
  EXPECT_EQ(noSharp.bandwidthGBps(kAllReduce, A::CollNet, P::Simple), 0.0);
  EXPECT_THROW(noSharp.choose(kAllReduce, Bytes(1024), A::Nvls, P::Auto), std::invalid_argument);
}

TEST(NcclTuner, CollNetModelMatchesTheHandWorkedTable) {
  const NcclTuner tuner(h100Pod(2));
  ASSERT_TRUE(tuner.topology().collnetCapable()) << tuner.topology().collnetUnavailable();
  // CollNet Direct graph: a head per GPU (8), each GPU's NVLink taking 2 x
  // 48 <= 370.8 GB/s, each NIC 48 of its 50 GB/s; pass 2 cannot go above 48.
  const NcclGraph& direct = tuner.topology().collnetDirectGraph();
  EXPECT_EQ(direct.channels, 8);
  EXPECT_DOUBLE_EQ(direct.bwIntra, 48.0);
  EXPECT_DOUBLE_EQ(direct.bwInter, 48.0);
  // Direct: 8 x 48 / factor (8 GPUs / 8 heads = 1) x .85 (Hopper) x .5 = 163.2;
  // 2 x (min(1, 7) x 3.7 + 7 x 0.4) + 31 = 44 us.
  EXPECT_NEAR(tuner.bandwidthGBps(kAllReduce, A::CollNet, P::Simple), 163.2, 1e-9);
  EXPECT_NEAR(tuner.latencyUs(kAllReduce, A::CollNet, P::Simple), 44.0, 1e-9);
  // Chain: the ring's 8 x 48 x .5 = 192; 2 x 7 x 2.8 + 30 = 69.2 us.
  EXPECT_NEAR(tuner.bandwidthGBps(kAllReduce, A::CollNetChain, P::Simple), 192.0, 1e-9);
  EXPECT_NEAR(tuner.latencyUs(kAllReduce, A::CollNetChain, P::Simple), 69.2, 1e-9);
  // NVLS across servers: min(40 x .85 x 7/8 x 2 = 59.5, bwInter 48) x 8 x 16/30; 25 + 18 us.
  EXPECT_NEAR(tuner.bandwidthGBps(kAllReduce, A::Nvls, P::Simple), 384.0 * 16 / 30, 1e-9);
  EXPECT_NEAR(tuner.latencyUs(kAllReduce, A::Nvls, P::Simple), 43.0, 1e-9);
  // CollNet runs Simple only, all-reduce only.
  EXPECT_EQ(tuner.bandwidthGBps(kAllReduce, A::CollNet, P::LL), 0.0);
  EXPECT_EQ(tuner.bandwidthGBps(CollectiveOp::AllGather, A::CollNet, P::Simple), 0.0);
  // Per hop: scatter and broadcast 3.7 + 7 x 0.4 us, the head's send into the network 31 us.
  const NcclHopCosts c = tuner.hopCosts(kAllReduce, A::CollNet, P::Simple);
  EXPECT_EQ(c.base, Duration());
  EXPECT_EQ(c.intra, Duration::nanoseconds(6500));
  EXPECT_EQ(c.inter, Duration::microseconds(31));
  EXPECT_EQ(tuner.hopCosts(kAllReduce, A::CollNetChain, P::Simple).intra, Duration::nanoseconds(2800));
  EXPECT_EQ(tuner.hopCosts(kAllReduce, A::CollNetChain, P::Simple).inter, Duration::microseconds(30));
  EXPECT_EQ(tuner.hopCosts(kAllReduce, A::Nvls, P::Simple).inter, Duration::microseconds(18));
  // CollNet Direct channels: 16 while S >= 16 x 640 threads x 8 heads x 512;
  // 32 MiB = 33,554,432 B drops them to 12 (< 13 x 2,621,440).
  EXPECT_EQ(tuner.channelsFor(A::CollNet, P::Simple, Bytes(64 << 20)), 16);
  EXPECT_EQ(tuner.channelsFor(A::CollNet, P::Simple, Bytes(32 << 20)), 12);
  EXPECT_EQ(tuner.channelsFor(A::CollNet, P::Simple, Bytes(1024)), 1);
  // Chain: nc x 640 x 512 = nc x 327,680 B; 1 MiB keeps 3.
  EXPECT_EQ(tuner.channelsFor(A::CollNetChain, P::Simple, Bytes(1 << 20)), 3);
}

TEST(NcclTuner, AutoConsidersCollNetOnlyWhenEnabled) {
  // 8 servers: NVLS-tree's per-channel cap (45.5) and 3 tree levels make NVLS
  // with SHARP, min(59.5, 48) x 8 x 64/126 GB/s and 43 us, NCCL's pick at every
  // size once CollNet is on; without it tree LL at 1 KiB and NVLS-tree at 1 GiB.
  const NcclTopology pod = h100Pod(8);
  const NcclTuner off(pod);
  const NcclTuner on(pod, true);
  EXPECT_EQ(off.choose(kAllReduce, Bytes(1024), A::Auto, P::Auto).algorithm, A::Tree);
  EXPECT_EQ(off.choose(kAllReduce, Bytes(1LL << 30), A::Auto, P::Auto).algorithm, A::NvlsTree);
  const NcclChoice small = on.choose(kAllReduce, Bytes(1024), A::Auto, P::Auto);
  EXPECT_EQ(small.algorithm, A::Nvls);
  EXPECT_NEAR(us(small.predicted), 43.0 + 1024.0 / (1000 * 384.0 * 64 / 126), 1e-6);
  EXPECT_EQ(on.choose(kAllReduce, Bytes(1LL << 30), A::Auto, P::Auto).algorithm, A::Nvls);
  // Named, CollNet needs no flag.
  EXPECT_EQ(off.choose(kAllReduce, Bytes(1LL << 30), A::CollNet, P::Auto).algorithm, A::CollNet);
  EXPECT_EQ(off.choose(kAllReduce, Bytes(1LL << 30), A::CollNet, P::Auto).protocol, P::Simple);
}

TEST(NcclTuner, TwoServersMoveFromTreeLlThroughTreeLl128ToNvlsTree) {
  const NcclTuner tuner(h100Pod(2));
  // 1 KiB: tree LL with treeCorrectionFactor[LL][log2(1024/64) = 4] = 0.9:
  // 25.2 + 1024 B / (1000 x 19.5 x 0.9) = 25.258348 us; ring LL needs 40.05.
  const NcclChoice small = tuner.choose(kAllReduce, Bytes(1024), A::Auto, P::Auto);
  EXPECT_EQ(small.algorithm, A::Tree);
  EXPECT_EQ(small.protocol, P::LL);
  EXPECT_NEAR(us(small.predicted), 25.2 + 1024.0 / (1000 * 19.5 * 0.9), 1e-5);
  EXPECT_EQ(small.channels, 1);  // 1 KiB < n x 512 threads x 8 until one channel is left
  // 256 KiB: tree LL128 (corrected by 0.6) 48.5 + 262144 / 88080 = 51.48 beats
  // ring LL 52.60 and NVLS-tree 67.86.
  const NcclChoice middle = tuner.choose(kAllReduce, Bytes(256 * 1024), A::Auto, P::Auto);
  EXPECT_EQ(middle.algorithm, A::Tree);
  EXPECT_EQ(middle.protocol, P::LL128);
  EXPECT_NEAR(us(middle.predicted), 48.5 + 262144.0 / (1000 * 146.8 * 0.6), 1e-5);
  // 1 GiB: NVLS-tree 66.8 + 2^30 / 246186.67 = 4428.3 us beats ring Simple
  // (131.6 x 1.4 plateau + 2^30 / 204800 = 5427.1).
  const NcclChoice large = tuner.choose(kAllReduce, Bytes(1LL << 30), A::Auto, P::Auto);
  EXPECT_EQ(large.algorithm, A::NvlsTree);
  EXPECT_EQ(large.protocol, P::Simple);
  EXPECT_EQ(large.channels, 16);
  EXPECT_NEAR(us(large.predicted), 66.8 + 1073741824.0 / (1000 * 8 * 57.7 * 16 / 30), 1e-3);
  EXPECT_NEAR(us(*tuner.predict(kAllReduce, A::Ring, P::Simple, Bytes(1LL << 30))),
              131.6 * 1.4 + 1073741824.0 / 204800.0, 1e-3);
}

TEST(NcclTuner, OneServerPicksNvlsForLargeAllReduce) {
  const NcclTuner tuner(h100Pod(1));
  // NVLS: min(40 x .85 x 7/8 x 2 = 59.5, bwInter 60) x 8 = 476 GB/s bus
  // bandwidth (what NCCL's maintainers expect on one H100 server), x 8/14;
  // latency 25 us. Ring Simple: 12 x 30 = 360 x 8/14 and 8.4 + 14 x 3.4 = 56 us.
  EXPECT_NEAR(tuner.bandwidthGBps(kAllReduce, A::Nvls, P::Simple), 476.0 * 8 / 14, 1e-9);
  EXPECT_NEAR(tuner.latencyUs(kAllReduce, A::Nvls, P::Simple), 25.0, 1e-9);
  EXPECT_NEAR(tuner.latencyUs(kAllReduce, A::Ring, P::Simple), 56.0, 1e-9);
  const NcclChoice large = tuner.choose(kAllReduce, Bytes(1LL << 30), A::Auto, P::Auto);
  EXPECT_EQ(large.algorithm, A::Nvls);
  EXPECT_NEAR(us(large.predicted), 25.0 + 1073741824.0 / (1000 * 476.0 * 8 / 14), 1e-3);
  // NVLS-tree needs several servers.
  EXPECT_EQ(tuner.bandwidthGBps(kAllReduce, A::NvlsTree, P::Simple), 0.0);
}

TEST(NcclTuner, ChannelsShrinkForSmallSizesAsNcclDoes) {
  const NcclTuner tuner(h100Pod(2));
  // Tree LL: channels drop while S < nc x 512 threads x 8.
  EXPECT_EQ(tuner.channelsFor(A::Tree, P::LL, Bytes(1024)), 1);
  EXPECT_EQ(tuner.channelsFor(A::Tree, P::LL, Bytes(8192)), 2);
  EXPECT_EQ(tuner.channelsFor(A::Tree, P::LL, Bytes(65536)), 16);
  // Ring LL's threshold is 8 x nranks: nc x 512 x 128.
  EXPECT_EQ(tuner.channelsFor(A::Ring, P::LL, Bytes(65536 * 3)), 3);
  // Ring Simple: nc x 512 x 64.
  EXPECT_EQ(tuner.channelsFor(A::Ring, P::Simple, Bytes(1 << 20)), 16);
  EXPECT_EQ(tuner.channelsFor(A::NvlsTree, P::Simple, Bytes(1024)), 16);
}

TEST(NcclTuner, HopCostsAreNcclsLatenciesPerHop) {
  const NcclTuner tuner(h100Pod(2));
  const NcclHopCosts ringSimple = tuner.hopCosts(kAllReduce, A::Ring, P::Simple);
  EXPECT_EQ(ringSimple.base, Duration::nanoseconds(8400));
  EXPECT_EQ(ringSimple.intra, Duration::nanoseconds(3400));  // max(3.4, 3 x 1 us network overhead)
  EXPECT_EQ(ringSimple.inter, Duration::microseconds(14));
  const NcclHopCosts ringLl = tuner.hopCosts(kAllReduce, A::Ring, P::LL);
  EXPECT_EQ(ringLl.intra, Duration::microseconds(1));  // max(0.6, 1 us)
  EXPECT_EQ(ringLl.inter, Duration::nanoseconds(2700));
  const NcclHopCosts treeLl128 = tuner.hopCosts(kAllReduce, A::Tree, P::LL128);
  EXPECT_EQ(treeLl128.base, Duration::microseconds(14));
  EXPECT_EQ(treeLl128.intra, Duration::nanoseconds(1250));
  EXPECT_EQ(treeLl128.inter, Duration::nanoseconds(8500));
  const NcclHopCosts nvlsTree = tuner.hopCosts(kAllReduce, A::NvlsTree, P::Simple);
  EXPECT_EQ(nvlsTree.base, Duration::microseconds(25));
  EXPECT_EQ(nvlsTree.intra, Duration());
  EXPECT_EQ(nvlsTree.inter, Duration::nanoseconds(20900));
}

TEST(NcclTuner, RestrictedChoicesAndPointToPoint) {
  const NcclTuner tuner(h100Pod(2));
  // A fixed algorithm still gets NCCL's protocol for it.
  const NcclChoice ring = tuner.choose(kAllReduce, Bytes(1024), A::Ring, P::Auto);
  EXPECT_EQ(ring.algorithm, A::Ring);
  EXPECT_EQ(ring.protocol, P::LL);
  // Simple only: NVLS-tree's 66.8 us beats tree Simple's 92.4 and ring Simple's 131.6.
  EXPECT_EQ(tuner.choose(kAllReduce, Bytes(1024), A::Auto, P::Simple).algorithm, A::NvlsTree);
  EXPECT_NEAR(tuner.latencyUs(kAllReduce, A::Tree, P::Simple), 8.4 + 2 * (7 * 4.0 + 14.0), 1e-9);
  EXPECT_EQ(tuner.choose(kAllReduce, Bytes(1024), A::Ring, P::Auto, 3).channels, 3);
  // NVLS across servers, named: the SHARP leaves make it available.
  EXPECT_EQ(tuner.choose(kAllReduce, Bytes(1024), A::Nvls, P::Auto).algorithm, A::Nvls);
  // All-to-all: PXN, LL up to 16 KiB per peer (16 ranks: 256 KiB), Simple above.
  const NcclChoice a2a = tuner.choose(CollectiveOp::AllToAll, Bytes(256 * 1024), A::Auto, P::Auto);
  EXPECT_EQ(a2a.algorithm, A::Pxn);
  EXPECT_EQ(a2a.protocol, P::LL);
  EXPECT_EQ(tuner.choose(CollectiveOp::AllToAll, Bytes(256 * 1024 + 16), A::Auto, P::Auto).protocol, P::Simple);
  EXPECT_EQ(tuner.choose(CollectiveOp::SendRecv, Bytes(1 << 20), A::Auto, P::Auto).algorithm, A::Ring);
}

}  // namespace
}  // namespace ofe::traffic
