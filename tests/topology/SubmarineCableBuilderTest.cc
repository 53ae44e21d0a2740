#include "topology/SubmarineCableBuilder.h"

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
  a.name = "la/border0";
  a.model = model;
  a.site = "la";
  a.tier = 3;
  Node b = a;
  b.name = "hk/border0";
  b.site = "hk";
  return {fabric.addNode(a), fabric.addNode(b)};
}

SubmarineCableParams testCable(Ends ends) {
  SubmarineCableParams params;
  params.from = ends.a;
  params.to = ends.b;
  params.wetLength = Length::kilometres(12'800);
  params.repeaterSpacing = Length::kilometres(60);
  params.name = "cable";
  params.module = "test-coherent";
  params.fibre = "test-fibre";
  params.repeaterModel = "test-repeater";
  return params;
}

TEST(SubmarineCableBuilder, TransPacificTwelveThousandEightHundredKilometres) {
  Fabric fabric(test::testCatalog());
  const BuiltPart part = buildSubmarineCable(fabric, testCable(addBorders(fabric, "test-switch")));
  // ceil(12,800 / 60) = ceil(213.3) = 214 wet spans, 213 repeaters between them.
  EXPECT_EQ(fabric.countOf(NodeKind::Repeater), 213u);
  EXPECT_EQ(fabric.countOf(NodeKind::LandingStation), 2u);
  EXPECT_EQ(part.passive.size(), 215u);
  ASSERT_EQ(part.links.size(), 1u);
  const Link& link = fabric.link(part.links[0]);
  // Zero-length backhaul, 214 wet spans, zero-length backhaul.
  ASSERT_EQ(link.spans.size(), 216u);
  EXPECT_EQ(link.spans.front().length, Length());
  EXPECT_EQ(fabric.node(link.spans.front().via).name, "cable/landingA");
  EXPECT_EQ(fabric.node(link.spans[214].via).name, "cable/landingB");
  EXPECT_EQ(fabric.node(link.spans[121].via).name, "cable/repeater120");
  EXPECT_EQ(link.spans.back().length, Length());
  // 12,800,000,000 mm / 214 = 59,813,084 remainder 24: 24 spans one mm longer.
  EXPECT_EQ(link.spans[1].length.mm(), 59'813'085);
  EXPECT_EQ(link.spans[24].length.mm(), 59'813'085);
  EXPECT_EQ(link.spans[25].length.mm(), 59'813'084);
  EXPECT_EQ(link.length, Length::kilometres(12'800));
  // 1.28e10 mm x 1.468e9 / 299,792,458 = 62,678,027,744.11 ps -> 62,678,027,744,
  // i.e. 62.68 ms one way (12,800 km x 4.897 us/km) and 125.36 ms round trip.
  EXPECT_EQ(link.propagation.ps(), 62'678'027'744);
  EXPECT_EQ((link.propagation.ps() + 5'000'000) / 10'000'000, 6'268);  // 10 us units: 62.68 ms
  EXPECT_EQ((link.propagation.ps() * 2 + 50'000'000) / 100'000'000,
            1'254);  // 100 us units: 125.4 ms
  // Plus 2 x 1 us (test-coherent) and 213 x 200 ns (test-repeater).
  EXPECT_EQ(link.passiveLatency.ps(), 213 * 200'000);
  EXPECT_EQ(link.latency.ps(), 62'678'027'744 + 2'000'000 + 42'600'000);
}

TEST(SubmarineCableBuilder, BackhaulAndFibrePairs) {
  Fabric fabric(test::testCatalog());
  SubmarineCableParams params = testCable(addBorders(fabric, "test-switch"));
  params.backhaulA = Length::kilometres(50);
  params.backhaulB = Length::kilometres(30);
  params.fibrePairs = 2;
  params.wavelengthsPerPair = 8;
  const BuiltPart part = buildSubmarineCable(fabric, params);
  EXPECT_EQ(fabric.countOf(NodeKind::Repeater), 213u);
  ASSERT_EQ(part.links.size(), 2u);
  for (LinkId l : part.links) {
    const Link& link = fabric.link(l);
    EXPECT_EQ(link.channels, 8);
    EXPECT_EQ(link.rate, DataRate::gbps(3200));  // 8 x 400G per pair
    EXPECT_EQ(link.length, Length::kilometres(12'880));
    EXPECT_EQ(link.spans.front().length, Length::kilometres(50));
    EXPECT_EQ(link.spans.back().length, Length::kilometres(30));
    // Both pairs pass the same repeaters.
    EXPECT_EQ(link.spans[100].via, fabric.link(part.links[0]).spans[100].via);
  }
}

TEST(SubmarineCableBuilder, BuiltinDefaults) {
  Fabric fabric;
  const Ends ends = addBorders(fabric, "51.2T-64x800G");
  SubmarineCableParams params;
  params.from = ends.a;
  params.to = ends.b;
  const BuiltPart part = buildSubmarineCable(fabric, params);
  EXPECT_EQ(fabric.countOf(NodeKind::Repeater), 213u);
  const Link& link = fabric.link(part.links[0]);
  const models::Catalog& catalog = fabric.catalog();
  EXPECT_EQ(link.propagation, catalog.fibre(params.fibre).delayOver(Length::kilometres(12'800)));
  EXPECT_EQ(link.latency, link.propagation + catalog.module(params.module).latency * 2 +
                              catalog.amplifier(params.repeaterModel).latency * 213);
}

TEST(SubmarineCableBuilder, TheBuiltinCableCarriesItsGnModelEstimate) {
  Fabric fabric;
  SubmarineCableParams params = testCable(addBorders(fabric, "51.2T-128x400G"));
  params.module = "subsea-100G";
  params.fibre = "smf-subsea";
  params.repeaterModel = "submarine-repeater";
  params.backhaulB = Length::kilometres(40);
  const Link& link = fabric.link(buildSubmarineCable(fabric, params).links.at(0));
  ASSERT_TRUE(link.qot.has_value());
  // The zero-length backhaul A is left out: 214 wet spans + 40 km backhaul B. Amplified:
  // 213 repeaters, landing B's line amplifier, and the preamplifier after the backhaul.
  EXPECT_EQ(link.qot->spans, 215);
  EXPECT_EQ(link.qot->amplifiers, 215);
  // 31.57 GBd x 1.15 = 36.3 GHz: the 50 GHz grid, 96 slots of C band.
  EXPECT_EQ(link.qot->slots, 96);
  EXPECT_NEAR(link.qot->dispersionPsPerNm, 22.0 * 12'840.0, 1e-6);
  EXPECT_EQ(link.bitErrorRate, link.qot->postFecBer);
}

TEST(SubmarineCableBuilder, RejectsBadParameters) {
  Fabric fabric(test::testCatalog());
  const Ends ends = addBorders(fabric, "test-switch");
  SubmarineCableParams params = testCable(ends);
  params.repeaterSpacing = Length();
  EXPECT_THROW(buildSubmarineCable(fabric, params), std::invalid_argument);
  params = testCable(ends);
  params.fibrePairs = 0;
  EXPECT_THROW(buildSubmarineCable(fabric, params), std::invalid_argument);
  params = testCable(ends);
  params.wetLength = Length();
  EXPECT_THROW(buildSubmarineCable(fabric, params), std::invalid_argument);
  params = testCable(ends);
  params.repeaterModel = "no-such-repeater";
  EXPECT_THROW(buildSubmarineCable(fabric, params), std::invalid_argument);
  EXPECT_EQ(fabric.nodeCount(), 2u);
}

}  // namespace
}  // namespace ofe::topology
