#include <gtest/gtest.h>

#include "AnalysisTestSupport.h"
#include "analysis/PowerCheck.h"
#include "topology/FatTreeBuilder.h"

namespace ofe::analysis {
namespace {

using namespace test;  // NOLINT: test helpers only
using topology::Fabric;
using topology::NodeKind;

TEST(PowerCheck, FatTreeK4TotalByHand) {
  Fabric f;
  topology::FatTreeParams p;
  p.k = 4;
  topology::buildFatTree(f, p);
  const models::Catalog& c = f.catalog();
  const models::GpuModel& gpu = c.gpu(p.gpuModel);
  // k = 4: 16 GPUs, 20 switches (8 edge, 8 agg, 4 core), 16 host links (SR4)
  // and 16 + 16 fabric links (DR4); each link has a module at both ends.
  // Today: optics 2 x (16 x 8 W + 32 x 9 W) = 832 W; GPUs 16 x 700 W = 11.2 kW;
  // NICs 16 x 1 x 25 W = 400 W; switches 20 x 450 W = 9 kW; total 21.432 kW.
  const double optics = 2.0 * (16 * c.module(p.hostModule).power.wattsValue() +
                               32 * c.module(p.fabricModule).power.wattsValue());
  const double gpus = 16 * gpu.power.wattsValue();
  const double nics = 16 * gpu.nics * gpu.nicPower.wattsValue();
  const double switches = 20 * c.packetSwitch(p.switchModel).power.wattsValue();
  const PowerBreakdown b = computePower(f);
  EXPECT_DOUBLE_EQ(b.optics.wattsValue(), optics);
  EXPECT_DOUBLE_EQ(b.gpus.wattsValue(), gpus);
  EXPECT_DOUBLE_EQ(b.nics.wattsValue(), nics);
  EXPECT_DOUBLE_EQ(b.packetSwitches.wattsValue(), switches);
  EXPECT_DOUBLE_EQ(b.total().wattsValue(), optics + gpus + nics + switches);
  const CheckResult r = checkPower(f);
  EXPECT_EQ(r.status, CheckStatus::Pass);
  EXPECT_DOUBLE_EQ(r.metric("total")->value, optics + gpus + nics + switches);
}

TEST(PowerCheck, AmplifiersRepeatersOcsAndChannelsCount) {
  Fabric f;
  const models::Catalog& c = f.catalog();
  const auto a = addSwitch(f, "A/border0", 3, "51.2T-64x800G", "A");
  const auto b = addSwitch(f, "B/border0", 3, "51.2T-64x800G", "B");
  const auto amp0 = addPassive(f, "r/amp0", NodeKind::Amplifier, "edfa-std-high-gain");
  const auto amp1 = addPassive(f, "r/amp1", NodeKind::Amplifier, "edfa-std-high-gain");
  const auto rep = addPassive(f, "cable/rep0", NodeKind::Repeater, "submarine-repeater");
  addPassive(f, "dc/ocs0", NodeKind::CircuitSwitch, "ocs-136", "dc");
  addPassive(f, "cable/landing0", NodeKind::LandingStation, "");
  // 4 wavelengths of 400ZR+: 2 ends x 4 channels = 8 modules.
  routedLink(f, a, b, "400ZR+", "smf",
             {Length::kilometres(80), Length::kilometres(80), Length::kilometres(80)}, {amp0, amp1},
             4);
  routedLink(f, a, b, "subsea-coherent-400G", "smf-subsea",
             {Length::kilometres(60), Length::kilometres(60)}, {rep});
  const PowerBreakdown p = computePower(f);
  EXPECT_DOUBLE_EQ(p.optics.wattsValue(),
                   8 * c.module("400ZR+").power.wattsValue() +
                       2 * c.module("subsea-coherent-400G").power.wattsValue());
  EXPECT_DOUBLE_EQ(p.amplifiers.wattsValue(),
                   2 * c.amplifier("edfa-std-high-gain").power.wattsValue());
  EXPECT_DOUBLE_EQ(p.repeaters.wattsValue(), c.amplifier("submarine-repeater").power.wattsValue());
  EXPECT_DOUBLE_EQ(p.circuitSwitches.wattsValue(), c.circuitSwitch("ocs-136").power.wattsValue());
  EXPECT_DOUBLE_EQ(p.packetSwitches.wattsValue(),
                   2 * c.packetSwitch("51.2T-64x800G").power.wattsValue());
  EXPECT_EQ(p.gpus.wattsValue(), 0.0);
}

TEST(PowerCheck, BudgetBelowTotalFails) {
  Fabric f;
  addSwitch(f, "dc/sw0", 0);
  const double watts = f.catalog().packetSwitch("51.2T-128x400G").power.wattsValue();
  EXPECT_EQ(checkPower(f, Power::watts(watts)).status, CheckStatus::Pass);
  const CheckResult r = checkPower(f, Power::watts(watts - 1));
  EXPECT_EQ(r.status, CheckStatus::Fail);
  EXPECT_EQ(r.offenders.size(), 1u);
}

}  // namespace
}  // namespace ofe::analysis
