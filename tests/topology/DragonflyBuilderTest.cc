#include "topology/DragonflyBuilder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <utility>

#include "TestSupport.h"

namespace ofe::topology {
namespace {

using test::countLinks;
using test::isKind;

// Global links counted per unordered group pair.
std::map<std::pair<int, int>, int> globalLinksByGroupPair(const Fabric& fabric) {
  std::map<std::pair<int, int>, int> pairs;
  for (const Link& link : fabric.links()) {
    const Node& a = fabric.node(link.a);
    const Node& b = fabric.node(link.b);
    if (a.kind != NodeKind::PacketSwitch || b.kind != NodeKind::PacketSwitch || a.pod == b.pod)
      continue;
    ++pairs[{std::min(a.pod, b.pod), std::max(a.pod, b.pod)}];
  }
  return pairs;
}

// Links of @p router that leave its group.
int globalDegree(const Fabric& fabric, NodeId router) {
  int n = 0;
  for (LinkId l : fabric.linksOf(router)) {
    const Node& peer = fabric.node(fabric.link(l).other(router));
    if (peer.kind == NodeKind::PacketSwitch && peer.pod != fabric.node(router).pod) ++n;
  }
  return n;
}

TEST(DragonflyBuilder, BalancedNineGroups) {
  Fabric fabric;
  DragonflyParams params;
  params.groups = 9;
  params.routersPerGroup = 4;
  params.gpusPerRouter = 2;
  params.globalLinksPerRouter = 2;
  const BuiltPart part = buildDragonfly(fabric, params);
  EXPECT_EQ(fabric.countOf(NodeKind::PacketSwitch), 36u);  // 9 x 4
  EXPECT_EQ(fabric.countOf(NodeKind::Gpu), 72u);           // 36 x 2
  EXPECT_EQ(countLinks(fabric, isKind(NodeKind::Gpu), isKind(NodeKind::PacketSwitch)), 72u);
  const auto pairs = globalLinksByGroupPair(fabric);
  int global = 0;
  for (const auto& entry : pairs) global += entry.second;
  // Local: 9 groups x 4 x 3 / 2 = 54. Global: 9 x 4 x 2 / 2 = 36.
  EXPECT_EQ(fabric.linkCount() - 72u - static_cast<std::size_t>(global), 54u);
  EXPECT_EQ(global, 36);
  // g = a*h + 1: each of the 9 x 8 / 2 = 36 group pairs has exactly one global link.
  EXPECT_EQ(pairs.size(), 36u);
  for (const auto& entry : pairs) {
    EXPECT_EQ(entry.second, 1) << entry.first.first << "-" << entry.first.second;
  }
  // Every router: 2 GPUs + 3 local + 2 global.
  for (NodeId r : part.switches) {
    EXPECT_EQ(globalDegree(fabric, r), 2) << fabric.node(r).name;
    EXPECT_EQ(fabric.linksOf(r).size(), 7u) << fabric.node(r).name;
  }
  EXPECT_EQ(fabric.node(*fabric.findNode("dc/group8/router3")).pod, 8);
  EXPECT_EQ(fabric.node(*fabric.findNode("dc/group8/router3/gpu1")).rack, 3);
}

TEST(DragonflyBuilder, SmallerGroupCountsSpreadGlobalLinksEvenly) {
  Fabric fabric;
  DragonflyParams params;
  params.groups = 4;
  params.routersPerGroup = 2;
  params.gpusPerRouter = 1;
  params.globalLinksPerRouter = 2;
  buildDragonfly(fabric, params);
  // 4 global ports per group over 3 other groups: one link to each, plus one
  // more to the opposite group (0-2, 1-3). 4 x 2 x 2 / 2 = 8 links.
  const auto pairs = globalLinksByGroupPair(fabric);
  EXPECT_EQ(pairs.size(), 6u);
  EXPECT_EQ(pairs.at({0, 2}), 2);
  EXPECT_EQ(pairs.at({1, 3}), 2);
  EXPECT_EQ(pairs.at({0, 1}), 1);
  EXPECT_EQ(pairs.at({2, 3}), 1);
  for (NodeId r : fabric.nodesOfKind(NodeKind::PacketSwitch)) EXPECT_EQ(globalDegree(fabric, r), 2);
}

TEST(DragonflyBuilder, RejectsTooManyGroupsAndOddGlobalPorts) {
  Fabric fabric;
  DragonflyParams params;
  params.groups = 10;  // > a*h + 1 = 9
  EXPECT_THROW(buildDragonfly(fabric, params), std::invalid_argument);
  params.groups = 3;
  params.routersPerGroup = 3;
  params.globalLinksPerRouter = 1;  // 3 x 3 x 1 = 9 global ends cannot pair up
  EXPECT_THROW(buildDragonfly(fabric, params), std::invalid_argument);
  params.groups = 1;  // no other group to reach
  EXPECT_THROW(buildDragonfly(fabric, params), std::invalid_argument);
  EXPECT_EQ(fabric.nodeCount(), 0u);
}

}  // namespace
}  // namespace ofe::topology
