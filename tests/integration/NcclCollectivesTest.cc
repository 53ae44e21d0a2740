// NCCL schedules end to end on the packet engine with the shipped H100 pod:
// one step of each protocol, the 64-GPU pod's ring bandwidth and small-message
// latency, NVLS traffic on the GPU links. Bounds and times derived on paper.
#include <gtest/gtest.h>

#include "IntegrationSupport.h"
#include "topology/RailPodBuilder.h"
#include "traffic/CostModel.h"
#include "traffic/CollectiveNames.h"
#include "traffic/NcclProtocol.h"

namespace ofe::integration {
namespace {

using traffic::Algorithm;
using traffic::CollectiveOp;
using traffic::Protocol;

topology::Fabric h100Pod(int servers) {
  topology::Fabric fabric;
  topology::RailPodParams params;
  params.serversPerUnit = servers;
  params.spines = servers >= 4 ? 4 : 0;
  topology::buildRailPod(fabric, params);
  return fabric;
}

traffic::JobSpec podJob(int ranks, CollectiveOp op, Algorithm algorithm, Protocol protocol, Bytes size) {
  traffic::JobSpec j;
  j.name = "j";
  j.ranks = ranks;
  j.placement = traffic::Placement::RailAligned;
  traffic::CollectiveSpec c;
  c.op = op;
  c.algorithm = algorithm;
  c.protocol = protocol;
  c.minBytes = c.maxBytes = size;
  j.collectives.push_back(c);
  return j;
}

/// 400 Gb/s x 4096 payload bytes per 4096 + 62 + 20 wire bytes, per NIC.
DataRate nicPayloadCeiling() {
  const models::TransportModel t;
  return DataRate::bitsPerSecond(DataRate::gbps(400).bps() * t.mtu.count() /
                                 (t.mtu + t.headerBytes + t.wireOverhead).count());
}

TEST(NcclProtocolStep, AStepCostsTheProtocolsLatenciesPlusItsWireBytes) {
  const topology::Fabric fabric = h100Pod(2);
  const topology::NodeId a = *fabric.findNode("dc/su0/server0/gpu0");
  const topology::NodeId b = *fabric.findNode("dc/su0/server1/gpu0");
  const std::vector<std::string> pair = {fabric.node(a).name, fabric.node(b).name};
  const Bytes size(1 << 20);
  // One raw transfer of the wire bytes between the same GPUs (one rail, one leaf).
  const auto raw = [&](Bytes wire) {
    traffic::Plan plan;
    traffic::Transfer t;
    t.src = a;
    t.dst = b;
    t.size = wire;
    plan.add(t);
    const topology::Routing routing = topology::Routing::compute(fabric);
    const core::RunResult run = core::PacketEngine(fabric, routing, models::EngineSettings{}).run(plan);
    return run.transfers.at(0).finish - run.transfers.at(0).start;
  };
  // Two ranks on two servers of one GPU each: NCCL's ring base latency plus
  // its per-hop network latency of a one-GPU-per-node ring (the tree's):
  // LL 6.6 + 5.0, LL128 14 + 8.5, Simple 8.4 + 14 us.
  const struct {
    Protocol protocol;
    Duration latency;
  } cases[] = {{Protocol::LL, Duration::nanoseconds(11'600)},
               {Protocol::LL128, Duration::nanoseconds(22'500)},
               {Protocol::Simple, Duration::nanoseconds(22'400)}};
  for (const auto& c : cases) {
    traffic::JobSpec j = job("p2p", pair, CollectiveOp::SendRecv, Algorithm::Direct, size);
    j.collectives[0].protocol = c.protocol;
    const WorkloadRun run = runWorkload(fabric, {j});
    ASSERT_TRUE(run.run.completed) << run.run.diagnosis;
    const Bytes wire = traffic::NcclProtocol::wireBytes(c.protocol, size);
    EXPECT_EQ(run.times.at(0), c.latency + raw(wire)) << traffic::toString(c.protocol);
  }
  // LL doubles the bytes, LL128 adds 8 of every 128: the order on the wire.
  EXPECT_GT(raw(traffic::NcclProtocol::wireBytes(Protocol::LL, size)),
            raw(traffic::NcclProtocol::wireBytes(Protocol::LL128, size)));
}

TEST(NcclRailPod, RingReachesEightNicsAtOneGibibyteAndSmallAllReduceTakesTensOfMicroseconds) {
  const topology::Fabric fabric = h100Pod(8);
  const WorkloadRun ring =
      runWorkload(fabric, {podJob(64, CollectiveOp::AllReduce, Algorithm::Ring, Protocol::Auto, Bytes(1LL << 30))});
  ASSERT_TRUE(ring.run.completed) << ring.run.diagnosis;
  EXPECT_EQ(ring.workload.collectives[0].protocol, Protocol::Simple);
  EXPECT_EQ(ring.workload.collectives[0].channels, 16);
  // Each server's 8 NICs carry 2 of the 16 channels each: busbw can reach 8
  // x the per-NIC payload rate (392.15 GB/s) and no more.
  const DataRate bound = DataRate::bitsPerSecond(8 * nicPayloadCeiling().bps());
  const DataRate busbw = traffic::busBandwidth(CollectiveOp::AllReduce, 64, Bytes(1LL << 30), ring.times.at(0));
  EXPECT_LE(busbw, bound);
  EXPECT_GE(static_cast<double>(busbw.bps()), 0.95 * static_cast<double>(bound.bps()));
  ::testing::Test::RecordProperty("ring_1GiB_busbw_GBps", std::to_string(busbw.gigabytesPerSecond()));

  const WorkloadRun small =
      runWorkload(fabric, {podJob(64, CollectiveOp::AllReduce, Algorithm::Auto, Protocol::Auto, Bytes(1024))});
  ASSERT_TRUE(small.run.completed) << small.run.diagnosis;
  EXPECT_EQ(small.workload.collectives[0].algorithm, Algorithm::Tree);
  EXPECT_EQ(small.workload.collectives[0].protocol, Protocol::LL);
  // NCCL's own model says 45.3 us (6.8 + 2 x (7 x 0.6 + 3 x 5.0)); the fabric
  // adds its hops (14 scale-up, 6 across servers of about 1.5 us).
  EXPECT_GT(small.times.at(0), Duration::microseconds(45));
  EXPECT_LT(small.times.at(0), Duration::microseconds(100));
  ::testing::Test::RecordProperty("allreduce_1KiB_us", std::to_string(small.times.at(0).seconds() * 1e6));
}

TEST(NvlsRun, GpuLinksCarryNineEighthsAndBusbwStaysUnderTheSwitchBound) {
  const topology::Fabric fabric = h100Pod(1);
  const Bytes size(64 << 20);
  const WorkloadRun r = runWorkload(fabric, {podJob(8, CollectiveOp::AllReduce, Algorithm::Nvls, Protocol::Auto, size)});
  ASSERT_TRUE(r.run.completed) << r.run.diagnosis;
  for (const core::LinkDirectionStats& s : r.run.links) {
    if (fabric.node(s.from).kind != topology::NodeKind::Gpu) continue;
    const topology::Link& link = fabric.link(s.link);
    if (link.module.medium != models::Medium::ScaleUp) continue;
    EXPECT_EQ(s.bytes, Bytes(size.count() * 9 / 8)) << fabric.node(s.from).name;
  }
  // 9/8 S each way at 0.85 x 370.8 GB/s: busbw <= 2(g-1)/g x 8/9 x 315.18 = 490.3 GB/s.
  const double bound = 14.0 / 8.0 * 8.0 / 9.0 * 370.8 * 0.85;
  const double busbw = traffic::busBandwidth(CollectiveOp::AllReduce, 8, size, r.times.at(0)).gigabytesPerSecond();
  EXPECT_LE(busbw, bound);
  EXPECT_GE(busbw, 0.8 * bound);
}

TEST(CollNetRun, SharpAllReduceIsBoundByNvlinkNotByTheNics) {
  // 2 servers on QM9700 rail leaves (SHARP). Each head's NIC carries S/8 each
  // way, so 8 NICs allow busbw 1.875 x 8 x 48.5 = 728 GB/s; each GPU's NVLink
  // carries 2 x 7/8 S each way: busbw <= 1.875 x 370.8 / 1.75 = 397.3 GB/s.
  const topology::Fabric fabric = h100Pod(2);
  const Bytes size(256 << 20);
  const double bound = 2.0 * 15 / 16 * 370.8 / 1.75;
  for (Algorithm a : {Algorithm::CollNet, Algorithm::CollNetChain}) {
    const WorkloadRun r = runWorkload(fabric, {podJob(16, CollectiveOp::AllReduce, a, Protocol::Auto, size)});
    ASSERT_TRUE(r.run.completed) << r.run.diagnosis;
    const double busbw = traffic::busBandwidth(CollectiveOp::AllReduce, 16, size, r.times.at(0)).gigabytesPerSecond();
    EXPECT_LE(busbw, bound) << traffic::toString(a);
    EXPECT_GE(busbw, 0.9 * bound) << traffic::toString(a);
    ::testing::Test::RecordProperty(std::string(traffic::toString(a)) + "_256MiB_busbw_GBps", std::to_string(busbw));
    std::uint64_t retransmissions = 0;
    for (const core::TransferResult& t : r.run.transfers) retransmissions += t.retransmissions;
    EXPECT_EQ(retransmissions, 0u) << traffic::toString(a);
    // Every GPU's NIC link carries its head's eighth into the leaf: S/8 of
    // payload in 4096-byte frames of 4158 B, plus the ACKs of what comes back.
    for (const core::LinkDirectionStats& st : r.run.links) {
      if (fabric.node(st.from).kind != topology::NodeKind::Gpu) continue;
      const topology::Link& link = fabric.link(st.link);
      if (link.module.medium == models::Medium::ScaleUp) continue;
      const std::int64_t frames = size.count() / 8 / 4096;
      EXPECT_EQ(st.bytes, Bytes(frames * 4158 + frames * 62)) << fabric.node(st.from).name;
    }
  }
}

TEST(CollNetRun, NvlsAcrossServersWithSharpStaysUnderTheNvlsBound) {
  // NVLS inside each server as on one (busbw <= 2(g-1)/(g+1) x 370.8 x 0.85 x
  // the bus factor's growth 1.875 / 1.75), the heads' slices through SHARP.
  const topology::Fabric fabric = h100Pod(2);
  const Bytes size(256 << 20);
  const WorkloadRun r =
      runWorkload(fabric, {podJob(16, CollectiveOp::AllReduce, Algorithm::Nvls, Protocol::Auto, size)});
  ASSERT_TRUE(r.run.completed) << r.run.diagnosis;
  const double bound = 2.0 * 15 / 16 * 370.8 * 0.85 * 8 / 9;
  const double busbw = traffic::busBandwidth(CollectiveOp::AllReduce, 16, size, r.times.at(0)).gigabytesPerSecond();
  EXPECT_LE(busbw, bound);
  EXPECT_GE(busbw, 0.8 * bound);
  ::testing::Test::RecordProperty("nvls_sharp_256MiB_busbw_GBps", std::to_string(busbw));
}

}  // namespace
}  // namespace ofe::integration
