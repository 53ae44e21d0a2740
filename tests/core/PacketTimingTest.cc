// Exact single-frame latency over a chain, store-and-forward and cut-through.

#include <gtest/gtest.h>

#include "core/PacketEngine.h"
#include "tests/core/CoreTestSupport.h"

namespace ofe::core {
namespace {

using test::makeChain;

// Frame of a 1000-byte transfer: 1000 + 62 header = 1062 B; on the wire
// + 20 B preamble/gap = 1082 B. At 100 Gbps: 1082 x 80 ps = 86,560 ps.
// Each link: 100 m of t-fibre = 500,000 ps; modules 2 x 100 ns = 200,000 ps.
constexpr std::int64_t kSer100 = 86'560;
constexpr std::int64_t kSer400 = 1082 * 20;  // 21,640 ps
constexpr std::int64_t kLinkLatency = 500'000 + 200'000;
constexpr std::int64_t kPortToPort = 300'000;
constexpr std::int64_t kNic = 250'000;

TEST(PacketTiming, LinkFiguresAreTheChosenOnes) {
  auto chain = makeChain(3);
  const topology::Link& l = chain.fabric.link(chain.links[0]);
  EXPECT_EQ(l.propagation.ps(), 500'000);
  EXPECT_EQ(l.latency.ps(), kLinkLatency);
  EXPECT_EQ(l.rate, DataRate::gbps(100));
}

TEST(PacketTiming, OnePacketStoreAndForwardIsExact) {
  auto chain = makeChain(3);  // 3 switches, 4 links
  const auto routing = topology::Routing::compute(chain.fabric);
  models::EngineSettings settings;
  PacketEngine engine(chain.fabric, routing, settings);
  traffic::Plan plan;
  plan.add(test::transfer(chain.src, chain.dst, 1000));
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;
  // Source NIC 250 ns, then per link serialisation + latency, per switch
  // port-to-port after the last bit, destination NIC 250 ns:
  //   250 + 4 x (86.56 + 700) + 3 x 300 + 250 = 4,546.24 ns.
  const std::int64_t expected = kNic + 4 * (kSer100 + kLinkLatency) + 3 * kPortToPort + kNic;
  EXPECT_EQ(expected, 4'546'240);
  EXPECT_EQ(r.transfers[0].start.ps(), 0);
  EXPECT_EQ(r.transfers[0].finish.ps(), expected);
  EXPECT_EQ(r.transfers[0].packets, 1u);
  EXPECT_EQ(r.transfers[0].retransmissions, 0u);
  // One data frame and one ACK cross each of the 4 links.
  EXPECT_EQ(r.packetHops, 8u);
  EXPECT_EQ(r.links[2 * chain.links[0]].bytes, Bytes(1062));
  EXPECT_EQ(r.links[2 * chain.links[0] + 1].bytes, Bytes(62));
  EXPECT_EQ(r.links[2 * chain.links[0]].busy.ps(), kSer100);
}

TEST(PacketTiming, OnePacketCutThroughIsExact) {
  auto chain = makeChain(3, "t-sw-ct");
  const auto routing = topology::Routing::compute(chain.fabric);
  PacketEngine engine(chain.fabric, routing, models::EngineSettings{});
  traffic::Plan plan;
  plan.add(test::transfer(chain.src, chain.dst, 1000));
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;
  // Equal rates: each switch starts the egress port-to-port after the head
  // arrived, so only the last link (into the store-and-forward NIC) adds a
  // serialisation: 250 + 4 x 700 + 3 x 300 + 86.56 + 250 = 4,286.56 ns.
  const std::int64_t expected = kNic + 4 * kLinkLatency + 3 * kPortToPort + kSer100 + kNic;
  EXPECT_EQ(expected, 4'286'560);
  EXPECT_EQ(r.transfers[0].finish.ps(), expected);
}

TEST(PacketTiming, CutThroughIntoAFasterPortWaitsForTheTail) {
  // Last link at 400 Gbps: the last switch may not start before
  // lastBitIn + 300 ns - 21.64 ns (else the egress would underrun). Head in
  // at h: the last bit is in at h + 86.56, egress starts at h + 300 + 64.92
  // and ends at h + 300 + 86.56. So the total equals the equal-rate case with
  // the last serialisation at 400G replaced by the 100G one:
  //   250 + 4 x 700 + 3 x 300 + 86.56 + 250 = 4,286.56 ns
  // (without the bound it would be 4,221.64 ns).
  auto chain = makeChain(3, "t-sw-ct", {"t-100G", "t-100G", "t-100G", "t-400G"});
  const auto routing = topology::Routing::compute(chain.fabric);
  PacketEngine engine(chain.fabric, routing, models::EngineSettings{});
  traffic::Plan plan;
  plan.add(test::transfer(chain.src, chain.dst, 1000));
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;
  const std::int64_t h = kNic + 3 * kLinkLatency + 2 * kPortToPort;  // head reaches sw2
  const std::int64_t egressStart = h + kSer100 + kPortToPort - kSer400;
  const std::int64_t expected = egressStart + kSer400 + kLinkLatency + kNic;
  EXPECT_EQ(expected, 4'286'560);
  EXPECT_EQ(r.transfers[0].finish.ps(), expected);
}

TEST(PacketTiming, ScaleUpSwitchIsAPacketSwitchWithItsOwnModel) {
  // gpu0 -900G, 2 m- NVSwitch-class switch -900G, 2 m- gpu1. Both GPUs hang
  // off one ScaleUpSwitch, so the transfer runs in the scale-up fluid model,
  // not as frames: no NIC latency (250 ns per end here), no propagation, no
  // switch hop, no frame headers; the GPU model's scaleUpLatency (500 ns)
  // covers all of that, added after the last byte leaves.
  // A 1000 B payload framed into 1125 wire bytes (Transfer::wire) with 2 us
  // of overhead: ready at 0, bytes move from 2 us at the full 900 Gbps port
  // rate (one flow): 1125 x 8 = 9000 bit / 900 Gbps = 10 ns, delivered
  //   2,000 ns + 10 ns + 500 ns = 2,510 ns.
  models::Catalog catalog = test::testCatalog();
  models::GpuModel gpu = catalog.gpu("t-gpu");
  gpu.scaleUpLatency = Duration::nanoseconds(500);
  catalog.put(gpu);
  models::OpticalModule nvl;
  nvl.name = "t-nvl";
  nvl.rate = DataRate::gbps(900);
  nvl.latency = Duration{};
  nvl.reach = Length::metres(5);
  catalog.put(nvl);
  models::SwitchModel nvs;
  nvs.name = "t-nvs";
  nvs.ports = 64;
  nvs.portRate = DataRate::gbps(900);
  nvs.buffer = Bytes(32 << 20);
  nvs.portToPort = Duration::nanoseconds(100);
  nvs.cutThrough = true;
  catalog.put(nvs);
  topology::Fabric f(catalog);
  const auto g0 = test::addGpu(f, "gpu0");
  const auto g1 = test::addGpu(f, "gpu1");
  topology::Node sw;
  sw.name = "nvswitch";
  sw.kind = topology::NodeKind::ScaleUpSwitch;
  sw.model = "t-nvs";
  const auto s = f.addNode(sw);
  test::addLink(f, g0, s, "t-nvl", Length::metres(2));  // link 0
  test::addLink(f, s, g1, "t-nvl", Length::metres(2));  // link 1
  ASSERT_EQ(f.scaleUpSwitchOf(g0), s);
  ASSERT_EQ(f.scaleUpSwitchOf(g1), s);
  const auto routing = topology::Routing::compute(f);
  PacketEngine engine(f, routing, models::EngineSettings{});
  traffic::Plan plan;
  traffic::Transfer t = test::transfer(g0, g1, 1000);
  t.wire = Bytes(1125);
  t.overhead = Duration::microseconds(2);
  plan.add(t);
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;
  EXPECT_EQ(r.transfers[0].start.ps(), 2'000'000);   // after the overhead
  EXPECT_EQ(r.transfers[0].finish.ps(), 2'510'000);
  EXPECT_EQ(r.end.ps(), 2'510'000);  // the run covers the delivery latency
  // One "packet" of 1125 B per link direction used (gpu0 -> switch, switch ->
  // gpu1), each busy for the 10 ns the bytes take; no ACKs come back.
  ASSERT_EQ(r.links.size(), 4u);
  for (std::size_t dir : {0u, 2u}) {
    EXPECT_EQ(r.links[dir].packets, 1u) << dir;
    EXPECT_EQ(r.links[dir].bytes, Bytes(1125)) << dir;
    EXPECT_EQ(r.links[dir].busy.ps(), 10'000) << dir;
  }
  for (std::size_t dir : {1u, 3u}) EXPECT_EQ(r.links[dir].packets, 0u) << dir;
  EXPECT_EQ(r.packetHops, 2u);
}

}  // namespace
}  // namespace ofe::core
