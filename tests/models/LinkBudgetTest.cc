#include <gtest/gtest.h>

#include "models/Catalog.h"
#include "models/LinkBudget.h"

namespace ofe::models {
namespace {

constexpr double kEps = 1e-9;

class LinkBudgetTest : public ::testing::Test {
 protected:
  Catalog c = Catalog::builtin();
  // Two mated connector pairs at 0.5 dB each (FOA typical, TIA-568).
  const Decibel twoConnectors = Decibel(1.0);
};

TEST_F(LinkBudgetTest, Dr8At500mPasses) {
  // 0.4 dB/km x 0.5 km + 2 x 0.5 dB = 1.2 dB; allowance 3.0 dB; margin 1.8 dB.
  const auto b = LinkBudget::check(c.module("800G-DR8"), c.fibre("smf-1310"), Length::metres(500),
                                   twoConnectors);
  EXPECT_NEAR(b.loss.db(), 1.2, kEps);
  EXPECT_NEAR(b.allowance.db(), 3.0, kEps);
  EXPECT_NEAR(b.margin.db(), 1.8, kEps);
  EXPECT_TRUE(b.allowanceKnown);
  EXPECT_TRUE(b.reachOk);
  EXPECT_EQ(b.status, BudgetStatus::Pass);
  EXPECT_TRUE(b.reason.empty());
}

TEST_F(LinkBudgetTest, Dr8BeyondReachFails) {
  // 600 m > 500 m reach; the loss itself (0.24 + 1.0 = 1.24 dB) would fit.
  const auto b = LinkBudget::check(c.module("800G-DR8"), c.fibre("smf-1310"), Length::metres(600),
                                   twoConnectors);
  EXPECT_NEAR(b.loss.db(), 1.24, kEps);
  EXPECT_NEAR(b.margin.db(), 1.76, kEps);
  EXPECT_FALSE(b.reachOk);
  EXPECT_EQ(b.status, BudgetStatus::Fail);
  EXPECT_NE(b.reason.find("reach"), std::string::npos);
}

TEST_F(LinkBudgetTest, Dr8ThroughOcsWithFourConnectorsFailsOnMargin) {
  // 0.4 x 0.4 km = 0.16 dB + OCS 2.0 dB + 4 x 0.5 dB connectors = 4.16 dB > 3.0 dB: margin -1.16
  // dB.
  const Decibel extra = c.circuitSwitch("ocs-136").insertionLoss + Decibel(2.0);
  const auto b =
      LinkBudget::check(c.module("800G-DR8"), c.fibre("smf-1310"), Length::metres(400), extra);
  EXPECT_NEAR(b.loss.db(), 4.16, kEps);
  EXPECT_NEAR(b.margin.db(), -1.16, kEps);
  EXPECT_TRUE(b.reachOk);
  EXPECT_EQ(b.status, BudgetStatus::Fail);
}

TEST_F(LinkBudgetTest, Dr8ThroughOcsWithoutConnectorsWarnsOnThinMargin) {
  // 0.2 dB fibre + 2.0 dB OCS = 2.2 dB; margin 0.8 dB < 1 dB.
  const auto b = LinkBudget::check(c.module("800G-DR8"), c.fibre("smf-1310"), Length::metres(500),
                                   c.circuitSwitch("ocs-136").insertionLoss);
  EXPECT_NEAR(b.margin.db(), 0.8, kEps);
  EXPECT_EQ(b.status, BudgetStatus::Warn);
}

TEST_F(LinkBudgetTest, Lr4At10kmPasses) {
  // 0.4 x 10 = 4.0 dB + 1.0 dB = 5.0 dB against 6.3 dB: margin 1.3 dB.
  const auto b = LinkBudget::check(c.module("100G-LR4"), c.fibre("smf-1310"),
                                   Length::kilometres(10), twoConnectors);
  EXPECT_NEAR(b.margin.db(), 1.3, kEps);
  EXPECT_EQ(b.status, BudgetStatus::Pass);
}

TEST_F(LinkBudgetTest, UnknownAllowanceOverLongRunWarns) {
  // 800G-LPO has no known allowance; 300 m > 100 m. Loss 0.12 + 1.0 = 1.12 dB is reported, margin
  // 0.
  const auto b = LinkBudget::check(c.module("800G-LPO"), c.fibre("smf-1310"), Length::metres(300),
                                   twoConnectors);
  EXPECT_FALSE(b.allowanceKnown);
  EXPECT_NEAR(b.loss.db(), 1.12, kEps);
  EXPECT_EQ(b.margin.db(), 0.0);
  EXPECT_EQ(b.status, BudgetStatus::Warn);
}

TEST_F(LinkBudgetTest, UnknownAllowanceOnShortPatchPasses) {
  // 400G-SR4 over 3 m OM4: 3.5 x 0.003 = 0.0105 dB + 1.0 dB = 1.0105 dB, below any IEEE MMF
  // allowance.
  const auto b =
      LinkBudget::check(c.module("400G-SR4"), c.fibre("mmf-om4"), Length::metres(3), twoConnectors);
  EXPECT_NEAR(b.loss.db(), 1.0105, kEps);
  EXPECT_EQ(b.status, BudgetStatus::Pass);
}

TEST_F(LinkBudgetTest, UnknownAllowanceWithLargeExtraLossWarns) {
  // Same patch through an OCS: extra 2.0 dB > 1.5 dB.
  const auto b =
      LinkBudget::check(c.module("400G-SR4"), c.fibre("mmf-om4"), Length::metres(3), Decibel(2.0));
  EXPECT_EQ(b.status, BudgetStatus::Warn);
}

TEST_F(LinkBudgetTest, ScaleUpChecksReachOnly) {
  const auto ok =
      LinkBudget::check(c.module("nvlink4"), c.fibre("copper"), Length::metres(1), Decibel(0));
  EXPECT_EQ(ok.status, BudgetStatus::Pass);
  EXPECT_FALSE(ok.allowanceKnown);
  const auto far =
      LinkBudget::check(c.module("nvlink4"), c.fibre("copper"), Length::metres(3), Decibel(0));
  EXPECT_EQ(far.status, BudgetStatus::Fail);
}

TEST_F(LinkBudgetTest, CoherentAmplifiedSpansPass) {
  // 400ZR+ over 800 km in 80 km spans: 0.2 x 80 + 2 x 0.5 = 17 dB per span vs 35 dB gain: margin 18
  // dB.
  const auto b = LinkBudget::checkAmplified(c.module("400ZR+"), c.fibre("smf"),
                                            Length::kilometres(800), Length::kilometres(80),
                                            twoConnectors, c.amplifier("edfa-std-high-gain"));
  EXPECT_NEAR(b.loss.db(), 17.0, kEps);
  EXPECT_NEAR(b.allowance.db(), 35.0, kEps);
  EXPECT_NEAR(b.margin.db(), 18.0, kEps);
  EXPECT_EQ(b.status, BudgetStatus::Pass);
}

TEST_F(LinkBudgetTest, AmplifiedSpanLongerThanMaxSpanFails) {
  // 160 km > 150 km maxSpan although 0.2 x 160 + 1 = 33 dB < 35 dB.
  const auto b = LinkBudget::checkAmplified(c.module("400ZR+"), c.fibre("smf"),
                                            Length::kilometres(800), Length::kilometres(160),
                                            twoConnectors, c.amplifier("edfa-std-high-gain"));
  EXPECT_NEAR(b.margin.db(), 2.0, kEps);
  EXPECT_EQ(b.status, BudgetStatus::Fail);
}

TEST_F(LinkBudgetTest, MediumGainAtItsMaxSpanHasZeroMarginAndWarns) {
  // 400ZR+ over 250 km in 2 x 125 km: 0.2 x 125 + 1 = 26 dB = gain, margin 0 (exact on paper),
  // so WARN, not FAIL.
  const auto b = LinkBudget::checkAmplified(c.module("400ZR+"), c.fibre("smf"),
                                            Length::kilometres(250), Length::kilometres(125),
                                            twoConnectors, c.amplifier("edfa-std-medium-gain"));
  EXPECT_NEAR(b.margin.db(), 0.0, kEps);
  EXPECT_TRUE(b.reachOk);
  EXPECT_EQ(b.status, BudgetStatus::Warn);
}

TEST_F(LinkBudgetTest, CoherentBeyondReachFails) {
  // 400ZR+ reach 1000 km (assumption); 1500 km fails although every span fits.
  const auto b = LinkBudget::checkAmplified(c.module("400ZR+"), c.fibre("smf"),
                                            Length::kilometres(1500), Length::kilometres(80),
                                            twoConnectors, c.amplifier("edfa-std-high-gain"));
  EXPECT_FALSE(b.reachOk);
  EXPECT_EQ(b.status, BudgetStatus::Fail);
}

TEST_F(LinkBudgetTest, SubmarineRepeaterSpan) {
  // 60 km x 0.16 dB/km = 9.6 dB vs 15 dB repeater gain: margin 5.4 dB over a 12,800 km cable.
  const auto b = LinkBudget::checkAmplified(c.module("subsea-coherent-400G"), c.fibre("smf-subsea"),
                                            Length::kilometres(12'800), Length::kilometres(60),
                                            Decibel(0), c.amplifier("submarine-repeater"));
  EXPECT_NEAR(b.margin.db(), 5.4, kEps);
  EXPECT_EQ(b.status, BudgetStatus::Pass);
}

TEST(BudgetStatus, Names) {
  EXPECT_EQ(toString(BudgetStatus::Pass), "PASS");
  EXPECT_EQ(toString(BudgetStatus::Warn), "WARN");
  EXPECT_EQ(toString(BudgetStatus::Fail), "FAIL");
}

}  // namespace
}  // namespace ofe::models
