#include "topology/ClosBuilder.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "TestSupport.h"

namespace ofe::topology {
namespace {

using test::countLinks;
using test::countTier;
using test::isKind;
using test::isTier;

// Builtin defaults use 400G modules on both sides; the counts below rely on it.
void expect400GModules(const Fabric& fabric, const ClosParams& params) {
  ASSERT_EQ(fabric.catalog().module(params.hostModule).rate, DataRate::gbps(400));
  ASSERT_EQ(fabric.catalog().module(params.fabricModule).rate, DataRate::gbps(400));
}

TEST(ClosBuilder, TwoToOneLeafSpine) {
  Fabric fabric;
  ClosParams params;
  params.leavesPerPod = 4;
  params.spinesPerPod = 2;
  params.gpusPerLeaf = 8;
  params.oversubscription = 2.0;
  expect400GModules(fabric, params);
  const BuiltPart part = buildClos(fabric, params);
  // Uplinks per leaf = 8 x 400G / (2 x 400G) = 4, i.e. 2 to each of the 2 spines.
  EXPECT_EQ(fabric.countOf(NodeKind::Gpu), 32u);
  EXPECT_EQ(countTier(fabric, 0), 4u);
  EXPECT_EQ(countTier(fabric, 1), 2u);
  EXPECT_EQ(countLinks(fabric, isKind(NodeKind::Gpu), isTier(0)), 32u);
  EXPECT_EQ(countLinks(fabric, isTier(0), isTier(1)), 16u);  // 4 leaves x 4 uplinks
  EXPECT_EQ(fabric.linkCount(), 48u);
  for (const char* leaf : {"dc/pod0/leaf0", "dc/pod0/leaf3"}) {
    const NodeId id = *fabric.findNode(leaf);
    EXPECT_EQ(fabric.linksOf(id).size(), 12u) << leaf;  // 8 down + 4 up
  }
  // Each spine: 4 leaves x 2 links.
  EXPECT_EQ(fabric.linksOf(*fabric.findNode("dc/pod0/spine1")).size(), 8u);
  EXPECT_EQ(part.top.size(), 2u);
  for (NodeId t : part.top) EXPECT_EQ(fabric.node(t).tier, 1);
  const Node& gpu = fabric.node(*fabric.findNode("dc/pod0/rack2/gpu7"));
  EXPECT_EQ(gpu.rack, 2);
  EXPECT_EQ(gpu.slot, 7);
}

TEST(ClosBuilder, ThreeTierWithSuperspines) {
  Fabric fabric;
  ClosParams params;
  params.pods = 2;
  params.leavesPerPod = 4;
  params.spinesPerPod = 4;
  params.gpusPerLeaf = 8;
  params.oversubscription = 1.0;
  params.superspines = 2;
  params.spineOversubscription = 2.0;
  expect400GModules(fabric, params);
  const BuiltPart part = buildClos(fabric, params);
  // Leaf: 8 x 400G / 400G = 8 uplinks, 2 to each of 4 spines.
  // Spine: 4 leaves x 2 = 8 downlinks; 8 / 2 = 4 uplinks, 2 to each of 2 superspines.
  EXPECT_EQ(fabric.countOf(NodeKind::Gpu), 64u);
  EXPECT_EQ(countTier(fabric, 0), 8u);
  EXPECT_EQ(countTier(fabric, 1), 8u);
  EXPECT_EQ(countTier(fabric, 2), 2u);
  EXPECT_EQ(countLinks(fabric, isKind(NodeKind::Gpu), isTier(0)), 64u);
  EXPECT_EQ(countLinks(fabric, isTier(0), isTier(1)), 64u);  // 8 leaves x 8
  EXPECT_EQ(countLinks(fabric, isTier(1), isTier(2)), 32u);  // 8 spines x 4
  EXPECT_EQ(fabric.linkCount(), 160u);
  EXPECT_EQ(fabric.linksOf(*fabric.findNode("dc/pod1/spine3")).size(), 12u);  // 8 down + 4 up
  EXPECT_EQ(fabric.linksOf(*fabric.findNode("dc/superspine1")).size(), 16u);  // 8 spines x 2
  ASSERT_EQ(part.top.size(), 2u);
  EXPECT_EQ(fabric.node(part.top[0]).name, "dc/superspine0");
  EXPECT_EQ(part.switches.size(), 18u);
}

TEST(ClosBuilder, RejectsUnevenUplinksAndMissingSuperspines) {
  Fabric fabric;
  ClosParams params;
  params.spinesPerPod = 3;  // 8 uplinks over 3 spines
  try {
    buildClos(fabric, params);
    FAIL() << "8 uplinks over 3 spines accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("spinesPerPod 3"), std::string::npos) << e.what();
  }
  params.spinesPerPod = 2;
  params.pods = 2;
  EXPECT_THROW(buildClos(fabric, params), std::invalid_argument);
  params.pods = 1;
  params.oversubscription = 0.5;
  EXPECT_THROW(buildClos(fabric, params), std::invalid_argument);
  params.oversubscription = 1.0;
  params.superspines = 3;  // spine uplinks 4 x 4 / 1 = 16, not a multiple of 3
  EXPECT_THROW(buildClos(fabric, params), std::invalid_argument);
  EXPECT_EQ(fabric.nodeCount(), 0u);
}

TEST(ClosBuilder, RejectsLeafBeyondRadix) {
  Fabric fabric;
  ClosParams params;
  const int ports = fabric.catalog().packetSwitch(params.switchModel).ports;
  // gpusPerLeaf = ports at 1:1 needs 2 x ports on the leaf.
  params.gpusPerLeaf = ports;
  params.spinesPerPod = 1;
  EXPECT_THROW(buildClos(fabric, params), std::invalid_argument);
  EXPECT_EQ(fabric.nodeCount(), 0u);
}

}  // namespace
}  // namespace ofe::topology
