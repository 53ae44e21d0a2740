// Dependencies and notBefore, round-robin sharing of a NIC, determinism.

#include <gtest/gtest.h>

#include "core/PacketEngine.h"
#include "tests/core/CoreTestSupport.h"

namespace ofe::core {
namespace {

using test::addGpu;
using test::addLink;
using test::addSwitch;

// One 1000-byte transfer over the 3-switch chain takes 4,546,240 ps
// (derived in PacketTimingTest: 250 + 4 x (86.56 + 700) + 3 x 300 + 250 ns).
constexpr std::int64_t kOneFrame = 4'546'240;

TEST(Plan, DependenciesAndNotBeforeSetExactStartTimes) {
  auto chain = test::makeChain(3);
  const auto routing = topology::Routing::compute(chain.fabric);
  PacketEngine engine(chain.fabric, routing, models::EngineSettings{});
  traffic::Plan plan;
  const auto t0 = plan.add(test::transfer(chain.src, chain.dst, 1000));
  // Back the other way once t0 is delivered: starts at t0's finish exactly.
  const auto t1 = plan.add(test::transfer(chain.dst, chain.src, 1000, {t0}));
  // Only a notBefore: starts at 20 us.
  const auto t2 = plan.add(test::transfer(chain.src, chain.dst, 1000, {}, Duration::microseconds(20)));
  // A dependency delivered long before its notBefore: starts at 50 us.
  const auto t3 = plan.add(test::transfer(chain.dst, chain.src, 1000, {t0}, Duration::microseconds(50)));
  // Two dependencies: starts when the later (t2) is delivered.
  const auto t4 = plan.add(test::transfer(chain.src, chain.dst, 1000, {t1, t2}));
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;

  EXPECT_EQ(r.transfers[t0].start.ps(), 0);
  EXPECT_EQ(r.transfers[t0].finish.ps(), kOneFrame);
  // t0's ACK left gpu1 when t0's last bit arrived (250 ns before finish) and
  // is 6.56 ns long, so t1 finds an idle path: one frame time again.
  EXPECT_EQ(r.transfers[t1].start.ps(), kOneFrame);
  EXPECT_EQ(r.transfers[t1].finish.ps(), 2 * kOneFrame);
  EXPECT_EQ(r.transfers[t2].start, Duration::microseconds(20));
  EXPECT_EQ(r.transfers[t2].finish.ps(), 20'000'000 + kOneFrame);
  EXPECT_EQ(r.transfers[t3].start, Duration::microseconds(50));
  EXPECT_EQ(r.transfers[t4].start.ps(), 20'000'000 + kOneFrame);
  EXPECT_EQ(r.transfers[t4].finish.ps(), 20'000'000 + 2 * kOneFrame);
}

TEST(Plan, FlowsFromOneNicShareItRoundRobin) {
  // gpu0 sends 2048 segments each to gpu1 and gpu2 through one 100G port;
  // the switch's two egress ports are 100G too, so only gpu0's port is
  // shared. Both flows start at 0 and become ready 250 ns later (NIC
  // latency), flow 0 first: it sends segment 0 before flow 1 joins the ring,
  // and its second segment when the wire frees (it is then first in the
  // ring). From there the port alternates 1, 0, 1, 0, ... so the order is
  // 0, 0, 1, 0, 1, ..., 0, 1, 1: flow 0's last segment is the 4094th on the
  // wire, flow 1's the 4096th. Past the port the paths are disjoint, so
  // flow 1 finishes exactly two segment times (2 x 4178 x 80 ps) after flow 0.
  topology::Fabric f(test::testCatalog());
  const auto g0 = addGpu(f, "gpu0");
  const auto g1 = addGpu(f, "gpu1");
  const auto g2 = addGpu(f, "gpu2");
  const auto sw = addSwitch(f, "sw");
  addLink(f, g0, sw);
  addLink(f, sw, g1);
  addLink(f, sw, g2);
  const auto routing = topology::Routing::compute(f);
  PacketEngine engine(f, routing, models::EngineSettings{});
  traffic::Plan plan;
  plan.add(test::transfer(g0, g1, 8 << 20));
  plan.add(test::transfer(g0, g2, 8 << 20));
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;
  EXPECT_EQ(r.transfers[1].finish.ps() - r.transfers[0].finish.ps(), 2 * 334'240);
  // Each got half the port: 2 x 8 MiB at 100 Gbps x 4096/4178 takes 1.369 ms.
  EXPECT_NEAR(r.transfers[1].finish.seconds(), 2.0 * (8 << 20) * 8 / (100e9 * 4096.0 / 4178.0), 5e-6);
}

TEST(Plan, EmptyPlanCompletesAtTimeZero) {
  auto chain = test::makeChain(1);
  const auto routing = topology::Routing::compute(chain.fabric);
  PacketEngine engine(chain.fabric, routing, models::EngineSettings{});
  const RunResult r = engine.run(traffic::Plan{});
  EXPECT_TRUE(r.completed);
  EXPECT_EQ(r.end.ps(), 0);
  EXPECT_EQ(r.packetHops, 0u);
}

TEST(Plan, RejectsEndpointsThatAreNotGpusAndUnusableSettings) {
  auto chain = test::makeChain(1);
  const auto routing = topology::Routing::compute(chain.fabric);
  PacketEngine engine(chain.fabric, routing, models::EngineSettings{});
  traffic::Plan plan;
  plan.add(test::transfer(chain.src, chain.switches[0], 1000));
  EXPECT_THROW(engine.run(plan), std::invalid_argument);
  models::EngineSettings noWatchdog;
  noWatchdog.stallTimeout = Duration{};
  EXPECT_THROW(PacketEngine(chain.fabric, routing, noWatchdog), std::invalid_argument);
  models::EngineSettings tinyHeaders;
  tinyHeaders.transport.headerBytes = Bytes(20);
  PacketEngineOptions capture;
  capture.pcapLinks = {chain.links[0]};
  EXPECT_THROW(PacketEngine(chain.fabric, routing, tinyHeaders, capture), std::invalid_argument);
}

TEST(Determinism, SameInputsGiveIdenticalResults) {
  // A lossy incast with ECN marks, drops, retransmissions and packet spraying
  // over two spines exercises every random draw.
  topology::Fabric f(test::testCatalog());
  const auto leaf0 = addSwitch(f, "leaf0");
  const auto leaf1 = addSwitch(f, "leaf1");
  for (int s = 0; s < 2; ++s) {
    const auto spine = addSwitch(f, "spine" + std::to_string(s));
    addLink(f, leaf0, spine);
    addLink(f, leaf1, spine);
  }
  std::vector<topology::NodeId> tx;
  for (int i = 0; i < 6; ++i) {
    tx.push_back(addGpu(f, "tx" + std::to_string(i)));
    addLink(f, tx.back(), leaf0);
  }
  const auto rx = addGpu(f, "rx");
  addLink(f, leaf1, rx);
  const auto routing = topology::Routing::compute(f);
  models::EngineSettings s;
  s.seed = 7;
  s.queues.pfc = false;
  s.queues.portBuffer = Bytes(128 * 1024);
  s.queues.ecmp = models::EcmpMode::PacketSpray;
  s.queues.ecnMinThreshold = Bytes(16 * 1024);
  s.queues.ecnMaxThreshold = Bytes(96 * 1024);
  s.transport.window = Bytes(256 * 1024);
  traffic::Plan plan;
  for (auto t : tx) plan.add(test::transfer(t, rx, 1 << 20));

  const auto runOnce = [&] {
    PacketEngine engine(f, routing, s);
    return engine.run(plan);
  };
  const RunResult a = runOnce();
  // The second run reuses nothing but the inputs: a fresh simulator and context.
  PacketEngine again(f, routing, s);
  again.run(plan);
  const RunResult b = again.run(plan);
  ASSERT_TRUE(a.completed) << a.diagnosis;
  std::uint64_t drops = 0, marks = 0, retransmissions = 0;
  for (const auto& l : a.links) {
    drops += l.drops;
    marks += l.ecnMarks;
  }
  for (const auto& t : a.transfers) retransmissions += t.retransmissions;
  EXPECT_GT(drops, 0u);
  EXPECT_GT(marks, 0u);
  EXPECT_GT(retransmissions, 0u);

  EXPECT_EQ(a.end, b.end);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.packetHops, b.packetHops);
  ASSERT_EQ(a.transfers.size(), b.transfers.size());
  for (std::size_t i = 0; i < a.transfers.size(); ++i) {
    EXPECT_EQ(a.transfers[i].start, b.transfers[i].start);
    EXPECT_EQ(a.transfers[i].finish, b.transfers[i].finish);
    EXPECT_EQ(a.transfers[i].packets, b.transfers[i].packets);
    EXPECT_EQ(a.transfers[i].retransmissions, b.transfers[i].retransmissions);
    EXPECT_EQ(a.transfers[i].timeouts, b.transfers[i].timeouts);
  }
  ASSERT_EQ(a.links.size(), b.links.size());
  for (std::size_t i = 0; i < a.links.size(); ++i) {
    EXPECT_EQ(a.links[i].bytes, b.links[i].bytes);
    EXPECT_EQ(a.links[i].packets, b.links[i].packets);
    EXPECT_EQ(a.links[i].busy, b.links[i].busy);
    EXPECT_EQ(a.links[i].maxQueue, b.links[i].maxQueue);
    EXPECT_EQ(a.links[i].meanQueueBytes, b.links[i].meanQueueBytes);
    EXPECT_EQ(a.links[i].drops, b.links[i].drops);
    EXPECT_EQ(a.links[i].ecnMarks, b.links[i].ecnMarks);
    EXPECT_EQ(a.links[i].pfcPaused, b.links[i].pfcPaused);
  }

  // A different seed takes different draws (sanity check that the seed is used).
  s.seed = 8;
  const RunResult c = runOnce();
  ASSERT_TRUE(c.completed) << c.diagnosis;
  EXPECT_NE(a.end, c.end);
}

}  // namespace
}  // namespace ofe::core
