#include "topology/Fabric.h"

#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <string>

#include "TestSupport.h"

namespace ofe::topology {
namespace {

Node named(const std::string& name, NodeKind kind, const std::string& model) {
  Node n;
  n.name = name;
  n.kind = kind;
  n.model = model;
  n.site = "lab";
  return n;
}

LinkSpec fabricLink(Length length) {
  LinkSpec spec;
  spec.module = "test-fabric";
  spec.fibre = "test-fibre";
  spec.length = length;
  return spec;
}

std::string messageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "<no std::invalid_argument thrown>";
}

TEST(Fabric, LinkLatencyIsFibreDelayPlusBothModules) {
  Fabric fabric(test::testCatalog());
  const NodeId a = fabric.addNode(named("a", NodeKind::PacketSwitch, "test-switch"));
  const NodeId b = fabric.addNode(named("b", NodeKind::PacketSwitch, "test-switch"));
  const Link& link = fabric.link(fabric.addLink(a, b, fabricLink(Length::metres(100))));
  // 100 m = 100,000 mm; delay = 100,000 x 1.468e9 / 299,792,458 ps = 489,672.09 ps -> 489,672.
  EXPECT_EQ(link.propagation.ps(), 489'672);
  EXPECT_EQ(link.propagation, fabric.catalog().fibre("test-fibre").delayOver(Length::metres(100)));
  // test-fabric adds 100 ns at each end: 2 x 100,000 ps.
  EXPECT_EQ(link.moduleLatency.ps(), 200'000);
  EXPECT_EQ(link.passiveLatency.ps(), 0);
  EXPECT_EQ(link.latency.ps(), 489'672 + 200'000);
  EXPECT_EQ(link.length, Length::metres(100));
  EXPECT_EQ(link.rate, DataRate::gbps(400));
  EXPECT_EQ(link.spans.size(), 1u);
}

TEST(Fabric, SpansThroughAnAmplifierAddItsLatencyAndSumTheirLengths) {
  Fabric fabric(test::testCatalog());
  const NodeId a = fabric.addNode(named("a", NodeKind::PacketSwitch, "test-switch"));
  const NodeId b = fabric.addNode(named("b", NodeKind::PacketSwitch, "test-switch"));
  const NodeId amp = fabric.addNode(named("amp", NodeKind::Amplifier, "test-amp"));
  LinkSpec spec;
  spec.module = "test-coherent";
  spec.fibre = "test-fibre";
  spec.spans = {Span{Length::kilometres(40), amp}, Span{Length::kilometres(60), kNoNode}};
  spec.channels = 2;
  spec.extraLoss = Decibel(1.0);
  const Link& link = fabric.link(fabric.addLink(a, b, spec));
  EXPECT_EQ(link.length, Length::kilometres(100));
  // 100 km = 1e8 mm; 1e8 x 1.468e9 / 299,792,458 = 489,672,091.75 ps -> 489,672,092.
  EXPECT_EQ(link.propagation.ps(), 489'672'092);
  // Two coherent ends of 1 us each, plus one test-amp of 150 ns.
  EXPECT_EQ(link.moduleLatency.ps(), 2'000'000);
  EXPECT_EQ(link.passiveLatency.ps(), 150'000);
  EXPECT_EQ(link.latency.ps(), 489'672'092 + 2'000'000 + 150'000);
  // Two 400G channels bundled.
  EXPECT_EQ(link.rate, DataRate::gbps(800));
  // Longest span 60 km x 0.25 dB/km = 15 dB, plus 1 dB extra.
  EXPECT_DOUBLE_EQ(link.worstSpanLoss.db(), 16.0);
}

TEST(Fabric, RejectsLinksToPassiveNodesAndBadSpans) {
  Fabric fabric(test::testCatalog());
  const NodeId a = fabric.addNode(named("a", NodeKind::PacketSwitch, "test-switch"));
  const NodeId b = fabric.addNode(named("b", NodeKind::PacketSwitch, "test-switch"));
  const NodeId amp = fabric.addNode(named("amp", NodeKind::Amplifier, "test-amp"));
  const NodeId roadm = fabric.addNode(named("roadm", NodeKind::Roadm, ""));
  EXPECT_THROW(fabric.addLink(a, amp, fabricLink(Length::metres(10))), std::invalid_argument);
  EXPECT_THROW(fabric.addLink(roadm, b, fabricLink(Length::metres(10))), std::invalid_argument);
  EXPECT_THROW(fabric.addLink(a, a, fabricLink(Length::metres(10))), std::invalid_argument);

  LinkSpec viaPacket = fabricLink(Length());
  viaPacket.spans = {Span{Length::metres(10), b}, Span{Length::metres(10), kNoNode}};
  EXPECT_THROW(fabric.addLink(a, b, viaPacket), std::invalid_argument);
  LinkSpec lastSpanVia = fabricLink(Length());
  lastSpanVia.spans = {Span{Length::metres(10), amp}};
  EXPECT_THROW(fabric.addLink(a, b, lastSpanVia), std::invalid_argument);
  EXPECT_EQ(fabric.linkCount(), 0u);
}

TEST(Fabric, RejectsDuplicateNamesAndUnknownModels) {
  Fabric fabric(test::testCatalog());
  const NodeId a = fabric.addNode(named("a", NodeKind::PacketSwitch, "test-switch"));
  const NodeId b = fabric.addNode(named("b", NodeKind::PacketSwitch, "test-switch"));
  EXPECT_THROW(fabric.addNode(named("a", NodeKind::Gpu, "test-gpu")), std::invalid_argument);
  EXPECT_NE(messageOf([&] {
              fabric.addNode(named("x", NodeKind::Gpu, "no-such-gpu"));
            }).find("no-such-gpu"),
            std::string::npos);

  LinkSpec bad = fabricLink(Length::metres(10));
  bad.module = "900G-WARP";
  const std::string message = messageOf([&] { fabric.addLink(a, b, bad); });
  EXPECT_NE(message.find("900G-WARP"), std::string::npos) << message;
  EXPECT_EQ(fabric.nodeCount(), 2u);
  EXPECT_EQ(fabric.linkCount(), 0u);
}

TEST(Fabric, IndexesNodesAndLinks) {
  Fabric fabric(test::testCatalog());
  const NodeId a = fabric.addNode(named("a", NodeKind::PacketSwitch, "test-switch"));
  const NodeId g = fabric.addNode(named("g", NodeKind::Gpu, "test-gpu"));
  const NodeId b = fabric.addNode(named("b", NodeKind::PacketSwitch, "test-switch"));
  const LinkId ab = fabric.addLink(a, b, fabricLink(Length::metres(1)));
  const LinkId ga = fabric.addLink(g, a, fabricLink(Length::metres(1)));
  EXPECT_EQ(fabric.findNode("g"), g);
  EXPECT_FALSE(fabric.findNode("nope").has_value());
  EXPECT_EQ(fabric.linksOf(a), (std::vector<LinkId>{ab, ga}));
  EXPECT_EQ(fabric.nodesOfKind(NodeKind::PacketSwitch), (std::vector<NodeId>{a, b}));
  EXPECT_EQ(fabric.countOf(NodeKind::Gpu), 1u);
  EXPECT_EQ(fabric.link(ga).other(g), a);
  EXPECT_EQ(boost::num_edges(fabric.graph()), 2u);
  fabric.setLinkUp(ab, false);
  EXPECT_FALSE(fabric.link(ab).up);
}

}  // namespace
}  // namespace ofe::topology
