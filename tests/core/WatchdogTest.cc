// Runs that cannot finish end in the watchdog's report, within the stall
// timeout, naming the stuck transfer and the culprit link or switch.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/PacketEngine.h"
#include "tests/core/CoreTestSupport.h"

namespace ofe::core {
namespace {

using test::addGpu;
using test::addLink;
using test::addSwitch;
using ::testing::HasSubstr;

TEST(Watchdog, FailedLinkUnderStaleRoutingIsReported) {
  auto chain = test::makeChain(2);  // gpu0 - sw0 - sw1 - gpu1
  const auto routing = topology::Routing::compute(chain.fabric);
  chain.fabric.setLinkUp(chain.links[1], false);  // sw0 - sw1 fails; routing is not recomputed
  models::EngineSettings s;
  // Above three retransmission timeouts: the timer's floor covers two
  // lossless 16 MiB switch queues at 100 Gb/s, 2 x 1.342 ms, + 100 us + 2 RTT.
  s.stallTimeout = Duration::milliseconds(20);
  PacketEngine engine(chain.fabric, routing, s);
  traffic::Plan plan;
  plan.add(test::transfer(chain.src, chain.dst, 1 << 20));
  const RunResult r = engine.run(plan);
  EXPECT_FALSE(r.completed);
  EXPECT_FALSE(r.transfers[0].completed);
  // The transfer starts at 0 (its start is the last progress) and nothing is
  // ever delivered, so the watchdog fires exactly one stall timeout later.
  EXPECT_EQ(r.end, Duration::milliseconds(20));
  EXPECT_THAT(r.diagnosis, HasSubstr("stalled"));
  EXPECT_THAT(r.diagnosis, HasSubstr("transfer 0 gpu0 -> gpu1: 1048576 of 1048576 B left"));
  EXPECT_THAT(r.diagnosis, HasSubstr("link 1 sw0 -> sw1: link down"));
  EXPECT_GT(r.links[2 * chain.links[1]].lost, 0u);
  EXPECT_GT(r.transfers[0].timeouts, 0u);
}

TEST(Watchdog, MissingPathIsReported) {
  topology::Fabric f(test::testCatalog());
  const auto g0 = addGpu(f, "gpu0");
  const auto g1 = addGpu(f, "gpu1");
  const auto s0 = addSwitch(f, "sw0");
  const auto s1 = addSwitch(f, "sw1");
  addLink(f, g0, s0);
  addLink(f, g1, s1);  // no link between the switches
  const auto routing = topology::Routing::compute(f);
  models::EngineSettings s;
  s.stallTimeout = Duration::milliseconds(1);
  PacketEngine engine(f, routing, s);
  traffic::Plan plan;
  plan.add(test::transfer(g0, g1, 4096, {}, Duration::microseconds(5)));
  const RunResult r = engine.run(plan);
  EXPECT_FALSE(r.completed);
  EXPECT_EQ(r.end, Duration::microseconds(5) + Duration::milliseconds(1));
  EXPECT_THAT(r.diagnosis, HasSubstr("transfer 0 gpu0 -> gpu1: 4096 of 4096 B left, no route"));
}

TEST(Watchdog, TimeLimitStopsARunningPlan) {
  auto chain = test::makeChain(1);
  const auto routing = topology::Routing::compute(chain.fabric);
  models::EngineSettings s;
  s.timeLimit = Duration::microseconds(100);
  PacketEngine engine(chain.fabric, routing, s);
  traffic::Plan plan;
  plan.add(test::transfer(chain.src, chain.dst, 64 << 20));  // needs ~5.5 ms at 100G
  const RunResult r = engine.run(plan);
  EXPECT_FALSE(r.completed);
  EXPECT_EQ(r.end, Duration::microseconds(100));
  EXPECT_THAT(r.diagnosis, HasSubstr("time limit"));
  EXPECT_THAT(r.diagnosis, HasSubstr("transfer 0 gpu0 -> gpu1"));
}

// A ring of five switches, each with a GPU sending to the GPU two switches
// clockwise (the unique shortest path: 2 hops clockwise vs 3 the other way).
// At each switch the clockwise egress carries transit traffic from the
// previous switch and local traffic, so every clockwise link waits for the
// next one: a cyclic buffer dependency. Ring links at 100G carry two flows
// each from 400G NICs, ECN is off and windows are large, so ingress queues
// reach XOFF everywhere and PFC pauses close the cycle.
TEST(Watchdog, PfcDeadlockInARingIsReported) {
  topology::Fabric f(test::testCatalog());
  constexpr int kN = 5;
  std::vector<topology::NodeId> sw, gpu;
  for (int i = 0; i < kN; ++i) {
    sw.push_back(addSwitch(f, "sw" + std::to_string(i)));
    gpu.push_back(addGpu(f, "gpu" + std::to_string(i)));
    addLink(f, gpu[i], sw[i], "t-400G");
  }
  for (int i = 0; i < kN; ++i) addLink(f, sw[i], sw[(i + 1) % kN], "t-100G");
  const auto routing = topology::Routing::compute(f);
  models::EngineSettings s;
  s.stallTimeout = Duration::milliseconds(1);
  s.queues.ecn = false;
  s.queues.pfcThreshold = Bytes(64 * 1024);
  s.transport.window = Bytes(4 << 20);
  PacketEngine engine(f, routing, s);
  traffic::Plan plan;
  for (int i = 0; i < kN; ++i) plan.add(test::transfer(gpu[i], gpu[(i + 2) % kN], 64 << 20));
  const RunResult r = engine.run(plan);
  ASSERT_FALSE(r.completed) << "expected a PFC deadlock";
  EXPECT_THAT(r.diagnosis, HasSubstr("stalled"));
  EXPECT_THAT(r.diagnosis, HasSubstr("paused by PFC"));
  EXPECT_THAT(r.diagnosis, HasSubstr("transfer 0 gpu0 -> gpu2"));
  EXPECT_THAT(r.diagnosis, HasSubstr("sw0 -> sw1"));
  std::uint64_t drops = 0;
  for (const auto& l : r.links) drops += l.drops;
  EXPECT_EQ(drops, 0u);
}

}  // namespace
}  // namespace ofe::core
