#include "topology/MultiSiteComposer.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "TestSupport.h"
#include "topology/ClosBuilder.h"
#include "topology/RailPodBuilder.h"
#include "topology/Routing.h"

namespace ofe::topology {
namespace {

// A small eastern demand site: 2 leaves x 4 GPUs, 2 spines, 1:1 with 400G on
// both sides, so 4 uplinks per leaf, 2 to each spine.
// Nodes 8 GPUs + 4 switches; links 8 host + 8 leaf-spine.
ClosParams smallClos(const std::string& site) {
  ClosParams params;
  params.site = site;
  params.leavesPerPod = 2;
  params.spinesPerPod = 2;
  params.gpusPerLeaf = 4;
  return params;
}

// Follows the first next hop from @p src to @p dst, summing link latencies.
Duration walkLatency(const Fabric& fabric, const Routing& routing, NodeId src, NodeId dst,
                     int* hops) {
  Duration sum;
  *hops = 0;
  for (NodeId at = src; at != dst; ++*hops) {
    const LinkRange next = routing.nextHops(at, dst);
    if (next.empty() || *hops > 64) return Duration::picoseconds(-1);
    sum += fabric.link(next[0]).latency;
    at = fabric.link(next[0]).other(at);
  }
  return sum;
}

TEST(MultiSiteComposer, EastDataWestComputing) {
  Fabric fabric;
  // West (Zhongwei): a rail-optimised training pod, 1 SU of 4 servers x 8 GPUs,
  // 2 spines so they keep free ports for the border.
  RailPodParams west;
  west.site = "zhongwei";
  west.serversPerUnit = 4;
  west.spines = 2;
  const BuiltPart westPart = buildRailPod(fabric, west);
  // 32 GPUs, 8 leaves, 2 spines, 4 NVSwitches; links 32 host + 32 NVLink + 8 leaves x 4 uplinks.
  ASSERT_EQ(fabric.nodeCount(), 46u);
  ASSERT_EQ(fabric.linkCount(), 96u);
  const BuiltPart eastPart = buildClos(fabric, smallClos("shanghai"));
  ASSERT_EQ(fabric.nodeCount(), 58u);
  ASSERT_EQ(fabric.linkCount(), 112u);

  BorderParams border;
  border.borderSwitches = 2;
  const std::vector<NodeId> westBorders = addBorderSwitches(fabric, westPart, border);
  const std::vector<NodeId> eastBorders = addBorderSwitches(fabric, eastPart, border);
  ASSERT_EQ(westBorders.size(), 2u);
  EXPECT_EQ(fabric.node(westBorders[1]).name, "zhongwei/border1");
  EXPECT_EQ(fabric.node(eastBorders[0]).site, "shanghai");
  EXPECT_EQ(fabric.node(eastBorders[0]).tier, 3);
  // Each border links once to each of its site's 2 spines.
  EXPECT_EQ(fabric.linksOf(westBorders[0]).size(), 2u);

  LongHaulParams route;
  route.name = "zhongwei-shanghai";
  route.distance = Length::kilometres(1500);
  const BuiltPart wan = connectSitesOverland(fabric, westBorders, eastBorders, route);
  // Two routes of 19 spans: 2 x 18 amplifiers; one link each.
  EXPECT_EQ(fabric.countOf(NodeKind::Amplifier), 36u);
  EXPECT_EQ(wan.links.size(), 2u);
  EXPECT_TRUE(fabric.findNode("zhongwei-shanghai-0/amp17").has_value());
  EXPECT_TRUE(fabric.findNode("zhongwei-shanghai-1/amp0").has_value());
  // Nodes: 46 + 12 + 4 borders + 36 amplifiers. Links: 112 + 2 x 2 x 2 border + 2 WAN.
  EXPECT_EQ(fabric.nodeCount(), 98u);
  EXPECT_EQ(fabric.linkCount(), 122u);

  const Routing hops = Routing::compute(fabric, RouteMetric::Hops);
  const NodeId westGpu = *fabric.findNode("zhongwei/su0/server2/gpu5");
  const NodeId eastGpu = *fabric.findNode("shanghai/pod0/rack1/gpu3");
  // GPU-leaf-spine-border =WAN= border-spine-leaf-GPU: 7 links.
  EXPECT_EQ(hops.distance(westGpu, eastGpu), 7);
  EXPECT_EQ(hops.distance(eastGpu, westGpu), 7);
  // A west spine may leave through either border; each border has one WAN link.
  EXPECT_EQ(hops.nextHops(*fabric.findNode("zhongwei/spine0"), eastGpu).size(), 2u);
  const LinkRange fromBorder = hops.nextHops(westBorders[0], eastGpu);
  ASSERT_EQ(fromBorder.size(), 1u);
  EXPECT_EQ(fromBorder[0], wan.links[0]);

  // The latency metric's distance is the sum of the link latencies on the path,
  // and the WAN link dominates it.
  const Routing latency = Routing::compute(fabric, RouteMetric::Latency);
  int walked = 0;
  const Duration path = walkLatency(fabric, latency, westGpu, eastGpu, &walked);
  EXPECT_EQ(walked, 7);
  EXPECT_EQ(path.ps(), latency.distance(westGpu, eastGpu));
  EXPECT_GT(path, fabric.link(wan.links[0]).latency);
}

TEST(MultiSiteComposer, TransPacificSubsea) {
  Fabric fabric;
  const BuiltPart la = buildClos(fabric, smallClos("la"));
  const BuiltPart hk = buildClos(fabric, smallClos("hk"));
  BorderParams border;
  border.borderSwitches = 1;
  const std::vector<NodeId> laBorders = addBorderSwitches(fabric, la, border);
  const std::vector<NodeId> hkBorders = addBorderSwitches(fabric, hk, border);
  SubmarineCableParams cable;
  cable.name = "plcn";
  cable.wetLength = Length::kilometres(12'800);
  cable.repeaterSpacing = Length::kilometres(60);
  const BuiltPart wet = connectSitesSubsea(fabric, laBorders, hkBorders, cable);
  // 213 repeaters + 2 landing stations for the single cable.
  EXPECT_EQ(fabric.countOf(NodeKind::Repeater), 213u);
  EXPECT_EQ(fabric.countOf(NodeKind::LandingStation), 2u);
  EXPECT_TRUE(fabric.findNode("plcn-0/landingA").has_value());
  EXPECT_EQ(wet.passive.size(), 215u);
  // Nodes: 2 x 12 + 2 borders + 215 = 241. Links: 2 x 16 + 2 x 2 border + 1 cable = 37.
  EXPECT_EQ(fabric.nodeCount(), 241u);
  EXPECT_EQ(fabric.linkCount(), 37u);

  const Routing routing = Routing::compute(fabric, RouteMetric::Hops);
  const NodeId laGpu = *fabric.findNode("la/pod0/rack0/gpu0");
  const NodeId hkGpu = *fabric.findNode("hk/pod0/rack1/gpu2");
  EXPECT_EQ(routing.distance(laGpu, hkGpu), 7);
  // Within one site the cable is not used: GPU-leaf-spine-leaf-GPU.
  EXPECT_EQ(routing.distance(laGpu, *fabric.findNode("la/pod0/rack1/gpu0")), 4);
}

TEST(MultiSiteComposer, RejectsMismatchedBorders) {
  Fabric fabric;
  const BuiltPart a = buildClos(fabric, smallClos("a"));
  const BuiltPart b = buildClos(fabric, smallClos("b"));
  BorderParams border;
  const std::vector<NodeId> bordersA = addBorderSwitches(fabric, a, border);
  border.borderSwitches = 1;
  const std::vector<NodeId> bordersB = addBorderSwitches(fabric, b, border);
  LongHaulParams route;
  route.name = "a-b";
  EXPECT_THROW(connectSitesOverland(fabric, bordersA, bordersB, route), std::invalid_argument);
  route.name = "";
  EXPECT_THROW(connectSitesOverland(fabric, bordersA, bordersA, route), std::invalid_argument);
  // A second set of border switches continues the numbering.
  const std::vector<NodeId> more = addBorderSwitches(fabric, b, border);
  EXPECT_EQ(fabric.node(more[0]).name, "b/border1");
  BuiltPart empty;
  empty.site = "nowhere";
  EXPECT_THROW(addBorderSwitches(fabric, empty, border), std::invalid_argument);
}

}  // namespace
}  // namespace ofe::topology
