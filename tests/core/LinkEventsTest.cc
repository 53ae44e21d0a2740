// Links that go down or come up during a run: frames sent into a down link are
// lost, routing follows reroute_delay after the change, transports recover.
#include <gtest/gtest.h>

#include "CoreTestSupport.h"
#include "core/PacketEngine.h"

namespace ofe::core {
namespace {

using namespace test;  // NOLINT: test helpers only

/// gpu0 - a - {b1, b2} - c - gpu1: two equal paths between a and c.
struct Diamond {
  topology::Fabric fabric{testCatalog()};
  topology::NodeId src, dst;
  topology::LinkId viaB1, viaB2;  ///< a-b1 and a-b2
};

Diamond makeDiamond() {
  Diamond d;
  d.src = addGpu(d.fabric, "gpu0");
  const auto a = addSwitch(d.fabric, "a");
  const auto b1 = addSwitch(d.fabric, "b1");
  const auto b2 = addSwitch(d.fabric, "b2");
  const auto c = addSwitch(d.fabric, "c");
  d.dst = addGpu(d.fabric, "gpu1");
  addLink(d.fabric, d.src, a, "t-400G");
  d.viaB1 = addLink(d.fabric, a, b1);
  d.viaB2 = addLink(d.fabric, a, b2);
  addLink(d.fabric, b1, c);
  addLink(d.fabric, b2, c);
  addLink(d.fabric, c, d.dst, "t-400G");
  return d;
}

models::EngineSettings spraying(Duration rerouteDelay) {
  models::EngineSettings s;
  s.queues.ecmp = models::EcmpMode::PacketSpray;
  s.rerouteDelay = rerouteDelay;
  return s;
}

std::uint64_t packetsOn(const RunResult& r, topology::LinkId l) { return r.links[2 * l].packets + r.links[2 * l + 1].packets; }
std::uint64_t lostOn(const RunResult& r, topology::LinkId l) { return r.links[2 * l].lost + r.links[2 * l + 1].lost; }

TEST(LinkEvents, FramesSprayedIntoADownLinkAreLostUntilTheReroute) {
  Diamond d = makeDiamond();
  const topology::Routing routing = topology::Routing::compute(d.fabric);
  traffic::Plan plan;
  plan.add(transfer(d.src, d.dst, 8 << 20));  // ~700 us at 2 x 100G
  PacketEngineOptions options;
  options.linkEvents = {topology::LinkEvent{Duration::microseconds(100), d.viaB1, false}};
  PacketEngine engine(d.fabric, routing, spraying(Duration::microseconds(20)), options);
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;
  ASSERT_EQ(r.linkEvents.size(), 1u);
  EXPECT_EQ(r.linkEvents[0].at, Duration::microseconds(100));
  ASSERT_EQ(r.reroutes.size(), 1u);
  EXPECT_EQ(r.reroutes[0], Duration::microseconds(120));
  // For 20 us a spraying switch still sends half its frames to b1: 100 Gb/s of
  // 4 KiB frames is ~3 per us, so some tens are lost; after the reroute none.
  EXPECT_GT(lostOn(r, d.viaB1), 10u);
  EXPECT_LT(lostOn(r, d.viaB1), 100u);
  EXPECT_EQ(lostOn(r, d.viaB2), 0u);
  std::uint64_t retransmissions = 0;
  for (const TransferResult& t : r.transfers) retransmissions += t.retransmissions;
  EXPECT_GE(retransmissions, lostOn(r, d.viaB1) / 2);  // data frames lost (the rest were ACKs) are resent

  // The same change with no reroute delay loses at most what was queued for b1.
  PacketEngine prompt(d.fabric, routing, spraying(Duration()), options);
  const RunResult p = prompt.run(plan);
  ASSERT_TRUE(p.completed) << p.diagnosis;
  EXPECT_LT(lostOn(p, d.viaB1), lostOn(r, d.viaB1));
  EXPECT_LT(p.end, r.end);
}

TEST(LinkEvents, ALinkThatComesUpJoinsTheRouting) {
  Diamond d = makeDiamond();
  d.fabric.setLinkUp(d.viaB2, false);  // a circuit that does not exist yet
  const topology::Routing routing = topology::Routing::compute(d.fabric);
  traffic::Plan plan;
  plan.add(transfer(d.src, d.dst, 8 << 20));
  PacketEngine alone(d.fabric, routing, spraying(Duration()));
  const RunResult one = alone.run(plan);
  ASSERT_TRUE(one.completed);
  EXPECT_EQ(packetsOn(one, d.viaB2), 0u);

  PacketEngineOptions options;
  options.linkEvents = {topology::LinkEvent{Duration::microseconds(100), d.viaB2, true}};
  PacketEngine engine(d.fabric, routing, spraying(Duration()), options);
  const RunResult both = engine.run(plan);
  ASSERT_TRUE(both.completed) << both.diagnosis;
  EXPECT_GT(packetsOn(both, d.viaB2), 0u);
  EXPECT_EQ(lostOn(both, d.viaB2), 0u);
  // Faster, though not twice: the flow's window was sized at its start for the
  // bandwidth-delay product of the one 100G path it had (transport.window_bdp_multiple).
  EXPECT_LT(both.end.seconds(), one.end.seconds() * 0.9);
}

TEST(LinkEvents, EventsAfterTheWorkloadEndsAreNotApplied) {
  Diamond d = makeDiamond();
  const topology::Routing routing = topology::Routing::compute(d.fabric);
  traffic::Plan plan;
  plan.add(transfer(d.src, d.dst, 1 << 20));
  PacketEngineOptions options;
  options.linkEvents = {topology::LinkEvent{Duration::milliseconds(50), d.viaB1, false}};
  PacketEngine engine(d.fabric, routing, spraying(Duration()), options);
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed);
  EXPECT_TRUE(r.linkEvents.empty());
  EXPECT_LT(r.end, Duration::milliseconds(1));

  options.linkEvents = {topology::LinkEvent{Duration(), 999, false}};
  EXPECT_THROW(PacketEngine(d.fabric, routing, spraying(Duration()), options), std::invalid_argument);
}

}  // namespace
}  // namespace ofe::core
