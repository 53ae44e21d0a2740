#include "topology/TorusBuilder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "TestSupport.h"

namespace ofe::topology {
namespace {

using test::countLinks;
using test::isKind;

std::size_t routerLinks(const Fabric& fabric) {
  return countLinks(fabric, isKind(NodeKind::PacketSwitch), isKind(NodeKind::PacketSwitch));
}

bool linked(const Fabric& fabric, const std::string& x, const std::string& y) {
  const NodeId a = *fabric.findNode(x);
  const NodeId b = *fabric.findNode(y);
  for (LinkId l : fabric.linksOf(a)) {
    if (fabric.link(l).other(a) == b) return true;
  }
  return false;
}

TEST(TorusBuilder, FourByFour) {
  Fabric fabric;
  TorusParams params;
  params.dims = {4, 4};
  const BuiltPart part = buildTorus(fabric, params);
  EXPECT_EQ(fabric.countOf(NodeKind::PacketSwitch), 16u);
  EXPECT_EQ(fabric.countOf(NodeKind::Gpu), 16u);
  // Two rings of 4 per position: 16 + 16 neighbour links, plus 16 GPU links.
  EXPECT_EQ(routerLinks(fabric), 32u);
  EXPECT_EQ(fabric.linkCount(), 48u);
  for (NodeId r : part.switches) EXPECT_EQ(fabric.linksOf(r).size(), 5u);  // 4 neighbours + 1 GPU
  // Wrap-around in both dimensions.
  EXPECT_TRUE(linked(fabric, "dc/router0-0", "dc/router3-0"));
  EXPECT_TRUE(linked(fabric, "dc/router0-0", "dc/router0-3"));
  EXPECT_TRUE(linked(fabric, "dc/router2-1", "dc/router2-2"));
  EXPECT_FALSE(linked(fabric, "dc/router0-0", "dc/router1-1"));
  EXPECT_TRUE(fabric.findNode("dc/router3-3/gpu0").has_value());
}

TEST(TorusBuilder, TwoByThreeByFour) {
  Fabric fabric;
  TorusParams params;
  params.dims = {2, 3, 4};
  params.gpusPerRouter = 2;
  const BuiltPart part = buildTorus(fabric, params);
  EXPECT_EQ(fabric.countOf(NodeKind::PacketSwitch), 24u);
  EXPECT_EQ(fabric.countOf(NodeKind::Gpu), 48u);
  // Size 2: 24 / 2 = 12 links; size 3: 24; size 4: 24. Total 60, plus 48 GPU links.
  EXPECT_EQ(routerLinks(fabric), 60u);
  EXPECT_EQ(fabric.linkCount(), 108u);
  // Neighbours per router: 1 + 2 + 2, all distinct (no doubled link in the size-2 ring).
  for (NodeId r : part.switches) {
    std::set<NodeId> peers;
    std::size_t neighbourLinks = 0;
    for (LinkId l : fabric.linksOf(r)) {
      const NodeId p = fabric.link(l).other(r);
      if (fabric.node(p).kind != NodeKind::PacketSwitch) continue;
      peers.insert(p);
      ++neighbourLinks;
    }
    EXPECT_EQ(neighbourLinks, 5u) << fabric.node(r).name;
    EXPECT_EQ(peers.size(), 5u) << fabric.node(r).name;
  }
  EXPECT_TRUE(linked(fabric, "dc/router0-2-3", "dc/router1-2-3"));
  EXPECT_TRUE(linked(fabric, "dc/router1-2-3", "dc/router1-0-3"));
  EXPECT_TRUE(linked(fabric, "dc/router1-2-3", "dc/router1-2-0"));
}

TEST(TorusBuilder, RejectsBadDimensions) {
  Fabric fabric;
  TorusParams params;
  params.dims = {4};
  EXPECT_THROW(buildTorus(fabric, params), std::invalid_argument);
  params.dims = {4, 1};
  EXPECT_THROW(buildTorus(fabric, params), std::invalid_argument);
  params.dims = {2, 2, 2, 2};
  EXPECT_THROW(buildTorus(fabric, params), std::invalid_argument);
  params.dims = {4, 4};
  params.gpusPerRouter = fabric.catalog().packetSwitch(params.switchModel).ports;  // + 4 neighbours
  EXPECT_THROW(buildTorus(fabric, params), std::invalid_argument);
  EXPECT_EQ(fabric.nodeCount(), 0u);
}

}  // namespace
}  // namespace ofe::topology
