// The NCCL schedules as plans on builder-made H100 pods: bytes per GPU link and
// per NIC derived on paper, protocol framing and latencies on the transfers,
// PXN rails, and the barrier before each size.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>

#include "TrafficTestSupport.h"
#include "traffic/CollectiveNames.h"
#include "traffic/NcclProtocol.h"
#include "traffic/RankPlacement.h"
#include "traffic/Workload.h"

namespace ofe::traffic {
namespace {

using topology::NodeId;
using topology::NodeKind;

using test::h100PodFabric;

bool isPacketSwitch(const topology::Fabric& f, NodeId n) { return f.node(n).kind == NodeKind::PacketSwitch; }

JobSpec job(int ranks, CollectiveOp op, Algorithm algorithm, Protocol protocol, Bytes size, int iterations = 1) {
  JobSpec j;
  j.name = "j";
  j.ranks = ranks;
  j.placement = Placement::RailAligned;
  CollectiveSpec c;
  c.op = op;
  c.algorithm = algorithm;
  c.protocol = protocol;
  c.minBytes = c.maxBytes = size;
  c.iterations = iterations;
  j.collectives.push_back(c);
  return j;
}

/// Bytes each node sends (egress) and receives (ingress) over the plan's transfers.
struct Traffic {
  std::map<NodeId, std::int64_t> out;
  std::map<NodeId, std::int64_t> in;
};
Traffic tally(const Plan& plan) {
  Traffic t;
  for (const Transfer& x : plan.transfers()) {
    t.out[x.src] += x.size.count();
    t.in[x.dst] += x.size.count();
  }
  return t;
}

bool sameServer(const topology::Fabric& f, NodeId a, NodeId b) {
  const auto domain = [&f](NodeId n) { return f.node(n).kind == NodeKind::ScaleUpSwitch ? n : f.scaleUpSwitchOf(n); };
  return domain(a) == domain(b);
}

TEST(NvlsPlan, EveryGpuLinkCarriesNineEighthsOfTheBuffer) {
  const topology::Fabric fabric = h100PodFabric(1);
  const Bytes size(8 << 20);
  const WorkloadPlan w = buildWorkload(fabric, {job(8, CollectiveOp::AllReduce, Algorithm::Nvls, Protocol::Auto, size)});
  ASSERT_EQ(w.collectives.size(), 1u);
  EXPECT_EQ(w.collectives[0].protocol, Protocol::Simple);
  const Traffic t = tally(w.plan);
  // GPU -> switch: every byte of its buffer once to be reduced, plus its own
  // slice (S/8) stored back for multicast. Switch -> GPU: its reduced slice,
  // then every slice by multicast. 9/8 x S each way.
  for (NodeId gpu : w.placements[0]) {
    EXPECT_EQ(t.out.at(gpu), size.count() + size.count() / 8) << fabric.node(gpu).name;
    EXPECT_EQ(t.in.at(gpu), size.count() + size.count() / 8) << fabric.node(gpu).name;
  }
  // Only GPU <-> its scale-up switch, never GPU to GPU.
  for (const Transfer& x : w.plan.transfers()) {
    if (x.barrier) continue;
    EXPECT_TRUE(fabric.node(x.src).kind == NodeKind::ScaleUpSwitch || fabric.node(x.dst).kind == NodeKind::ScaleUpSwitch);
  }
  // NVLS's 25 us latency is charged once, on the first transfers.
  Duration most;
  for (const Transfer& x : w.plan.transfers()) most = std::max(most, x.overhead);
  EXPECT_EQ(most, Duration::microseconds(25));
}

TEST(NvlsTreePlan, EachNicCarriesAnEighthOfTheBufferEachWayBetweenTwoServers) {
  const topology::Fabric fabric = h100PodFabric(2);
  const Bytes size(16 << 20);
  const WorkloadPlan w =
      buildWorkload(fabric, {job(16, CollectiveOp::AllReduce, Algorithm::NvlsTree, Protocol::Auto, size)});
  std::map<NodeId, std::int64_t> netOut;
  std::map<NodeId, std::int64_t> netIn;
  for (const Transfer& x : w.plan.transfers()) {
    if (x.barrier || sameServer(fabric, x.src, x.dst)) continue;
    // Head h of one server talks only to head h of the other: one rail.
    EXPECT_EQ(fabric.node(x.src).slot, fabric.node(x.dst).slot);
    netOut[x.src] += x.size.count();
    netIn[x.dst] += x.size.count();
    // Each hop between servers pays NCCL's NVLS-tree network latency, 20.9 us.
    EXPECT_EQ(x.overhead, Duration::nanoseconds(20900));
  }
  // Slice h (S/8) goes half up tree 0 and half up tree 1: with two servers
  // each head sends one half and receives the other, then the reverse.
  ASSERT_EQ(netOut.size(), 16u);
  for (const auto& [gpu, bytes] : netOut) {
    EXPECT_EQ(bytes, size.count() / 8) << fabric.node(gpu).name;
    EXPECT_EQ(netIn.at(gpu), size.count() / 8) << fabric.node(gpu).name;
  }
}

TEST(NcclRingPlan, EveryNicCarriesItsShareOfTwoChannels) {
  const topology::Fabric fabric = h100PodFabric(2);
  const Bytes size(64 << 20);
  const WorkloadPlan w = buildWorkload(fabric, {job(16, CollectiveOp::AllReduce, Algorithm::Ring, Protocol::Simple, size)});
  const CollectiveInstance& c = w.collectives[0];
  EXPECT_EQ(c.channels, 16);
  // Per channel 2(n-1) steps x n segments of S / 16 / 16 = 256 KiB (one
  // piece each), plus the barrier.
  EXPECT_EQ(c.transferCount(), 1u + 16u * 30u * 16u);
  std::map<NodeId, std::int64_t> netOut;
  std::map<NodeId, std::int64_t> nvlinkOut;
  for (const Transfer& x : w.plan.transfers()) {
    if (x.barrier) continue;
    EXPECT_EQ(x.wire, x.size);  // Simple moves raw bytes
    EXPECT_GE(x.connection, 0);
    (sameServer(fabric, x.src, x.dst) ? nvlinkOut : netOut)[x.src] += x.size.count();
  }
  // Each GPU is the exit of 2 of the 16 channels; every hop of a ring carries
  // 2(n-1)/n of its channel's share: 2 x 30/16 x S/16 = 15/64 S over its NIC.
  // Over NVLink it forwards in the other 14: 14 x 30/16 x S/16.
  for (NodeId gpu : w.placements[0]) {
    EXPECT_EQ(netOut.at(gpu), size.count() * 15 / 64) << fabric.node(gpu).name;
    EXPECT_EQ(nvlinkOut.at(gpu), size.count() * 14 * 30 / 256) << fabric.node(gpu).name;
  }
}

TEST(NcclRingPlan, ProtocolFramesTheWireAndChargesItsLatencies) {
  const topology::Fabric fabric = h100PodFabric(2);
  const WorkloadPlan w = buildWorkload(fabric, {job(16, CollectiveOp::AllReduce, Algorithm::Ring, Protocol::LL, Bytes(4096))});
  // LL: 4096 B over 1 channel, 16 segments of 256 B, each 512 B on the wire.
  EXPECT_EQ(w.collectives[0].channels, 1);
  for (const Transfer& x : w.plan.transfers()) {
    if (x.barrier) continue;
    EXPECT_EQ(x.size, Bytes(256));
    EXPECT_EQ(x.wire, Bytes(512));
    const bool entry = x.after.size() == 1 && w.plan.transfer(x.after[0]).barrier;
    // NCCL's ring LL per hop: 1 us inside a server (network overhead), 2.7 us
    // between servers; 6.6 us base latency on the first hop of each segment.
    const Duration hop = sameServer(fabric, x.src, x.dst) ? Duration::microseconds(1) : Duration::nanoseconds(2700);
    EXPECT_EQ(x.overhead, hop + (entry ? Duration::nanoseconds(6600) : Duration())) << x.id;
  }
}

TEST(PxnPlan, BlocksCrossServersOnTheDestinationsRailOnly) {
  const topology::Fabric fabric = h100PodFabric(2);
  const Bytes size(16 * 16 * 1024);
  const WorkloadPlan w = buildWorkload(fabric, {job(16, CollectiveOp::AllToAll, Algorithm::Pxn, Protocol::Simple, size)});
  int relays = 0;
  int direct = 0;
  for (const Transfer& x : w.plan.transfers()) {
    if (x.barrier) continue;
    if (sameServer(fabric, x.src, x.dst)) {
      // A relay hop's final leg follows it; count the NVLink hops that feed one.
      continue;
    }
    EXPECT_EQ(fabric.node(x.src).slot, fabric.node(x.dst).slot) << x.id;
    if (x.after.size() == 1 && !w.plan.transfer(x.after[0]).barrier) {
      ++relays;
    } else {
      ++direct;
    }
  }
  // 16 x 8 blocks cross servers; 16 x 1 of them already sit on the right rail.
  EXPECT_EQ(direct, 16);
  EXPECT_EQ(relays, 16 * 7);
}

TEST(Barrier, EachSizeWaitsForEveryRankOfThePreviousSize) {
  const topology::Fabric fabric = h100PodFabric(2);
  JobSpec j = job(16, CollectiveOp::AllReduce, Algorithm::Ring, Protocol::Simple, Bytes(1 << 20), 2);
  j.collectives[0].maxBytes = Bytes(2 << 20);
  const WorkloadPlan w = buildWorkload(fabric, {j});
  ASSERT_EQ(w.collectives.size(), 4u);  // 2 sizes x 2 iterations
  for (const CollectiveInstance& c : w.collectives) {
    const Transfer& first = w.plan.transfer(c.first);
    EXPECT_EQ(first.barrier, c.iteration == 0) << c.index;
  }
  // The barrier of size 2 MiB joins the final transfers of every rank of the
  // last 1 MiB iteration: each rank's last all-gather send and receive.
  const Transfer& barrier = w.plan.transfer(w.collectives[2].first);
  std::set<int> ranks;
  for (TransferId dep : barrier.after) {
    const Transfer& d = w.plan.transfer(dep);
    EXPECT_EQ(d.collective, 1);
    ranks.insert(d.srcRank);
    ranks.insert(d.dstRank);
  }
  EXPECT_EQ(ranks.size(), 16u);
  // Iteration 1 follows iteration 0 rank by rank: no barrier, entries wait on
  // the previous iteration's final transfers at their rank.
  const CollectiveInstance& second = w.collectives[1];
  const Transfer& entry = w.plan.transfer(second.first);
  ASSERT_FALSE(entry.after.empty());
  for (TransferId dep : entry.after) EXPECT_EQ(w.plan.transfer(dep).collective, 0);
}

TEST(NcclChoice, FlatSchedulesTakeNoProtocol) {
  const topology::Fabric fabric = h100PodFabric(2);
  EXPECT_THROW(buildWorkload(fabric, {job(16, CollectiveOp::AllReduce, Algorithm::FlatRing, Protocol::LL, Bytes(4096))}),
               std::invalid_argument);
  JobSpec j = job(16, CollectiveOp::AllReduce, Algorithm::HalvingDoubling, Protocol::Auto, Bytes(4096));
  j.collectives[0].ncclChannels = 4;
  EXPECT_THROW(buildWorkload(fabric, {j}), std::invalid_argument);
  // NCCL schedules need equal servers: 12 ranks fill one server and half of the next.
  try {
    buildWorkload(fabric, {job(12, CollectiveOp::AllReduce, Algorithm::Auto, Protocol::Auto, Bytes(4096))});
    ADD_FAILURE() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("flat-*"), std::string::npos) << e.what();
  }
  // NVLS across servers needs switches that reduce in the network.
  const topology::Fabric plain = h100PodFabric(2, "51.2T-128x400G");
  EXPECT_THROW(buildWorkload(plain, {job(16, CollectiveOp::AllReduce, Algorithm::Nvls, Protocol::Auto, Bytes(4096))}),
               std::invalid_argument);
  EXPECT_THROW(buildWorkload(plain, {job(16, CollectiveOp::AllReduce, Algorithm::CollNet, Protocol::Auto, Bytes(4096))}),
               std::invalid_argument);
  // CollNet is all-reduce only, Simple only.
  EXPECT_THROW(buildWorkload(fabric, {job(16, CollectiveOp::AllGather, Algorithm::CollNet, Protocol::Auto, Bytes(4096))}),
               std::invalid_argument);
  EXPECT_THROW(buildWorkload(fabric, {job(16, CollectiveOp::AllReduce, Algorithm::CollNet, Protocol::LL, Bytes(4096))}),
               std::invalid_argument);
}

/// Bytes over NVLink (GPU to GPU, or GPU and its scale-up switch) and over the
/// NIC (GPU and a packet switch), per GPU and direction, and between switches.
struct CollNetTraffic {
  std::map<NodeId, std::int64_t> nvlinkOut, nvlinkIn, nicOut, nicIn;
  std::map<std::pair<NodeId, NodeId>, std::int64_t> betweenSwitches;
};
CollNetTraffic tallyCollNet(const topology::Fabric& fabric, const Plan& plan) {
  CollNetTraffic t;
  for (const Transfer& x : plan.transfers()) {
    if (x.barrier) continue;
    if (isPacketSwitch(fabric, x.src) && isPacketSwitch(fabric, x.dst)) {
      t.betweenSwitches[{x.src, x.dst}] += x.size.count();
    } else if (isPacketSwitch(fabric, x.dst)) {
      t.nicOut[x.src] += x.size.count();
    } else if (isPacketSwitch(fabric, x.src)) {
      t.nicIn[x.dst] += x.size.count();
    } else {
      if (fabric.node(x.src).kind == NodeKind::Gpu) t.nvlinkOut[x.src] += x.size.count();
      if (fabric.node(x.dst).kind == NodeKind::Gpu) t.nvlinkIn[x.dst] += x.size.count();
    }
  }
  return t;
}

TEST(CollNetPlan, HeadsSendAnEighthIntoTheRailLeafAndNvlinkCarriesFourteenEighths) {
  const topology::Fabric fabric = h100PodFabric(2);
  const Bytes size(16 << 20);
  for (Algorithm a : {Algorithm::CollNet, Algorithm::CollNetChain}) {
    const WorkloadPlan w = buildWorkload(fabric, {job(16, CollectiveOp::AllReduce, a, Protocol::Auto, size)});
    EXPECT_EQ(w.collectives[0].protocol, Protocol::Simple);
    const CollNetTraffic t = tallyCollNet(fabric, w.plan);
    // Every GPU heads slice h = its slot: S/8 into its rail's leaf and S/8
    // back. One SU: the leaf reduces alone, nothing between switches.
    for (NodeId gpu : w.placements[0]) {
      EXPECT_EQ(t.nicOut.at(gpu), size.count() / 8) << toString(a) << " " << fabric.node(gpu).name;
      EXPECT_EQ(t.nicIn.at(gpu), size.count() / 8) << toString(a) << " " << fabric.node(gpu).name;
      // Direct: its part of the 7 other slices to their heads, then its own
      // slice's total to the 7 others. Chain: per slice up unless head, down
      // unless tail. Both 2 x 7/8 x S each way.
      EXPECT_EQ(t.nvlinkOut.at(gpu), size.count() * 14 / 8) << toString(a) << " " << fabric.node(gpu).name;
      EXPECT_EQ(t.nvlinkIn.at(gpu), size.count() * 14 / 8) << toString(a) << " " << fabric.node(gpu).name;
    }
    EXPECT_TRUE(t.betweenSwitches.empty());
    for (const Transfer& x : w.plan.transfers()) {
      if (x.barrier) continue;
      if (isPacketSwitch(fabric, x.dst)) {
        // Into the head's own rail leaf, charged NCCL's CollNet network latency.
        EXPECT_EQ(fabric.node(x.dst).rail, fabric.node(x.src).slot) << x.id;
        EXPECT_EQ(x.overhead, Duration::microseconds(a == Algorithm::CollNet ? 31 : 30)) << x.id;
      } else if (isPacketSwitch(fabric, x.src)) {
        EXPECT_EQ(x.overhead, Duration()) << x.id;  // the result coming back costs the wire only
      } else {
        EXPECT_EQ(x.overhead, a == Algorithm::CollNet ? Duration::nanoseconds(6500) : Duration::nanoseconds(2800));
      }
    }
  }
}

TEST(CollNetPlan, TwoUnitsReduceOverASpine) {
  // 2 SUs x 2 servers: a rail's two leaves send their partial sums to a spine
  // and get the total back, S/8 each way per rail.
  topology::Fabric fabric;
  topology::RailPodParams params;
  params.scalableUnits = 2;
  params.serversPerUnit = 2;
  params.spines = 2;
  topology::buildRailPod(fabric, params);
  const Bytes size(8 << 20);
  const WorkloadPlan w = buildWorkload(fabric, {job(32, CollectiveOp::AllReduce, Algorithm::CollNet, Protocol::Auto, size)});
  const CollNetTraffic t = tallyCollNet(fabric, w.plan);
  ASSERT_EQ(t.betweenSwitches.size(), 8u * 4u);  // per rail: 2 leaves up and 2 down
  for (const auto& [ends, bytes] : t.betweenSwitches) {
    EXPECT_EQ(bytes, size.count() / 8);
    const int tierFrom = fabric.node(ends.first).tier;
    const int tierTo = fabric.node(ends.second).tier;
    EXPECT_EQ(std::abs(tierFrom - tierTo), 1);
  }
}

TEST(NvlsAcrossServersPlan, NvlsInsideAndAnEighthPerNicThroughTheNetwork) {
  const topology::Fabric fabric = h100PodFabric(2);
  const Bytes size(16 << 20);
  const WorkloadPlan w = buildWorkload(fabric, {job(16, CollectiveOp::AllReduce, Algorithm::Nvls, Protocol::Auto, size)});
  const CollNetTraffic t = tallyCollNet(fabric, w.plan);
  for (NodeId gpu : w.placements[0]) {
    // NVLS as on one server (9/8 S each way with the switch), plus the head's
    // slice through the network.
    EXPECT_EQ(t.nvlinkOut.at(gpu), size.count() * 9 / 8) << fabric.node(gpu).name;
    EXPECT_EQ(t.nvlinkIn.at(gpu), size.count() * 9 / 8) << fabric.node(gpu).name;
    EXPECT_EQ(t.nicOut.at(gpu), size.count() / 8) << fabric.node(gpu).name;
    EXPECT_EQ(t.nicIn.at(gpu), size.count() / 8) << fabric.node(gpu).name;
  }
}

}  // namespace
}  // namespace ofe::traffic
