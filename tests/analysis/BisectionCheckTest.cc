#include <gtest/gtest.h>

#include "AnalysisTestSupport.h"
#include "analysis/BisectionCheck.h"
#include "topology/ClosBuilder.h"
#include "topology/FatTreeBuilder.h"

namespace ofe::analysis {
namespace {

using topology::Fabric;

TEST(BisectionCheck, FatTreeK4HasFullBisection) {
  Fabric f;
  topology::FatTreeParams p;
  p.k = 4;
  topology::buildFatTree(f, p);
  const DataRate linkRate = f.catalog().module(p.fabricModule).rate;  // 400 Gbps, 1 channel
  const auto cuts = computeBisections(f);
  // The site cut, then the 4 pods (the site has more than one pod).
  ASSERT_EQ(cuts.size(), 5u);
  // 16 GPUs: pods 0-1 against pods 2-3. Each pod reaches the cores over
  // 2 aggs x 2 core links, so pods 0-1 send over 8 links: 8 x 400G = 3.2 Tbps,
  // equal to the ideal 8 GPUs x 400G NIC.
  EXPECT_EQ(cuts[0].scope, "dc");
  EXPECT_EQ(cuts[0].gpus, 16u);
  EXPECT_EQ(cuts[0].maxFlow, linkRate * 8);
  EXPECT_EQ(cuts[0].ideal, f.catalog().gpu("h100-sxm").nicRate * 8);
  EXPECT_DOUBLE_EQ(cuts[0].ratio, 1.0);
  // A pod: edge0's 2 GPUs against edge1's, over edge0's 2 uplinks: 2 x 400G.
  EXPECT_EQ(cuts[1].scope, "dc/pod0");
  EXPECT_EQ(cuts[1].maxFlow, linkRate * 2);
  EXPECT_DOUBLE_EQ(cuts[1].ratio, 1.0);
  const CheckResult r = checkBisection(f);
  EXPECT_EQ(r.status, CheckStatus::Pass);
  EXPECT_EQ(r.metric("min_ratio")->value, 1.0);
}

TEST(BisectionCheck, LeafSpineTwoToOneHasHalfBisection) {
  Fabric f;
  topology::ClosParams p;
  p.leavesPerPod = 4;
  p.spinesPerPod = 2;
  p.gpusPerLeaf = 8;
  p.oversubscription = 2.0;
  topology::buildClos(f, p);
  const auto cuts = computeBisections(f);
  ASSERT_EQ(cuts.size(), 1u);  // one pod: the site cut only
  // Halves are leaves 0-1 and leaves 2-3 (16 GPUs each, ideal 16 x 400G = 6.4 Tbps).
  // Leaves 0-1 leave over 2 x 4 uplinks of 400G = 3.2 Tbps: ratio 0.5.
  EXPECT_EQ(cuts[0].ideal, DataRate::gbps(6400));
  EXPECT_EQ(cuts[0].maxFlow, DataRate::gbps(3200));
  EXPECT_DOUBLE_EQ(cuts[0].ratio, 0.5);
  const CheckResult r = checkBisection(f);
  EXPECT_EQ(r.status, CheckStatus::Warn);
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_EQ(r.offenders[0], "dc: 3.2 Tbps of 6.4 Tbps ideal over 32 GPUs (ratio 0.50)");
  EXPECT_EQ(checkBisection(f, 0.5).status, CheckStatus::Warn);
  EXPECT_EQ(checkBisection(f, 0.6).status, CheckStatus::Fail);
}

TEST(BisectionCheck, FlowDoesNotCrossAGpu) {
  // gpuA - sw0 - gpuX - sw1 - gpuB: the only route from A to B is through gpuX.
  Fabric f;
  const auto sw0 = test::addSwitch(f, "dc/sw0", 0);
  const auto sw1 = test::addSwitch(f, "dc/sw1", 0);
  const auto a = test::addGpu(f, "dc/gpuA");
  const auto b = test::addGpu(f, "dc/gpuB");
  const auto x = test::addGpu(f, "dc/gpuX");
  test::hostLink(f, a, sw0);
  test::hostLink(f, b, sw1);
  test::hostLink(f, x, sw0);
  test::hostLink(f, x, sw1);
  EXPECT_EQ(maxFlowBetween(f, {a}, {b}), DataRate());
  // Joined by a switch link, A can send its whole 400G NIC.
  test::fabricLink(f, sw0, sw1);
  EXPECT_EQ(maxFlowBetween(f, {a}, {b}), DataRate::gbps(400));
}

TEST(BisectionCheck, InjectionIsCappedByTheNic) {
  // Two 400G links but one 400G NIC (h100-sxm nics = 1): the GPU injects 400G.
  Fabric f;
  const auto g = test::addGpu(f, "dc/gpu0");
  test::hostLink(f, g, test::addSwitch(f, "dc/leaf0", 0));
  test::hostLink(f, g, test::addSwitch(f, "dc/leaf1", 0));
  const models::GpuModel& m = f.catalog().gpu("h100-sxm");
  EXPECT_EQ(injectionRate(f, g), m.nicRate * m.nics);
}

}  // namespace
}  // namespace ofe::analysis
