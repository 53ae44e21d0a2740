// Flow completion times: the ideal FCT on paper, equal to the engine's time
// for a flow alone; percentiles; flows.csv.
#include <gtest/gtest.h>

#include "analysis/FlowResults.h"
#include "analysis/ReportCsv.h"
#include "core/PacketEngine.h"
#include "tests/analysis/ReportTestSupport.h"

namespace ofe::analysis {
namespace {

// gpu0 -100G- sw0 -100G- gpu1, 100 m links: 500,000 ps fibre + 2 x 100 ns
// modules = 700,000 ps each. 10,000 B in 3 frames (4096, 4096, 1808 B of
// payload) is 10,000 + 3 x 82 = 10,246 B on the wire; the first frame,
// 4178 B, takes 334,240 ps at 100 Gb/s, the other 6068 B 485,440 ps.
//   store-and-forward: 2 x 250,000 (NICs) + 2 x 700,000 (links) + 300,000
//     (switch) + 2 x 334,240 (first frame, twice) + 485,440 = 3,353,920 ps;
//   cut-through: one serialisation of the first frame less = 3,019,680 ps.
TEST(FlowResults, IdealFctOnPaperIsTheEnginesTimeAlone) {
  const test::Chain saf = test::makeChain(1, "r-sw-saf", {"r-100G", "r-100G"});
  const topology::Routing routing = topology::Routing::compute(saf.fabric);
  const models::EngineSettings settings;
  EXPECT_EQ(idealFct(saf.fabric, routing, settings, saf.src, saf.dst, Bytes(10'000)),
            Duration::picoseconds(3'353'920));
  const test::Chain ct = test::makeChain(1, "r-sw-ct", {"r-100G", "r-100G"});
  EXPECT_EQ(idealFct(ct.fabric, topology::Routing::compute(ct.fabric), settings, ct.src, ct.dst, Bytes(10'000)),
            Duration::picoseconds(3'019'680));

  traffic::WorkloadPlan w;
  traffic::Transfer t;
  t.src = saf.src;
  t.dst = saf.dst;
  t.size = Bytes(10'000);
  t.notBefore = Duration::microseconds(1);
  w.flows.push_back(traffic::FlowInstance{0, w.plan.add(t)});
  core::PacketEngine engine(saf.fabric, routing, settings);
  const core::RunResult run = engine.run(w.plan);
  ASSERT_TRUE(run.completed) << run.diagnosis;
  traffic::JobSpec job;
  job.name = "pair";
  const std::vector<FlowResult> flows = flowResults(saf.fabric, routing, settings, {job}, w, run);
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].job, "pair");
  EXPECT_EQ(flows[0].fct, Duration::picoseconds(3'353'920));
  EXPECT_DOUBLE_EQ(flows[0].slowdown, 1.0);

  RunReport report;
  report.flows = flows;
  EXPECT_EQ(flowsCsv(report, saf.fabric),
            "job,src,dst,bytes,completed,start_s,finish_s,fct_s,ideal_fct_s,fct_ps,ideal_fct_ps,slowdown,"
            "retransmissions\n"
            "pair,gpu0,gpu1,10000,true,1e-06,4.35392e-06,3.35392e-06,3.35392e-06,3353920,3353920,1,0\n");
}

TEST(FlowResults, PercentilesAreNearestRank) {
  // Slowdowns 1..100: p50 is the 50th smallest, p99 the 99th.
  std::vector<FlowResult> flows(101);
  for (int i = 0; i < 100; ++i) {
    flows[i].completed = true;
    flows[i].slowdown = i + 1;
    flows[i].fct = Duration::microseconds(i + 1);
  }
  flows[100].completed = false;  // not counted
  const FlowSummary s = summarizeFlows(flows);
  EXPECT_EQ(s.count, 101u);
  EXPECT_EQ(s.completed, 100u);
  EXPECT_DOUBLE_EQ(s.slowdownP50, 50.0);
  EXPECT_DOUBLE_EQ(s.slowdownP99, 99.0);
  EXPECT_DOUBLE_EQ(s.slowdownMax, 100.0);
  EXPECT_EQ(s.fctP99, Duration::microseconds(99));
}

}  // namespace
}  // namespace ofe::analysis
