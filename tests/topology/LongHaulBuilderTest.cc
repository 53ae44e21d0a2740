#include "topology/LongHaulBuilder.h"

#include <gtest/gtest.h>

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
