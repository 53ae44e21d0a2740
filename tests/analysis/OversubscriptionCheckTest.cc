#include <gtest/gtest.h>

#include "AnalysisTestSupport.h"
#include "analysis/OversubscriptionCheck.h"
#include "topology/ClosBuilder.h"
#include "topology/FatTreeBuilder.h"

namespace ofe::analysis {
namespace {

using topology::Fabric;

// 4 leaves x 8 GPUs at 400G, 2 spines, 2:1: each leaf has 8 x 400G down and
// 8 x 400 / (2 x 400) = 4 uplinks of 400G, i.e. 3.2 Tbps : 1.6 Tbps = 2:1.
Fabric clos2to1() {
  Fabric f;
  topology::ClosParams p;
  p.leavesPerPod = 4;
  p.spinesPerPod = 2;
  p.gpusPerLeaf = 8;
  p.oversubscription = 2.0;
  topology::buildClos(f, p);
  return f;
}

TEST(OversubscriptionCheck, LeafSpineTwoToOneWarnsByDefault) {
  const Fabric f = clos2to1();
  const auto tiers = oversubscriptionByTier(f);
  // Spines have no uplinks, so only tier 0 is measured.
  ASSERT_EQ(tiers.size(), 1u);
  EXPECT_EQ(tiers[0].tier, 0);
  EXPECT_EQ(tiers[0].switches.size(), 4u);
  EXPECT_DOUBLE_EQ(tiers[0].max, 2.0);
  EXPECT_DOUBLE_EQ(tiers[0].median, 2.0);
  EXPECT_EQ(tiers[0].switches[0].down, DataRate::gbps(3200));
  EXPECT_EQ(tiers[0].switches[0].up, DataRate::gbps(1600));
  const CheckResult r = checkOversubscription(f);
  EXPECT_EQ(r.status, CheckStatus::Warn);
  EXPECT_EQ(r.offenders.size(), 4u);
  EXPECT_EQ(r.metric("tier0_max")->value, 2.0);
  EXPECT_EQ(r.summary, "tier 0: max 2.00:1, median 2.00:1 (4 switches)");
}

TEST(OversubscriptionCheck, TargetDecidesFail) {
  const Fabric f = clos2to1();
  EXPECT_EQ(checkOversubscription(f, 2.0).status,
            CheckStatus::Warn);  // at the target: not above it
  const CheckResult r = checkOversubscription(f, 1.5);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  ASSERT_EQ(r.offenders.size(), 4u);
  EXPECT_EQ(r.offenders[0], "dc/pod0/leaf0: 2.00:1 (3.2 Tbps down / 1.6 Tbps up) > 1.50:1");
}

TEST(OversubscriptionCheck, FatTreeIsOneToOneAtEveryTier) {
  Fabric f;
  topology::FatTreeParams p;
  p.k = 4;
  topology::buildFatTree(f, p);
  const auto tiers = oversubscriptionByTier(f);
  // Edges (tier 0): 2 GPUs down, 2 aggs up; aggs (tier 1): 2 edges down, 2 cores up.
  ASSERT_EQ(tiers.size(), 2u);
  EXPECT_DOUBLE_EQ(tiers[0].max, 1.0);
  EXPECT_DOUBLE_EQ(tiers[1].max, 1.0);
  EXPECT_EQ(tiers[0].switches.size(), 8u);
  EXPECT_EQ(tiers[1].switches.size(), 8u);
  EXPECT_EQ(checkOversubscription(f).status, CheckStatus::Pass);
}

TEST(OversubscriptionCheck, MedianOfEvenCountIsMeanOfMiddlePair) {
  // Leaves with 1, 2, 3 and 4 GPUs over one uplink each: ratios 1, 2, 3, 4 -> median 2.5.
  Fabric f;
  const auto spine = test::addSwitch(f, "dc/spine", 1);
  int gpu = 0;
  for (int leaf = 0; leaf < 4; ++leaf) {
    const auto l = test::addSwitch(f, "dc/leaf" + std::to_string(leaf), 0);
    test::fabricLink(f, l, spine);
    for (int g = 0; g <= leaf; ++g)
      test::hostLink(f, test::addGpu(f, "dc/gpu" + std::to_string(gpu++)), l);
  }
  const auto tiers = oversubscriptionByTier(f);
  ASSERT_EQ(tiers.size(), 1u);
  EXPECT_DOUBLE_EQ(tiers[0].median, 2.5);
  EXPECT_DOUBLE_EQ(tiers[0].max, 4.0);
}

}  // namespace
}  // namespace ofe::analysis

namespace ofe::analysis {
namespace {

TEST(OversubscriptionCheck, BorderSwitchesFormTheInterconnectRow) {
  // Per site: 2 GPUs - leaf - spine = border (2 x 400G-DR4); borders joined by
  // one 400ZR+ wavelength (400G). Leaf: 800G down / 400G up = 2:1. Spine: its
  // only higher neighbour is the border, which does not count as its uplink, so
  // the spine is not measured. Border: 800G from the spine / 400G to the other
  // site = 2:1.
  Fabric f;
  std::vector<topology::NodeId> borders;
  for (const std::string site : {"A", "B"}) {
    const auto leaf = test::addSwitch(f, site + "/leaf0", 0, "51.2T-128x400G", site);
    const auto spine = test::addSwitch(f, site + "/spine0", 1, "51.2T-128x400G", site);
    const auto border = test::addSwitch(f, site + "/border0", 3, "51.2T-128x400G", site);
    for (int g = 0; g < 2; ++g)
      test::hostLink(f, test::addGpu(f, site + "/gpu" + std::to_string(g), -1, site), leaf);
    test::fabricLink(f, leaf, spine);
    test::fabricLink(f, spine, border, Length::metres(50), 2);
    borders.push_back(border);
  }
  topology::LinkSpec wan;
  wan.module = "400ZR+";
  wan.length = Length::kilometres(60);
  f.addLink(borders[0], borders[1], wan);
  const auto tiers = oversubscriptionByTier(f);
  ASSERT_EQ(tiers.size(), 2u);
  EXPECT_EQ(tiers[0].label, "tier 0");
  EXPECT_EQ(tiers[0].switches.size(), 2u);
  EXPECT_DOUBLE_EQ(tiers[0].max, 2.0);
  EXPECT_TRUE(tiers[1].border);
  EXPECT_EQ(tiers[1].label, "border");
  ASSERT_EQ(tiers[1].switches.size(), 2u);
  EXPECT_EQ(tiers[1].switches[0].down, DataRate::gbps(800));
  EXPECT_EQ(tiers[1].switches[0].up, DataRate::gbps(400));
  const CheckResult r = checkOversubscription(f);
  EXPECT_DOUBLE_EQ(r.metric("border_max")->value, 2.0);
  EXPECT_EQ(r.metric("tier1_max"), nullptr);
}

}  // namespace
}  // namespace ofe::analysis
