#include "topology/LongHaulBuilder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "TestSupport.h"

namespace ofe::topology {
namespace {

struct Ends {
  NodeId a;
  NodeId b;
};

Ends addBorders(Fabric& fabric, const std::string& model) {
  Node a;
  a.name = "west/border0";
  a.model = model;
  a.site = "west";
  a.tier = 3;
  Node b = a;
  b.name = "east/border0";
  b.site = "east";
  return {fabric.addNode(a), fabric.addNode(b)};
}

LongHaulParams testRoute(Ends ends) {
  LongHaulParams params;
  params.from = ends.a;
  params.to = ends.b;
  params.distance = Length::kilometres(1500);
  params.amplifierSpacing = Length::kilometres(80);
  params.name = "route";
  params.module = "test-coherent";
  params.fibre = "test-fibre";
  params.amplifierModel = "test-amp";
  return params;
}

/// The builtin route of @p km (400G-LH, smf, edfa-std-high-gain) between @p ends.
LongHaulParams builtinRoute(Ends ends, const std::string& name, double km) {
  LongHaulParams params;
  params.from = ends.a;
  params.to = ends.b;
  params.name = name;
  params.distance = Length::kilometres(km);
  return params;
}

TEST(LongHaulBuilder, FifteenHundredKilometresAtEighty) {
  Fabric fabric(test::testCatalog());
  const Ends ends = addBorders(fabric, "test-switch");
  const BuiltPart part = buildLongHaul(fabric, testRoute(ends));
  // ceil(1500 / 80) = ceil(18.75) = 19 spans, 18 amplifier sites between them.
  EXPECT_EQ(fabric.countOf(NodeKind::Amplifier), 18u);
  EXPECT_EQ(part.passive.size(), 18u);
  EXPECT_EQ(part.site, "route");
  ASSERT_EQ(fabric.linkCount(), 1u);
  const Link& link = fabric.link(part.links.at(0));
  ASSERT_EQ(link.spans.size(), 19u);
  // 1,500,000,000 mm / 19 = 78,947,368 remainder 8: 8 spans of 78,947,369 mm, 11 of 78,947,368.
  Length sum;
  for (std::size_t s = 0; s < link.spans.size(); ++s) {
    sum += link.spans[s].length;
    EXPECT_EQ(link.spans[s].length.mm(), s < 8 ? 78'947'369 : 78'947'368) << s;
    if (s + 1 < link.spans.size()) {
      EXPECT_EQ(link.spans[s].via, part.passive[s]);
      EXPECT_EQ(fabric.node(link.spans[s].via).site, "route");
    }
  }
  EXPECT_EQ(sum, Length::kilometres(1500));
  EXPECT_EQ(link.length, Length::kilometres(1500));
  // 1.5e9 mm x 1.468e9 / 299,792,458 = 7,345,081,376.26 ps -> 7,345,081,376 (7.345 ms).
  EXPECT_EQ(link.propagation.ps(), 7'345'081'376);
  EXPECT_EQ(link.propagation,
            fabric.catalog().fibre("test-fibre").delayOver(Length::kilometres(1500)));
  // Plus 2 x 1 us (test-coherent ends) and 18 x 150 ns (test-amp).
  EXPECT_EQ(link.passiveLatency.ps(), 18 * 150'000);
  EXPECT_EQ(link.latency.ps(), 7'345'081'376 + 2'000'000 + 2'700'000);
  EXPECT_TRUE(fabric.findNode("route/amp0").has_value());
  EXPECT_TRUE(fabric.findNode("route/amp17").has_value());
  EXPECT_FALSE(fabric.findNode("route/amp18").has_value());
}

TEST(LongHaulBuilder, RoadmsReplaceEveryNthSite) {
  Fabric fabric(test::testCatalog());
  LongHaulParams params = testRoute(addBorders(fabric, "test-switch"));
  params.roadmEvery = 6;
  const BuiltPart part = buildLongHaul(fabric, params);
  // Sites 6, 12 and 18 counted from 1 (indices 5, 11, 17) are ROADMs.
  EXPECT_EQ(fabric.countOf(NodeKind::Roadm), 3u);
  EXPECT_EQ(fabric.countOf(NodeKind::Amplifier), 15u);
  EXPECT_EQ(fabric.node(part.passive[5]).name, "route/roadm5");
  EXPECT_EQ(fabric.node(part.passive[17]).kind, NodeKind::Roadm);
  // ROADMs add no amplifier latency: 15 x 150 ns.
  EXPECT_EQ(fabric.link(part.links[0]).passiveLatency.ps(), 15 * 150'000);
}

TEST(LongHaulBuilder, ParallelLinksShareTheSites) {
  Fabric fabric(test::testCatalog());
  LongHaulParams params = testRoute(addBorders(fabric, "test-switch"));
  params.parallelLinks = 3;
  params.channels = 4;
  const BuiltPart part = buildLongHaul(fabric, params);
  EXPECT_EQ(fabric.countOf(NodeKind::Amplifier), 18u);
  ASSERT_EQ(part.links.size(), 3u);
  for (LinkId l : part.links) {
    const Link& link = fabric.link(l);
    EXPECT_EQ(link.channels, 4);
    EXPECT_EQ(link.rate, DataRate::gbps(1600));  // 4 x 400G
    ASSERT_EQ(link.spans.size(), 19u);
    for (std::size_t s = 0; s < 18; ++s)
      EXPECT_EQ(link.spans[s].via, fabric.link(part.links[0]).spans[s].via);
  }
}

TEST(LongHaulBuilder, ShortRouteHasNoAmplifier) {
  Fabric fabric(test::testCatalog());
  LongHaulParams params = testRoute(addBorders(fabric, "test-switch"));
  params.distance = Length::kilometres(80);  // exactly one span
  buildLongHaul(fabric, params);
  EXPECT_EQ(fabric.countOf(NodeKind::Amplifier), 0u);
  EXPECT_EQ(fabric.link(0).spans.size(), 1u);
}

TEST(LongHaulBuilder, BuiltinDefaultsAddCatalogLatencies) {
  Fabric fabric;
  const Ends ends = addBorders(fabric, "51.2T-64x800G");
  LongHaulParams params;
  params.from = ends.a;
  params.to = ends.b;
  params.name = "zhongwei-shanghai";
  const BuiltPart part = buildLongHaul(fabric, params);
  EXPECT_EQ(fabric.countOf(NodeKind::Amplifier), 18u);
  const Link& link = fabric.link(part.links[0]);
  const models::Catalog& catalog = fabric.catalog();
  const Duration expected = catalog.fibre(params.fibre).delayOver(Length::kilometres(1500)) +
                            catalog.module(params.module).latency * 2 +
                            catalog.amplifier(params.amplifierModel).latency * 18;
  EXPECT_EQ(link.latency, expected);
}

TEST(LongHaulBuilder, CoherentRoutesCarryTheirGnModelEstimate) {
  Fabric fabric;
  // 20 spans of 80 km, 19 amplifier sites.
  const LongHaulParams params = builtinRoute(addBorders(fabric, "51.2T-64x800G"), "zw-sh", 1600);
  const Link& link = fabric.link(buildLongHaul(fabric, params).links.at(0));
  ASSERT_TRUE(link.qot.has_value());
  const models::QotEstimate& q = *link.qot;
  EXPECT_EQ(q.spans, 20);
  EXPECT_EQ(q.amplifiers, 20);  // 19 in-line + the preamplifier
  // 400G-LH: 130 GBd x 1.1 = 143 GHz -> 150 GHz slots; 4.8 THz of C band holds 32.
  EXPECT_DOUBLE_EQ(q.channelSpacing.gigahertzValue(), 150.0);
  EXPECT_EQ(q.slots, 32);
  // ASE only, on paper: OSNR(0.1 nm) = 58 dB + P - NF - span loss - 10 log10 N
  // = 57.95 + 0 - 5.5 - 16 - 13.01 = 23.44 dB at 193.4 THz (0 dBm, 0.2 dB/km x 80 km).
  EXPECT_NEAR(q.centre.osnrAse.db(), 57.95 - 5.5 - 16.0 - 10.0 * std::log10(20.0), 0.05);
  ASSERT_TRUE(q.margin.has_value());
  EXPECT_NEAR(q.margin->db(), q.worst.gsnrSignal.db() - 9.2, 1e-12);
  EXPECT_GT(q.margin->db(), 1.0);
  // The estimate's post-FEC BER is the link's, unless one is given.
  EXPECT_EQ(link.bitErrorRate, q.postFecBer);
  EXPECT_NEAR(q.dispersionPsPerNm, 16.7 * 1600.0, 1e-6);

}

/// The GSNR margin of the default 400G-LH route of @p km with @p line settings.
models::QotEstimate estimateRoute(double km, const models::LineSettings& line) {
  Fabric fabric;
  LongHaulParams params = builtinRoute(addBorders(fabric, "51.2T-64x800G"), "r", km);
  params.line = line;
  return *fabric.link(buildLongHaul(fabric, params).links.at(0)).qot;
}

TEST(LongHaulBuilder, LaunchPowerAndLengthMoveTheMargin) {
  models::LineSettings line;
  line.launchPower.optimum = true;
  const models::QotEstimate best = estimateRoute(1600, line);
  EXPECT_DOUBLE_EQ(best.launchPower.dbmValue(), best.optimumLaunchPower.dbmValue());
  // 10 dB above the optimum, NLI (as P^3) swamps the signal; 10 dB below, ASE does.
  line.launchPower = models::LaunchPower{false, PowerLevel::dbm(best.optimumLaunchPower.dbmValue() + 10.0)};
  EXPECT_LT(estimateRoute(1600, line).worst.gsnrSignal.db(), best.worst.gsnrSignal.db() - 10.0);
  line.launchPower = models::LaunchPower{false, PowerLevel::dbm(best.optimumLaunchPower.dbmValue() - 10.0)};
  EXPECT_LT(estimateRoute(1600, line).worst.gsnrSignal.db(), best.worst.gsnrSignal.db() - 5.0);
  // Twice the spans, twice the line noise at the same launch power; the transmitter's noise
  // (tx_osnr 36 dB over 0.1 nm = 36 - 10 log10(130 / 12.5) over the signal) stays:
  // GSNR2 = GSNR1 - 10 log10(2 - tx share of GSNR1's noise).
  line.launchPower.optimum = true;
  const models::QotEstimate twice = estimateRoute(3200, line);
  line.launchPower = models::LaunchPower{false, best.launchPower};
  const double txSignal = 36.0 - 10.0 * std::log10(130.0 / 12.5);
  const double txShare = std::pow(10.0, (best.worst.gsnrSignal.db() - txSignal) / 10.0);
  EXPECT_NEAR(estimateRoute(3200, line).worst.gsnrSignal.db(),
              best.worst.gsnrSignal.db() - 10.0 * std::log10(2.0 - txShare), 0.01);
  EXPECT_LT(twice.margin->db(), best.margin->db());
}

TEST(LongHaulBuilder, AnExplicitBitErrorRateWinsOverTheEstimate) {
  Fabric fabric;
  const Ends ends = addBorders(fabric, "51.2T-64x800G");
  LinkSpec spec;
  spec.module = "400G-LH";
  spec.spans = {Span{Length::kilometres(80), kNoNode}};
  spec.line = models::LineSettings{};
  spec.lineAmplifier = "edfa-std-high-gain";
  const LinkId estimated = fabric.addLink(ends.a, ends.b, spec);
  ASSERT_TRUE(fabric.link(estimated).qot.has_value());  // the preamplifier makes it an amplified line
  EXPECT_EQ(fabric.link(estimated).qot->amplifiers, 1);
  spec.bitErrorRate = 1e-12;
  const LinkId given = fabric.addLink(ends.a, ends.b, spec);
  EXPECT_EQ(fabric.link(given).bitErrorRate, 1e-12);
  spec.line->preamplifier = false;  // one unamplified span: a power budget, not a QoT estimate
  EXPECT_FALSE(fabric.link(fabric.addLink(ends.a, ends.b, spec)).qot.has_value());
}

TEST(LongHaulBuilder, NonCoherentModulesAndShortRoutesGetNoEstimate) {
  Fabric fabric(test::testCatalog());
  buildLongHaul(fabric, testRoute(addBorders(fabric, "test-switch")));
  EXPECT_FALSE(fabric.link(0).qot.has_value());  // test-coherent has no symbol rate
  EXPECT_EQ(fabric.link(0).bitErrorRate, 0.0);
}

TEST(LongHaulBuilder, RejectsBadParameters) {
  Fabric fabric(test::testCatalog());
  const Ends ends = addBorders(fabric, "test-switch-4");
  LongHaulParams params = testRoute(ends);
  params.name = "";
  EXPECT_THROW(buildLongHaul(fabric, params), std::invalid_argument);
  params = testRoute(ends);
  params.to = params.from;
  EXPECT_THROW(buildLongHaul(fabric, params), std::invalid_argument);
  params = testRoute(ends);
  params.amplifierSpacing = Length();
  EXPECT_THROW(buildLongHaul(fabric, params), std::invalid_argument);
  params = testRoute(ends);
  params.amplifierModel = "no-such-edfa";
  EXPECT_THROW(buildLongHaul(fabric, params), std::invalid_argument);
  // 5 wavelengths need 5 ports on a 4-port border switch.
  params = testRoute(ends);
  params.channels = 5;
  EXPECT_THROW(buildLongHaul(fabric, params), std::invalid_argument);
  EXPECT_EQ(fabric.nodeCount(), 2u);
  // An amplifier is not an end point.
  params = testRoute(ends);
  buildLongHaul(fabric, params);
  params.name = "second";
  params.to = *fabric.findNode("route/amp3");
  EXPECT_THROW(buildLongHaul(fabric, params), std::invalid_argument);
}

}  // namespace
}  // namespace ofe::topology
