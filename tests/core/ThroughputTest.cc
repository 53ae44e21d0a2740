// Goodput of long transfers: one flow over a bottleneck, two sharing it, and
// a 1,000 km link with the automatic window and with half the BDP.

#include <gtest/gtest.h>

#include "core/PacketEngine.h"
#include "tests/core/CoreTestSupport.h"

namespace ofe::core {
namespace {

using test::addGpu;
using test::addLink;
using test::addSwitch;

// Payload efficiency: a 4096 B segment occupies 4096 + 62 header + 20
// preamble/gap = 4178 B of wire time.
constexpr double kEfficiency = 4096.0 / 4178.0;

TEST(Throughput, OneFlowAchievesLineRateTimesEfficiency) {
  // gpu0 -400G- sw -100G- gpu1: the 100G link is the bottleneck.
  topology::Fabric f(test::testCatalog());
  const auto g0 = addGpu(f, "gpu0");
  const auto g1 = addGpu(f, "gpu1");
  const auto sw = addSwitch(f, "sw");
  addLink(f, g0, sw, "t-400G");
  addLink(f, sw, g1, "t-100G");
  const auto routing = topology::Routing::compute(f);
  PacketEngine engine(f, routing, models::EngineSettings{});
  traffic::Plan plan;
  const std::int64_t size = 64LL << 20;  // 16,384 segments, ~5.5 ms at 100G
  plan.add(test::transfer(g0, g1, size));
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;
  // Expected 100 Gbps x 4096 / 4178 = 98.04 Gbps; the one-off pipeline fill
  // (a few microseconds) is well under 0.5% of 5.5 ms.
  const double expected = 100e9 * kEfficiency;
  EXPECT_NEAR(test::goodputBps(r.transfers[0], size) / expected, 1.0, 0.005);
  RecordProperty("goodput_over_expected", std::to_string(test::goodputBps(r.transfers[0], size) / expected));
  EXPECT_EQ(r.transfers[0].retransmissions, 0u);
  for (const auto& l : r.links) EXPECT_EQ(l.drops, 0u);
}

TEST(Throughput, TwoFlowsShareABottleneckEqually) {
  topology::Fabric f(test::testCatalog());
  const auto g0 = addGpu(f, "gpu0");
  const auto g1 = addGpu(f, "gpu1");
  const auto g2 = addGpu(f, "gpu2");
  const auto sw = addSwitch(f, "sw");
  addLink(f, g0, sw, "t-400G");
  addLink(f, g1, sw, "t-400G");
  addLink(f, sw, g2, "t-100G");
  const auto routing = topology::Routing::compute(f);
  PacketEngine engine(f, routing, models::EngineSettings{});
  traffic::Plan plan;
  const std::int64_t size = 32LL << 20;
  plan.add(test::transfer(g0, g2, size));
  plan.add(test::transfer(g1, g2, size));
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;
  // Each flow: half of 100 Gbps x 4096 / 4178 = 49.02 Gbps, within 5%.
  const double half = 0.5 * 100e9 * kEfficiency;
  EXPECT_NEAR(test::goodputBps(r.transfers[0], size) / half, 1.0, 0.05);
  EXPECT_NEAR(test::goodputBps(r.transfers[1], size) / half, 1.0, 0.05);
}

struct LongHaul {
  topology::Fabric fabric{test::testCatalog()};
  topology::NodeId src, dst;
  topology::LinkId longLink;
};

// gpu0 -10G, 100 m- sw0 -10G, 1,000 km- sw1 -10G, 100 m- gpu1, the long
// link made of ten 100 km spans through nine amplifier sites.
LongHaul makeLongHaul() {
  LongHaul h;
  h.src = addGpu(h.fabric, "gpu0");
  h.dst = addGpu(h.fabric, "gpu1");
  const auto s0 = addSwitch(h.fabric, "sw0");
  const auto s1 = addSwitch(h.fabric, "sw1");
  addLink(h.fabric, h.src, s0, "t-10G");
  topology::LinkSpec spec;
  spec.module = "t-10G";
  spec.fibre = "t-fibre";
  for (int i = 0; i < 10; ++i) {
    topology::NodeId via = topology::kNoNode;
    if (i < 9) {
      topology::Node amp;
      amp.name = "amp" + std::to_string(i);
      amp.kind = topology::NodeKind::Amplifier;
      amp.model = "t-edfa";
      via = h.fabric.addNode(amp);
    }
    spec.spans.push_back(topology::Span{Length::kilometres(100), via});
  }
  h.longLink = h.fabric.addLink(s0, s1, spec);
  addLink(h.fabric, s1, h.dst, "t-10G");
  return h;
}

// Round trip on paper (10 Gbps: 800 ps per byte):
//  long link one way: 1,000 km at 5 ns/m = 5,000,000 ns + modules 200 ns
//        + 9 amplifiers x 100 ns                          = 5,001,100 ns
//  data: 3 x 4178 B x 800 ps = 10,027.2 ns serialisation
//        + 2 x 700 ns (short links) + 5,001,100 ns + 2 x 300 ns port-to-port
//                                                         = 5,013,127.2 ns
//  ACK:  3 x 82 B x 800 ps = 196.8 ns + the same latencies = 5,003,296.8 ns
//  RTT = 10,016,424 ns; BDP = 10 Gbps x RTT = 12,520,530 B.
constexpr double kRttSeconds = 10'016'424e-9;
constexpr double kBdpBytes = 10e9 * kRttSeconds / 8.0;

double longLinkUtilisation(const RunResult& r, topology::LinkId link) {
  return r.links[2 * link].busy.seconds() / (r.transfers[0].finish - r.transfers[0].start).seconds();
}

TEST(Throughput, LongHaulWithDefaultWindowFillsTheLink) {
  EXPECT_NEAR(kBdpBytes, 12'520'530.0, 1.0);
  LongHaul h = makeLongHaul();
  EXPECT_EQ(h.fabric.link(h.longLink).latency, Duration::nanoseconds(5'001'100));
  const auto routing = topology::Routing::compute(h.fabric);
  PacketEngine engine(h.fabric, routing, models::EngineSettings{});
  traffic::Plan plan;
  // 300 MiB: 257 ms of wire time against a 5 ms one-way tail -> ~98%.
  const std::int64_t size = 300LL << 20;
  plan.add(test::transfer(h.src, h.dst, size));
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;
  EXPECT_GE(longLinkUtilisation(r, h.longLink), 0.95);
  RecordProperty("utilisation", std::to_string(longLinkUtilisation(r, h.longLink)));
}

TEST(Throughput, LongHaulWithHalfTheBdpWindowRunsAtHalfRate) {
  LongHaul h = makeLongHaul();
  const auto routing = topology::Routing::compute(h.fabric);
  models::EngineSettings settings;
  // Half the BDP in whole segments: floor(6,260,265 / 4096) = 1528 segments.
  const std::int64_t window = static_cast<std::int64_t>(kBdpBytes / 2.0 / 4096.0) * 4096;
  settings.transport.window = Bytes(window);
  PacketEngine engine(h.fabric, routing, settings);
  traffic::Plan plan;
  const std::int64_t size = 150LL << 20;
  plan.add(test::transfer(h.src, h.dst, size));
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;
  // One window per round trip: wire share = 1528 x 4178 B x 8 / (10 Gbps x
  // RTT) = 0.510, less a 5 ms tail on ~260 ms -> about 0.50.
  EXPECT_NEAR(longLinkUtilisation(r, h.longLink), 0.5, 0.03);
  RecordProperty("utilisation", std::to_string(longLinkUtilisation(r, h.longLink)));
}

}  // namespace
}  // namespace ofe::core
