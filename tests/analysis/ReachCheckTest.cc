#include <gtest/gtest.h>

#include "AnalysisTestSupport.h"
#include "analysis/AmplifierSpacingCheck.h"
#include "analysis/ReachCheck.h"
#include "topology/LongHaulBuilder.h"

namespace ofe::analysis {
namespace {

using namespace test;  // NOLINT: test helpers only
using topology::Fabric;
using topology::NodeKind;

TEST(ReachCheck, LinkBeyondModuleReachFailsAndIsNamed) {
  Fabric f;
  const models::OpticalModule& dr4 = f.catalog().module("400G-DR4");
  const models::FibreType& smf1310 = f.catalog().fibre("smf-1310");
  const auto leaf = addSwitch(f, "dc/leaf0", 0);
  const auto spine = addSwitch(f, "dc/spine0", 1);
  fabricLink(f, leaf, spine, Length::metres(50));
  const Length tooFar = dr4.reach + Length::metres(100);  // 600 m against 500 m
  const auto bad = fabricLink(f, leaf, spine, tooFar);
  const CheckResult r = checkReach(f);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  EXPECT_EQ(r.metric("failed_links")->value, 1.0);
  EXPECT_EQ(r.metric("links")->value, 2.0);
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_TRUE(
      contains(r.offenders[0], "dc/leaf0 - dc/spine0 (link " + std::to_string(bad) + "): FAIL"))
      << r.offenders[0];
  EXPECT_TRUE(contains(r.offenders[0], "reach")) << r.offenders[0];
  // Reach use: 600 / 500 = 1.2.
  EXPECT_DOUBLE_EQ(r.metric("worst_reach_use")->value,
                   static_cast<double>(tooFar.mm()) / static_cast<double>(dr4.reach.mm()));
  // Least margin is the long link's: allowance - attenuation x 0.6 km (3.0 - 0.4 x 0.6 = 2.76 dB).
  EXPECT_NEAR(
      r.metric("min_margin")->value,
      dr4.maxChannelLoss.db() - smf1310.attenuation.dbPerKmValue() * tooFar.kilometresValue(),
      1e-9);
}

TEST(ReachCheck, ShortLinksPass) {
  Fabric f;
  const auto leaf = addSwitch(f, "dc/leaf0", 0);
  const auto spine = addSwitch(f, "dc/spine0", 1);
  hostLink(f, addGpu(f, "dc/gpu0"), leaf);
  fabricLink(f, leaf, spine, Length::metres(50));
  const CheckResult r = checkReach(f);
  EXPECT_EQ(r.status, CheckStatus::Pass);
  EXPECT_TRUE(r.offenders.empty());
  // The SR4 allowance is unknown but 3 m is under LinkBudget's 100 m short-link rule: no warning,
  // but counted.
  EXPECT_EQ(r.metric("unknown_allowance_links")->value, 1.0);
}

// border0 -(s0)- amp0 -(s1)- amp1 -(s2)- border1 with 400ZR+ on standard SMF.
struct Route {
  Fabric fabric;
  topology::LinkId link = topology::kNoLink;
};

void buildRoute(Route& r, Length s0, Length s1, Length s2,
                const std::string& amp1Model = "edfa-std-high-gain") {
  Fabric& f = r.fabric;
  const auto a = addSwitch(f, "A/border0", 3, "51.2T-64x800G", "A");
  const auto b = addSwitch(f, "B/border0", 3, "51.2T-64x800G", "B");
  const auto amp0 = addPassive(f, "A-B/amp0", NodeKind::Amplifier, "edfa-std-high-gain");
  const auto amp1 = addPassive(f, "A-B/amp1", NodeKind::Amplifier, amp1Model);
  r.link = routedLink(f, a, b, "400ZR+", "smf", {s0, s1, s2}, {amp0, amp1});
}

TEST(ReachCheck, AmplifiedLinkUsesAmplifierGainAsAllowance) {
  Route route;
  buildRoute(route, Length::kilometres(80), Length::kilometres(80), Length::kilometres(80));
  const Fabric& f = route.fabric;
  const CheckResult r = checkReach(f);
  EXPECT_EQ(r.status, CheckStatus::Pass) << r.summary;
  // Margin = gain - 0.2 dB/km x 80 km = 35 - 16 = 19 dB.
  const double gain = f.catalog().amplifier("edfa-std-high-gain").gain.db();
  const double loss = f.catalog().fibre("smf").attenuation.dbPerKmValue() * 80.0;
  EXPECT_NEAR(r.metric("min_margin")->value, gain - loss, 1e-9);
  const CheckResult spacing = checkAmplifierSpacing(f);
  EXPECT_EQ(spacing.status, CheckStatus::Pass);
  EXPECT_EQ(spacing.metric("amplified_links")->value, 1.0);
  EXPECT_EQ(spacing.metric("spans")->value, 3.0);
  EXPECT_EQ(spacing.metric("longest_span")->value, 80'000.0);
}

/// A 400G-LH long-haul route of @p km between two new border switches of @p f.
topology::LinkId longHaul(Fabric& f, double km, const std::string& name, double launchDbm = 0.0) {
  topology::LongHaulParams p;
  p.line.launchPower.level = PowerLevel::dbm(launchDbm);
  p.from = addSwitch(f, name + "-a/border0", 3);
  p.to = addSwitch(f, name + "-b/border0", 3);
  p.name = name;
  p.distance = Length::kilometres(km);
  return topology::buildLongHaul(f, p).links.at(0);
}

TEST(ReachCheck, AmplifiedCoherentLinesAreJudgedByGsnrMargin) {
  Fabric f;
  const auto fine = longHaul(f, 1600, "fine");
  // 2,400 km is within 400G-LH's 2,500 km catalog reach, but launched at -8 dBm the
  // amplifiers' noise leaves less GSNR than the 9.2 dB it needs: the margin decides.
  const auto far = longHaul(f, 2400, "far", -8.0);
  ASSERT_GT(f.link(fine).qot->margin->db(), 1.0);
  ASSERT_LT(f.link(far).qot->margin->db(), 0.0);
  const CheckResult r = checkReach(f);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  EXPECT_EQ(r.metric("qot_links")->value, 2.0);
  EXPECT_EQ(r.metric("failed_links")->value, 1.0);
  EXPECT_DOUBLE_EQ(r.metric("min_gsnr_margin")->value, f.link(far).qot->margin->db());
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_TRUE(contains(r.offenders[0], "far-a/border0 - far-b/border0")) << r.offenders[0];
  EXPECT_TRUE(contains(r.offenders[0], "against 9.20 dB needed")) << r.offenders[0];
  EXPECT_TRUE(contains(r.offenders[0], "post-FEC BER")) << r.offenders[0];
}

TEST(ReachCheck, ALineWithinOneDecibelOfItsRequirementWarns) {
  Fabric probe;
  const double gsnr = probe.link(longHaul(probe, 1600, "p")).qot->worst.gsnrSignal.db();
  models::Catalog c = models::Catalog::builtin();
  models::OpticalModule m = c.module("400G-LH");
  m.requiredGsnr = Decibel(gsnr - 0.5);
  c.put(m);
  Fabric f(c);
  longHaul(f, 1600, "tight");
  const CheckResult r = checkReach(f);
  EXPECT_EQ(r.status, CheckStatus::Warn);
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_TRUE(contains(r.offenders[0], "margin +0.50 dB")) << r.offenders[0];
}

TEST(AmplifierSpacingCheck, SpanBeyondMaxSpanFailsNamingTheSpan) {
  Route route;
  const Length maxSpan = route.fabric.catalog().amplifier("edfa-std-high-gain").maxSpan;  // 150 km
  buildRoute(route, Length::kilometres(80), maxSpan + Length::kilometres(10),
             Length::kilometres(80));
  const Fabric& f = route.fabric;
  const CheckResult r = checkAmplifierSpacing(f);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_EQ(r.offenders[0],
            fmt::format("A/border0 - B/border0 (link {}) span 1 (A-B/amp0 - A-B/amp1): {} > {} max "
                        "span of edfa-std-high-gain",
                        route.link, maxSpan + Length::kilometres(10), maxSpan));
  // The budget sees the same span, and fails it too.
  EXPECT_EQ(checkReach(f).status, CheckStatus::Fail);
}

TEST(AmplifierSpacingCheck, SpanIsBoundByTheStricterAmplifierAtItsEnds) {
  // Span 1 runs from a high-gain EDFA (150 km) to a medium-gain one (125 km):
  // 130 km passes the first but not the second, so it fails.
  Route route;
  buildRoute(route, Length::kilometres(80), Length::kilometres(130), Length::kilometres(80),
             "edfa-std-medium-gain");
  const Length medium = route.fabric.catalog().amplifier("edfa-std-medium-gain").maxSpan;
  ASSERT_LT(medium, Length::kilometres(130));
  ASSERT_GE(route.fabric.catalog().amplifier("edfa-std-high-gain").maxSpan,
            Length::kilometres(130));
  const CheckResult r = checkAmplifierSpacing(route.fabric);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_TRUE(contains(r.offenders[0], "of edfa-std-medium-gain")) << r.offenders[0];
}

TEST(AmplifierSpacingCheck, RepeaterSpansAtExactlyMaxSpanPass) {
  Fabric f;
  const Length maxSpan = f.catalog().amplifier("submarine-repeater").maxSpan;  // 90 km
  const auto a = addSwitch(f, "A/border0", 3, "51.2T-64x800G", "A");
  const auto b = addSwitch(f, "B/border0", 3, "51.2T-64x800G", "B");
  const auto r0 = addPassive(f, "cable/rep0", NodeKind::Repeater, "submarine-repeater");
  const auto r1 = addPassive(f, "cable/rep1", NodeKind::Repeater, "submarine-repeater");
  routedLink(f, a, b, "subsea-coherent-400G", "smf-subsea", {maxSpan, maxSpan, maxSpan}, {r0, r1});
  const CheckResult r = checkAmplifierSpacing(f);
  EXPECT_EQ(r.status, CheckStatus::Pass);
  EXPECT_DOUBLE_EQ(r.metric("worst_span_use")->value, 1.0);
}

TEST(AmplifierSpacingCheck, NoAmplifiedLinksPasses) {
  Fabric f;
  fabricLink(f, addSwitch(f, "dc/a", 0), addSwitch(f, "dc/b", 1));
  const CheckResult r = checkAmplifierSpacing(f);
  EXPECT_EQ(r.status, CheckStatus::Pass);
  EXPECT_EQ(r.summary, "no amplified links");
}

}  // namespace
}  // namespace ofe::analysis
