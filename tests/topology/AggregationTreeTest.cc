// SHARP aggregation trees over the heads of a job, on rail pods whose leaves
// and spines are counted on paper.
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "topology/AggregationTree.h"
#include "topology/RailPodBuilder.h"

namespace ofe::topology {
namespace {

Fabric railPod(int units, int servers, int spines, const std::string& model = "qm9700-64x400G") {
  Fabric fabric;
  RailPodParams params;
  params.scalableUnits = units;
  params.serversPerUnit = servers;
  params.spines = spines;
  params.switchModel = model;
  buildRailPod(fabric, params);
  return fabric;
}

/// The GPU at @p slot of every server, in server order.
std::vector<NodeId> railOf(const Fabric& fabric, int slot) {
  std::vector<NodeId> gpus;
  for (NodeId g : fabric.nodesOfKind(NodeKind::Gpu)) {
    if (fabric.node(g).slot == slot) gpus.push_back(g);
  }
  return gpus;
}

TEST(AggregationTree, OneScalableUnitReducesInTheRailLeafAlone) {
  const Fabric fabric = railPod(1, 4, 0);
  const std::vector<NodeId> heads = railOf(fabric, 3);
  ASSERT_EQ(heads.size(), 4u);
  const AggregationTree tree = AggregationTree::over(fabric, heads);
  ASSERT_EQ(tree.switches().size(), 1u);
  EXPECT_EQ(fabric.node(tree.switches()[0]).name, "dc/su0/leaf3");
  EXPECT_EQ(tree.parent(0), -1);
  EXPECT_EQ(tree.height(), 0);
  for (int g = 0; g < 4; ++g) EXPECT_EQ(tree.leafOf(g), 0);
}

TEST(AggregationTree, TwoUnitsMeetAtASpineAndRailsSpreadOverTheSpines) {
  // 2 SUs x 4 servers, 4 spines: rail r has one leaf per SU, each linked to
  // every spine, so the root is a spine one hop above both leaves.
  const Fabric fabric = railPod(2, 4, 4);
  std::set<NodeId> roots;
  for (int rail = 0; rail < 8; ++rail) {
    const std::vector<NodeId> heads = railOf(fabric, rail);
    ASSERT_EQ(heads.size(), 8u);
    const AggregationTree tree = AggregationTree::over(fabric, heads, rail);
    ASSERT_EQ(tree.switches().size(), 3u);
    EXPECT_EQ(fabric.node(tree.switches()[0]).tier, 1);
    EXPECT_EQ(tree.height(), 1);
    EXPECT_EQ(tree.parent(1), 0);
    EXPECT_EQ(tree.parent(2), 0);
    // Servers 0-3 are in SU 0, 4-7 in SU 1: two different leaves of this rail.
    const NodeId leaf0 = tree.switches()[static_cast<std::size_t>(tree.leafOf(0))];
    const NodeId leaf1 = tree.switches()[static_cast<std::size_t>(tree.leafOf(7))];
    EXPECT_EQ(fabric.node(leaf0).name, "dc/su0/leaf" + std::to_string(rail));
    EXPECT_EQ(fabric.node(leaf1).name, "dc/su1/leaf" + std::to_string(rail));
    for (int g = 1; g < 4; ++g) EXPECT_EQ(tree.leafOf(g), tree.leafOf(0));
    roots.insert(tree.switches()[0]);
  }
  // The variant (= rail) takes the four equally good spines in turn.
  EXPECT_EQ(roots.size(), 4u);
}

TEST(AggregationTree, LeavesThatCannotReduceAreNamed) {
  const Fabric fabric = railPod(1, 2, 0, "51.2T-128x400G");
  try {
    AggregationTree::over(fabric, railOf(fabric, 0));
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("dc/su0/leaf0"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("in_network_reduction"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace ofe::topology
