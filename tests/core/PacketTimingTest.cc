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
  // gpu0 -900G, 2 m- NVSwitch-class switch -900G, 2 m- gpu1, modules with
  // no latency, a 100 ns cut-through switch. Frame 1082 B on the wire:
  // 8656 bits / 900 Gbps = 9,617.8 ps -> 9,618 ps. 2 m of t-fibre = 10 ns.
  //   250 (NIC) + 10 (link) + 100 (switch) + 9.618 + 10 (link) + 250 (NIC) = 629.618 ns.
  models::Catalog catalog = test::testCatalog();
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
  test::addLink(f, g0, s, "t-nvl", Length::metres(2));
  test::addLink(f, s, g1, "t-nvl", Length::metres(2));
  const auto routing = topology::Routing::compute(f);
  PacketEngine engine(f, routing, models::EngineSettings{});
  traffic::Plan plan;
  plan.add(test::transfer(g0, g1, 1000));
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;
  EXPECT_EQ(r.transfers[0].finish.ps(), 629'618);
}

}  // namespace
}  // namespace ofe::core
