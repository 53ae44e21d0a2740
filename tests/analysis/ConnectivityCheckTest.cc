#include <gtest/gtest.h>

#include "AnalysisTestSupport.h"
#include "analysis/ConnectivityCheck.h"

namespace ofe::analysis {
namespace {

using namespace test;  // NOLINT: test helpers only
using topology::Fabric;

// leaf0 (gpu0..gpu2) and leaf1 (gpu3) under one spine; node ids in this order:
// leaf0 0, leaf1 1, spine 2, gpu0..3 = 3..6. Returns the leaf1 - spine link.
topology::LinkId twoLeaves(Fabric& f) {
  const auto leaf0 = addSwitch(f, "dc/leaf0", 0);
  const auto leaf1 = addSwitch(f, "dc/leaf1", 0);
  const auto spine = addSwitch(f, "dc/spine0", 1);
  for (int g = 0; g < 4; ++g)
    hostLink(f, addGpu(f, "dc/gpu" + std::to_string(g)), g < 3 ? leaf0 : leaf1);
  fabricLink(f, leaf0, spine);
  return fabricLink(f, leaf1, spine);
}

TEST(ConnectivityCheck, ConnectedFabricPasses) {
  Fabric f;
  twoLeaves(f);
  const CheckResult r = checkConnectivity(f);
  EXPECT_EQ(r.status, CheckStatus::Pass);
  EXPECT_EQ(r.metric("unreachable_pairs")->value, 0.0);
  EXPECT_EQ(r.metric("parts")->value, 1.0);
  // 4 GPUs: 4 x 3 / 2 = 6 unordered pairs.
  EXPECT_EQ(r.summary, "4 GPUs in one part, all 6 pairs reachable");
  EXPECT_TRUE(r.offenders.empty());
}

TEST(ConnectivityCheck, GpuWithoutLinkFailsAndIsNamed) {
  Fabric f;
  twoLeaves(f);
  addGpu(f, "dc/gpu-lonely");
  const CheckResult r = checkConnectivity(f);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  // The lonely GPU misses each of the 4 others: 4 pairs; parts: the fabric + itself.
  EXPECT_EQ(r.metric("unreachable_pairs")->value, 4.0);
  EXPECT_EQ(r.metric("parts")->value, 2.0);
  EXPECT_EQ(r.metric("isolated_gpus")->value, 1.0);
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_EQ(r.offenders[0], "dc/gpu-lonely: isolated, no up link to a switch");
}

TEST(ConnectivityCheck, FailedUplinkCutsOffALeaf) {
  Fabric f;
  const auto cut = twoLeaves(f);
  f.setLinkUp(cut, false);
  const CheckResult r = checkConnectivity(f);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  // gpu3 (leaf1) against gpu0..2 (leaf0): 3 x 1 = 3 pairs.
  EXPECT_EQ(r.metric("unreachable_pairs")->value, 3.0);
  EXPECT_EQ(r.summary, "4 GPUs in 2 parts, 3 of 6 pairs unreachable");
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_EQ(r.offenders[0], "dc/gpu3: 1 GPU and 1 switch cut off from the largest part");
}

TEST(ConnectivityCheck, GpusDoNotForward) {
  // sw0 - gpuX - sw1: one connected component, but gpuA (on sw0) and gpuB
  // (on sw1) could only meet through gpuX, which does not forward: 1 pair of 3.
  Fabric f;
  const auto sw0 = addSwitch(f, "dc/sw0", 0);
  const auto sw1 = addSwitch(f, "dc/sw1", 0);
  const auto a = addGpu(f, "dc/gpuA");
  const auto b = addGpu(f, "dc/gpuB");
  const auto x = addGpu(f, "dc/gpuX");
  hostLink(f, a, sw0);
  hostLink(f, b, sw1);
  hostLink(f, x, sw0);
  hostLink(f, x, sw1);
  const CheckResult r = checkConnectivity(f);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  EXPECT_EQ(r.metric("parts")->value, 1.0);
  EXPECT_EQ(r.metric("unreachable_pairs")->value, 1.0);
  ASSERT_EQ(r.offenders.size(), 1u);
  // sw0 and sw1 each serve 2 GPUs; the tie goes to sw0's component (found first), so gpuB is the
  // one cut off.
  EXPECT_TRUE(contains(r.offenders[0], "dc/gpuB: reaches some GPUs only through another GPU"))
      << r.offenders[0];
}

TEST(ConnectivityCheck, DirectGpuLinkConnectsOnlyItsEnds) {
  // gpu0 - gpu1 directly, no switch: the one pair is reachable.
  Fabric f;
  const auto g0 = addGpu(f, "dc/gpu0");
  const auto g1 = addGpu(f, "dc/gpu1");
  hostLink(f, g0, g1);
  EXPECT_EQ(checkConnectivity(f).status, CheckStatus::Pass);
  // A third GPU linked to gpu1 only cannot reach gpu0 through gpu1: 1 of 3 pairs.
  const auto g2 = addGpu(f, "dc/gpu2");
  hostLink(f, g2, g1);
  const CheckResult r = checkConnectivity(f);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  EXPECT_EQ(r.metric("unreachable_pairs")->value, 1.0);
}

TEST(ConnectivityCheck, OffendersAreCappedAndCounted) {
  Fabric f;
  twoLeaves(f);
  for (int i = 0; i < 13; ++i) addGpu(f, "dc/stray" + std::to_string(i));
  const CheckResult r = checkConnectivity(f);
  // 13 isolated GPUs, each its own part: 10 listed, 3 counted.
  EXPECT_EQ(r.offenders.size(), CheckResult::kMaxOffenders);
  EXPECT_EQ(r.moreOffenders, 3u);
  EXPECT_EQ(r.offenderCount(), 13u);
}

}  // namespace
}  // namespace ofe::analysis
