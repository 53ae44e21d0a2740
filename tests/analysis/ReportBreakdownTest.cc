// Latency breakdown: fixed components derived on paper match the packet
// engine on idle paths (queueing 0), the critical-path walk follows the
// binding dependency, and a collective's components add up to its time.

#include <gtest/gtest.h>

#include "ReportTestSupport.h"
#include "analysis/CollectiveResult.h"
#include "analysis/CriticalPath.h"
#include "analysis/LatencyBreakdown.h"
#include "core/PacketEngine.h"
#include "scenario/ScenarioLoader.h"
#include "traffic/Workload.h"

namespace ofe::analysis {
namespace {

// A 10,000-byte transfer is 3 frames: 4096 + 4096 + 1808 B of payload. On
// the wire (+ 62 B header + 20 B preamble/gap): 4178, 4178 and 1890 B.
constexpr std::int64_t kBytes = 10'000;
constexpr std::int64_t kFull100 = 4178 * 80;  // 334,240 ps at 100 Gbps
constexpr std::int64_t kLast100 = 1890 * 80;  // 151,200 ps
constexpr std::int64_t kFull400 = 4178 * 20;  // 83,560 ps at 400 Gbps
constexpr std::int64_t kLast400 = 1890 * 20;  // 37,800 ps
// Every link is 100 m of r-fibre: 500,000 ps.
constexpr std::int64_t kFibre = 500'000;

core::RunResult runOne(const test::Chain& chain, const topology::Routing& routing,
                       std::int64_t bytes, int copies = 1) {
  core::PacketEngine engine(chain.fabric, routing, models::EngineSettings{});
  traffic::Plan plan;
  for (int i = 0; i < copies; ++i) {
    traffic::Transfer t;
    t.src = chain.src;
    t.dst = chain.dst;
    t.size = Bytes(bytes);
    plan.add(t);
  }
  return engine.run(plan);
}

TEST(ReportBreakdown, StoreAndForwardIdlePathHasNoQueueing) {
  const test::Chain chain = test::makeChain(2, "r-sw-saf", {"r-100G", "r-100G", "r-100G"});
  const auto routing = topology::Routing::compute(chain.fabric);
  const TransferPath path = routedPath(chain.fabric, routing, chain.src, chain.dst);
  ASSERT_EQ(path.links, chain.links);
  const LatencyBreakdown b =
      idleBreakdown(chain.fabric, models::EngineSettings{}, path, Bytes(kBytes));
  // Three store-and-forward segments of equal rate: all three frames at
  // 100 Gbps plus one full frame on each of the two other hops:
  //   (2 x 334,240 + 151,200) + 2 x 334,240 = 4 x 334,240 + 151,200 = 1,488,160 ps.
  EXPECT_EQ(b.serialisation.ps(), 4 * kFull100 + kLast100);
  EXPECT_EQ(b.serialisation.ps(), 1'488'160);
  EXPECT_EQ(b.propagation.ps(), 3 * kFibre);
  EXPECT_EQ(b.module.ps(), 3 * 2 * 100'000);  // two 100 ns modules per link
  EXPECT_EQ(b.switching.ps(), 2 * 300'000);
  EXPECT_EQ(b.nic.ps(), 2 * 250'000);
  EXPECT_EQ(b.total().ps(), 4'688'160);

  const core::RunResult run = runOne(chain, routing, kBytes);
  ASSERT_TRUE(run.completed) << run.diagnosis;
  EXPECT_EQ((run.transfers[0].finish - run.transfers[0].start).ps(), 4'688'160);
}

TEST(ReportBreakdown, CutThroughIdlePathHasNoQueueing) {
  const test::Chain chain = test::makeChain(2, "r-sw-ct", {"r-100G", "r-100G", "r-100G"});
  const auto routing = topology::Routing::compute(chain.fabric);
  const TransferPath path = routedPath(chain.fabric, routing, chain.src, chain.dst);
  const LatencyBreakdown b =
      idleBreakdown(chain.fabric, models::EngineSettings{}, path, Bytes(kBytes));
  // Cut-through switches keep one segment: only the frames at 100 Gbps,
  // 2 x 334,240 + 151,200 = 819,680 ps; 3,200,000 ps of fixed latency as above.
  EXPECT_EQ(b.serialisation.ps(), 2 * kFull100 + kLast100);
  EXPECT_EQ(b.total().ps(), 819'680 + 3 * kFibre + 600'000 + 600'000 + 500'000);
  const core::RunResult run = runOne(chain, routing, kBytes);
  ASSERT_TRUE(run.completed) << run.diagnosis;
  EXPECT_EQ((run.transfers[0].finish - run.transfers[0].start).ps(), b.total().ps());
}

TEST(ReportBreakdown, CutThroughMixedRatesClockAtTheBottleneck) {
  // 400G - 100G - 400G through cut-through switches: one segment whose frame
  // time is the 100 Gbps one, so serialisation is again 819,680 ps. Modules:
  // 2 x 50 + 2 x 100 + 2 x 50 ns = 400,000 ps.
  const test::Chain chain = test::makeChain(2, "r-sw-ct", {"r-400G", "r-100G", "r-400G"});
  const auto routing = topology::Routing::compute(chain.fabric);
  const TransferPath path = routedPath(chain.fabric, routing, chain.src, chain.dst);
  const LatencyBreakdown b =
      idleBreakdown(chain.fabric, models::EngineSettings{}, path, Bytes(kBytes));
  EXPECT_EQ(b.serialisation.ps(), 819'680);
  EXPECT_EQ(b.module.ps(), 400'000);
  EXPECT_EQ(b.total().ps(), 819'680 + 1'500'000 + 400'000 + 600'000 + 500'000);
  const core::RunResult run = runOne(chain, routing, kBytes);
  ASSERT_TRUE(run.completed) << run.diagnosis;
  EXPECT_EQ((run.transfers[0].finish - run.transfers[0].start).ps(), b.total().ps());
}

TEST(ReportBreakdown, StoreAndForwardMixedRatesFollowTheLongestGridPath) {
  // Segments 400G, 100G, 400G (store-and-forward). Full frames a = 83,560,
  // 334,240, 83,560; last frame b = 37,800, 151,200, 37,800; n = 3:
  //   c = 0: 83,560 + 1 x 83,560 + (37,800 + 151,200 + 37,800)        =   393,920
  //   c = 1: (83,560 + 334,240) + 1 x 334,240 + (151,200 + 37,800)    =   941,040
  //   c = 2: (83,560 + 334,240 + 83,560) + 1 x 334,240 + 37,800       =   873,400
  // The longest is 941,040 ps.
  const test::Chain chain = test::makeChain(2, "r-sw-saf", {"r-400G", "r-100G", "r-400G"});
  const auto routing = topology::Routing::compute(chain.fabric);
  const TransferPath path = routedPath(chain.fabric, routing, chain.src, chain.dst);
  const LatencyBreakdown b =
      idleBreakdown(chain.fabric, models::EngineSettings{}, path, Bytes(kBytes));
  EXPECT_EQ(b.serialisation.ps(), kFull400 + kFull100 + kFull100 + kLast100 + kLast400);
  EXPECT_EQ(b.serialisation.ps(), 941'040);
  const core::RunResult run = runOne(chain, routing, kBytes);
  ASSERT_TRUE(run.completed) << run.diagnosis;
  EXPECT_EQ((run.transfers[0].finish - run.transfers[0].start).ps(), b.total().ps());
}

TEST(ReportBreakdown, ASharedPathShowsAsQueueing) {
  // Two equal transfers start together on the store-and-forward chain: six
  // frames (4 full, 2 last) through three equal-rate hops in whatever order
  // the NIC interleaves them. The tandem's longest path takes every frame
  // at one hop plus a full frame at each other hop: 4a + 2b + 2a. Alone it
  // is 4a + b, so the later transfer's queueing is 2a + b = 819,680 ps:
  // the other transfer's whole serialisation.
  const test::Chain chain = test::makeChain(2, "r-sw-saf", {"r-100G", "r-100G", "r-100G"});
  const auto routing = topology::Routing::compute(chain.fabric);
  const core::RunResult run = runOne(chain, routing, kBytes, 2);
  ASSERT_TRUE(run.completed) << run.diagnosis;
  const Duration later = std::max(run.transfers[0].finish, run.transfers[1].finish);
  const TransferPath path = routedPath(chain.fabric, routing, chain.src, chain.dst);
  const LatencyBreakdown idle =
      idleBreakdown(chain.fabric, models::EngineSettings{}, path, Bytes(kBytes));
  EXPECT_EQ((later - idle.total()).ps(), 2 * kFull100 + kLast100);
}

/// Four transfers of one collective with chosen times (no engine):
///   t0 gpu0->gpu1   0..10 us
///   t1 gpu1->gpu0   after t0, 10..25 us
///   t2 gpu0->gpu1   no dependency, 0..20 us
///   t3 gpu0->gpu1   after t1 and t2, 26..40 us (1 us late)
/// The walk from t3 (last to finish) goes to t1 (finished at 25 > 20), then
/// t0, which has no dependency: path t0, t1, t3.
TEST(ReportBreakdown, CriticalPathFollowsTheLastFinishingDependency) {
  test::Chain chain = test::makeChain(1, "r-sw-saf", {"r-100G", "r-100G"});
  const auto routing = topology::Routing::compute(chain.fabric);
  traffic::WorkloadPlan w;
  const auto add = [&](topology::NodeId s, topology::NodeId d,
                       std::vector<traffic::TransferId> after) {
    traffic::Transfer t;
    t.src = s;
    t.dst = d;
    t.size = Bytes(kBytes);
    t.after = std::move(after);
    t.collective = 0;
    return w.plan.add(t);
  };
  add(chain.src, chain.dst, {});
  add(chain.dst, chain.src, {0});
  add(chain.src, chain.dst, {});
  add(chain.src, chain.dst, {1, 2});
  traffic::CollectiveInstance c;
  c.index = 0;
  c.job = 0;
  c.ranks = 2;
  c.first = 0;
  c.last = 3;
  c.nodes = {chain.src, chain.dst};
  w.collectives.push_back(c);
  core::RunResult run;
  const auto us = [](std::int64_t v) { return Duration::microseconds(v); };
  const std::vector<std::pair<Duration, Duration>> times = {
      {us(0), us(10)}, {us(10), us(25)}, {us(0), us(20)}, {us(26), us(40)}};
  for (std::size_t i = 0; i < times.size(); ++i) {
    core::TransferResult r;
    r.id = static_cast<traffic::TransferId>(i);
    r.start = times[i].first;
    r.finish = times[i].second;
    r.completed = true;
    run.transfers.push_back(r);
  }
  run.completed = true;
  run.end = us(40);

  const std::vector<CriticalPath> paths =
      criticalPaths(chain.fabric, routing, models::EngineSettings{}, w, run);
  ASSERT_EQ(paths.size(), 1u);
  const CriticalPath& cp = paths[0];
  ASSERT_TRUE(cp.complete);
  ASSERT_EQ(cp.steps.size(), 3u);
  EXPECT_EQ(cp.steps[0].transfer, 0u);
  EXPECT_EQ(cp.steps[1].transfer, 1u);
  EXPECT_EQ(cp.steps[2].transfer, 3u);
  // The gap t1 -> t3 (25 -> 26 us) is wait; the steps' durations are 10, 15 and 14 us.
  EXPECT_EQ(cp.steps[2].breakdown.wait, us(1));
  EXPECT_EQ(cp.total.wait, us(1));
  EXPECT_EQ(cp.steps[1].breakdown.total(), us(15));
  EXPECT_EQ(cp.total.total(), us(40));
  // Fixed part of each step over one store-and-forward switch (2 hops):
  // serialisation 2 x 334,240 + 151,200 + 334,240 = 1,153,920; fibre 1,000,000;
  // modules 400,000; switch 300,000; NICs 500,000: 3,353,920 ps.
  EXPECT_EQ((cp.steps[0].breakdown.total() - cp.steps[0].breakdown.queueing).ps(), 3'353'920);
  EXPECT_EQ(cp.steps[0].breakdown.queueing.ps(), 10'000'000 - 3'353'920);
  // Links: gpu0 -> sw0 -> gpu1, then back the same two links.
  EXPECT_EQ(cp.links, (std::vector<topology::LinkId>{chain.links[0], chain.links[1]}));
}

TEST(ReportBreakdown, CollectiveComponentsAddUpToItsTime) {
  const scenario::Scenario s = scenario::ScenarioLoader::loadFile(
      std::string(OFE_SOURCE_DIR) + "/scenarios/leaf-spine-1to1.yaml");
  const auto routing = topology::Routing::compute(s.fabric);
  const traffic::WorkloadPlan w = traffic::buildWorkload(s.fabric, s.jobs);
  core::PacketEngine engine(s.fabric, routing, s.settings);
  const core::RunResult run = engine.run(w.plan);
  ASSERT_TRUE(run.completed) << run.diagnosis;
  const std::vector<CollectiveResult> results =
      collectiveResults(s.fabric, routing, s.settings.transport, s.jobs, w, run);
  const std::vector<CriticalPath> paths = criticalPaths(s.fabric, routing, s.settings, w, run);
  ASSERT_EQ(paths.size(), results.size());
  ASSERT_FALSE(paths.empty());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    SCOPED_TRACE(i);
    ASSERT_TRUE(paths[i].complete);
    ASSERT_FALSE(paths[i].steps.empty());
    EXPECT_EQ(paths[i].total.total(), results[i].time);  // to the picosecond
    EXPECT_GE(paths[i].total.wait.ps(), 0);
    // Each rank's 31 transfers share its NIC port, so a step waits for the
    // others' frames: queueing is most of an all-to-all's time here.
    EXPECT_GT(paths[i].total.queueing, paths[i].total.serialisation);
  }
}

}  // namespace
}  // namespace ofe::analysis
