#include "topology/CircuitSwitchLayerBuilder.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "TestSupport.h"

namespace ofe::topology {
namespace {

std::vector<NodeId> addSwitches(Fabric& fabric, int n, const std::string& model) {
  std::vector<NodeId> ids;
  for (int i = 0; i < n; ++i) {
    Node node;
    node.name = "dc/spine" + std::to_string(i);
    node.kind = NodeKind::PacketSwitch;
    node.model = model;
    node.site = "dc";
    node.tier = 1;
    ids.push_back(fabric.addNode(node));
  }
  return ids;
}

CircuitSwitchLayerParams testParams(std::vector<NodeId> switches, int ocs, int uplinks) {
  CircuitSwitchLayerParams params;
  params.switches = std::move(switches);
  params.circuitSwitches = ocs;
  params.uplinksPerSwitch = uplinks;
  params.circuitSwitchModel = "test-ocs-8";
  params.module = "test-fabric";
  params.fibre = "test-fibre";
  return params;
}

TEST(CircuitSwitchLayerBuilder, OneUplinkPerOcs) {
  Fabric fabric(test::testCatalog());
  const std::vector<NodeId> switches = addSwitches(fabric, 8, "test-switch");
  const BuiltPart part = buildCircuitSwitchLayer(fabric, testParams(switches, 4, 4));
  EXPECT_EQ(fabric.countOf(NodeKind::CircuitSwitch), 4u);
  EXPECT_EQ(part.passive.size(), 4u);
  EXPECT_EQ(fabric.node(part.passive[3]).name, "dc/ocs3");
  // 8 switches x 4 uplinks / 2 ends per circuit.
  EXPECT_EQ(fabric.linkCount(), 16u);
  EXPECT_EQ(part.links.size(), 16u);
  for (const Link& link : fabric.links()) {
    ASSERT_EQ(link.spans.size(), 2u);
    EXPECT_EQ(fabric.node(link.spans[0].via).kind, NodeKind::CircuitSwitch);
    EXPECT_EQ(link.spans[1].via, kNoNode);
    EXPECT_NE(link.a, link.b);
    // 2 x 200 m = 400,000 mm; 400,000 x 1.468e9 / 299,792,458 = 1,958,688.37 -> 1,958,688 ps,
    // plus 2 x 100 ns of test-fabric; the OCS adds loss (2 dB), no latency.
    EXPECT_EQ(link.length, Length::metres(400));
    EXPECT_EQ(link.latency.ps(), 1'958'688 + 200'000);
    EXPECT_DOUBLE_EQ(link.extraLoss.db(), 2.0);
  }
  // Uplink u of each switch lands on OCS u mod 4: one circuit through each OCS.
  for (NodeId sw : switches) {
    std::set<NodeId> through;
    for (LinkId l : fabric.linksOf(sw)) through.insert(fabric.link(l).spans[0].via);
    EXPECT_EQ(fabric.linksOf(sw).size(), 4u);
    EXPECT_EQ(through.size(), 4u);
  }
}

TEST(CircuitSwitchLayerBuilder, SeveralUplinksPerOcs) {
  Fabric fabric(test::testCatalog());
  const std::vector<NodeId> switches = addSwitches(fabric, 4, "test-switch");
  buildCircuitSwitchLayer(fabric, testParams(switches, 2, 4));
  // Each OCS takes 2 uplinks from each of 4 switches: 8 ports = 4 circuits; 8 in all.
  EXPECT_EQ(fabric.linkCount(), 8u);
  std::map<NodeId, std::map<NodeId, int>> endsPerOcs;
  for (const Link& link : fabric.links()) {
    ++endsPerOcs[link.spans[0].via][link.a];
    ++endsPerOcs[link.spans[0].via][link.b];
  }
  ASSERT_EQ(endsPerOcs.size(), 2u);
  for (const auto& [ocs, ends] : endsPerOcs) {
    ASSERT_EQ(ends.size(), 4u) << fabric.node(ocs).name;
    for (const auto& [sw, count] : ends) EXPECT_EQ(count, 2) << fabric.node(sw).name;
  }
}

TEST(CircuitSwitchLayerBuilder, RejectsOcsPortOverflow) {
  Fabric fabric(test::testCatalog());
  const std::vector<NodeId> switches = addSwitches(fabric, 6, "test-switch");
  // One OCS receiving 6 switches x 2 uplinks = 12 ports; test-ocs-8 has 8.
  try {
    buildCircuitSwitchLayer(fabric, testParams(switches, 1, 2));
    FAIL() << "12 ports on an 8-port OCS accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("needs 12 ports"), std::string::npos) << e.what();
  }
  // 3 switches x 1 uplink cannot be paired into circuits.
  EXPECT_THROW(
      buildCircuitSwitchLayer(fabric, testParams({switches[0], switches[1], switches[2]}, 1, 1)),
      std::invalid_argument);
  EXPECT_EQ(fabric.countOf(NodeKind::CircuitSwitch), 0u);
  EXPECT_EQ(fabric.linkCount(), 0u);
}

TEST(CircuitSwitchLayerBuilder, RejectsSwitchRadixOverflow) {
  Fabric fabric(test::testCatalog());
  const std::vector<NodeId> switches = addSwitches(fabric, 2, "test-switch-4");
  // 5 uplinks on a 4-port switch; the OCS side (3 and 2 rounds of 2 switches) would fit.
  try {
    buildCircuitSwitchLayer(fabric, testParams(switches, 2, 5));
    FAIL() << "5 uplinks on a 4-port switch accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("cannot take 5 more"), std::string::npos) << e.what();
  }
  // 4 uplinks fit exactly: each of the 2 OCS joins the two switches twice.
  buildCircuitSwitchLayer(fabric, testParams(switches, 2, 4));
  EXPECT_EQ(fabric.linkCount(), 4u);
}

}  // namespace
}  // namespace ofe::topology
