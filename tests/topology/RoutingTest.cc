#include "topology/Routing.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "TestSupport.h"
#include "topology/FatTreeBuilder.h"

namespace ofe::topology {
namespace {

// k=8 fat-tree on the test catalog: host links 3 m of test-host (50 ns per
// end), edge-agg 30 m and agg-core 100 m of test-fabric (100 ns per end).
FatTreeParams testFatTree() {
  FatTreeParams params;
  params.k = 8;
  params.switchModel = "test-switch";
  params.gpuModel = "test-gpu";
  params.hostModule = "test-host";
  params.fabricModule = "test-fabric";
  params.hostFibre = "test-fibre";
  params.fabricFibre = "test-fibre";
  return params;
}

NodeId id(const Fabric& fabric, const std::string& name) {
  const auto n = fabric.findNode(name);
  EXPECT_TRUE(n.has_value()) << name;
  return n.value_or(kNoNode);
}

std::set<std::string> nextNodes(const Fabric& fabric, const Routing& routing, NodeId at,
                                NodeId dst) {
  std::set<std::string> out;
  for (LinkId l : routing.nextHops(at, dst)) out.insert(fabric.node(fabric.link(l).other(at)).name);
  return out;
}

TEST(Routing, FatTreeEqualCostNextHops) {
  Fabric fabric(test::testCatalog());
  buildFatTree(fabric, testFatTree());
  const Routing routing = Routing::compute(fabric);
  const NodeId src = id(fabric, "dc/pod0/rack0/gpu0");
  const NodeId dst = id(fabric, "dc/pod1/rack0/gpu0");
  // Up to any of the k/2 = 4 aggs, any of their 4 cores, then one way down.
  EXPECT_EQ(
      nextNodes(fabric, routing, id(fabric, "dc/pod0/edge0"), dst),
      (std::set<std::string>{"dc/pod0/agg0", "dc/pod0/agg1", "dc/pod0/agg2", "dc/pod0/agg3"}));
  EXPECT_EQ(routing.nextHops(id(fabric, "dc/pod0/agg2"), dst).size(), 4u);
  // Core 9 belongs to group 2 (cores 8..11), joined to agg 2 of every pod.
  EXPECT_EQ(nextNodes(fabric, routing, id(fabric, "dc/core9"), dst),
            (std::set<std::string>{"dc/pod1/agg2"}));
  EXPECT_EQ(nextNodes(fabric, routing, id(fabric, "dc/pod1/agg2"), dst),
            (std::set<std::string>{"dc/pod1/edge0"}));
  EXPECT_EQ(nextNodes(fabric, routing, id(fabric, "dc/pod1/edge0"), dst),
            (std::set<std::string>{"dc/pod1/rack0/gpu0"}));
  EXPECT_EQ(nextNodes(fabric, routing, src, dst), (std::set<std::string>{"dc/pod0/edge0"}));
  // GPU-edge-agg-core-agg-edge-GPU.
  EXPECT_EQ(routing.distance(src, dst), 6);
  // Same pod, other edge: up to any agg, then straight down.
  const NodeId samePod = id(fabric, "dc/pod0/rack3/gpu1");
  EXPECT_EQ(routing.distance(src, samePod), 4);
  EXPECT_EQ(routing.nextHops(id(fabric, "dc/pod0/edge0"), samePod).size(), 4u);
  EXPECT_EQ(routing.nextHops(id(fabric, "dc/pod0/agg1"), samePod).size(), 1u);
  // No next hop at the destination, and only GPUs are destinations.
  EXPECT_TRUE(routing.nextHops(dst, dst).empty());
  EXPECT_EQ(routing.distance(dst, dst), 0);
  const NodeId edge = id(fabric, "dc/pod1/edge0");
  EXPECT_TRUE(routing.nextHops(src, edge).empty());
  EXPECT_EQ(routing.distance(src, edge), Routing::kUnreachable);
}

TEST(Routing, LatencyMetricSumsLinkLatencies) {
  Fabric fabric(test::testCatalog());
  buildFatTree(fabric, testFatTree());
  const Routing routing = Routing::compute(fabric, RouteMetric::Latency);
  const NodeId src = id(fabric, "dc/pod0/rack0/gpu0");
  const NodeId dst = id(fabric, "dc/pod1/rack0/gpu0");
  // Host link: 3,000 mm x 1.468e9 / 299,792,458 = 14,690.16 -> 14,690 ps, + 2 x 50 ns = 114,690.
  // Edge-agg: 30,000 mm -> 146,901.63 -> 146,902 ps, + 2 x 100 ns = 346,902.
  // Agg-core: 100,000 mm -> 489,672.09 -> 489,672 ps, + 2 x 100 ns = 689,672.
  // Across pods each is crossed twice: 2 x (114,690 + 346,902 + 689,672) = 2,302,528.
  EXPECT_EQ(routing.distance(src, dst), 2'302'528);
  // Within a pod: 2 x (114,690 + 346,902) = 923,184.
  EXPECT_EQ(routing.distance(src, id(fabric, "dc/pod0/rack3/gpu1")), 923'184);
  // Following next hops adds up to the same figure.
  std::int64_t walked = 0;
  int hops = 0;
  for (NodeId at = src; at != dst && hops < 10; ++hops) {
    const LinkRange next = routing.nextHops(at, dst);
    ASSERT_FALSE(next.empty()) << fabric.node(at).name;
    walked += fabric.link(next[0]).latency.ps();
    at = fabric.link(next[0]).other(at);
  }
  EXPECT_EQ(hops, 6);
  EXPECT_EQ(walked, 2'302'528);
  // All uplinks of an edge are equally fast, so ECMP still spreads over 4.
  EXPECT_EQ(routing.nextHops(id(fabric, "dc/pod0/edge0"), dst).size(), 4u);
}

TEST(Routing, LatencyAndHopMetricsCanDisagree) {
  Fabric fabric(test::testCatalog());
  auto add = [&](const std::string& name, NodeKind kind, const std::string& model) {
    Node n;
    n.name = name;
    n.kind = kind;
    n.model = model;
    return fabric.addNode(n);
  };
  auto link = [&](NodeId a, NodeId b, Length length) {
    LinkSpec spec;
    spec.module = "test-fabric";
    spec.fibre = "test-fibre";
    spec.length = length;
    return fabric.addLink(a, b, spec);
  };
  const NodeId s1 = add("s1", NodeKind::PacketSwitch, "test-switch");
  const NodeId s2 = add("s2", NodeKind::PacketSwitch, "test-switch");
  const NodeId s3 = add("s3", NodeKind::PacketSwitch, "test-switch");
  const NodeId g1 = add("g1", NodeKind::Gpu, "test-gpu");
  const NodeId g2 = add("g2", NodeKind::Gpu, "test-gpu");
  link(g1, s1, Length::metres(10));
  link(g2, s2, Length::metres(10));
  const LinkId direct = link(s1, s2, Length::kilometres(10));
  const LinkId viaS3 = link(s1, s3, Length::metres(10));
  link(s3, s2, Length::metres(10));

  const Routing hops = Routing::compute(fabric, RouteMetric::Hops);
  EXPECT_EQ(hops.distance(g1, g2), 3);
  ASSERT_EQ(hops.nextHops(s1, g2).size(), 1u);
  EXPECT_EQ(hops.nextHops(s1, g2)[0], direct);

  // 10 m: 10,000 mm -> 48,967.21 -> 48,967 ps + 200,000 = 248,967 per short link.
  // 10 km: 1e7 mm -> 48,967,209.18 -> 48,967,209 + 200,000 = 49,167,209 for the direct one.
  // Via s3: 2 x 248,967 = 497,934 < 49,167,209.
  const Routing latency = Routing::compute(fabric, RouteMetric::Latency);
  ASSERT_EQ(latency.nextHops(s1, g2).size(), 1u);
  EXPECT_EQ(latency.nextHops(s1, g2)[0], viaS3);
  EXPECT_EQ(latency.distance(g1, g2), 248'967 + 497'934 + 248'967);
}

TEST(Routing, FailedLinksLeaveTheNextHopSets) {
  Fabric fabric(test::testCatalog());
  buildFatTree(fabric, testFatTree());
  const NodeId src = id(fabric, "dc/pod0/rack0/gpu0");
  const NodeId dst = id(fabric, "dc/pod1/rack0/gpu0");
  const NodeId edge = id(fabric, "dc/pod0/edge0");
  std::vector<LinkId> uplinks;
  for (LinkId l : fabric.linksOf(edge)) {
    if (fabric.node(fabric.link(l).other(edge)).tier == 1) uplinks.push_back(l);
  }
  ASSERT_EQ(uplinks.size(), 4u);

  fabric.setLinkUp(uplinks[0], false);
  Routing routing = Routing::compute(fabric);
  const LinkRange next = routing.nextHops(edge, dst);
  EXPECT_EQ(next.size(), 3u);
  for (LinkId l : next) EXPECT_NE(l, uplinks[0]);
  // Three uplinks remain: same distance.
  EXPECT_EQ(routing.distance(src, dst), 6);
  // pod0/agg0 lost its way down to edge0: it now bounces through another edge
  // of its pod and one of that edge's other aggs (agg0-edgeX-aggY-edge0-GPU).
  EXPECT_EQ(nextNodes(fabric, routing, id(fabric, "dc/pod0/agg0"), src),
            (std::set<std::string>{"dc/pod0/edge1", "dc/pod0/edge2", "dc/pod0/edge3"}));
  EXPECT_EQ(routing.distance(id(fabric, "dc/pod0/agg0"), src), 4);
  for (LinkId l : uplinks) fabric.setLinkUp(l, false);
  routing = Routing::compute(fabric);
  EXPECT_EQ(routing.distance(src, dst), Routing::kUnreachable);
  EXPECT_TRUE(routing.nextHops(src, dst).empty());
  EXPECT_TRUE(routing.nextHops(edge, dst).empty());
  // GPUs on the same edge still reach each other.
  EXPECT_EQ(routing.distance(src, id(fabric, "dc/pod0/rack0/gpu1")), 2);

  for (LinkId l : uplinks) fabric.setLinkUp(l, true);
  routing = Routing::compute(fabric);
  EXPECT_EQ(routing.nextHops(edge, dst).size(), 4u);
}

// Every (node, destination) cell of the run-compressed table against the
// definition: the up links to a neighbour one step closer that is not a
// transit GPU. And the compression itself: a fat-tree needs at most 3 runs
// per GPU (before, at and after itself), k/2 + 2 per edge and agg switch and
// k per core, where a dense table has one cell per (node, GPU).
TEST(Routing, CompressedTableMatchesTheDistances) {
  Fabric fabric(test::testCatalog());
  buildFatTree(fabric, testFatTree());
  const Routing routing = Routing::compute(fabric);
  const std::vector<NodeId> gpus = fabric.nodesOfKind(NodeKind::Gpu);
  std::size_t cells = 0;
  for (NodeId u = 0; u < fabric.nodeCount(); ++u) {
    for (NodeId dst : gpus) {
      std::set<LinkId> expected;
      if (u != dst) {
        for (LinkId l : fabric.linksOf(u)) {
          const NodeId v = fabric.link(l).other(u);
          if (v != dst && fabric.node(v).kind == NodeKind::Gpu) continue;
          if (routing.distance(v, dst) + 1 == routing.distance(u, dst)) expected.insert(l);
        }
      }
      const LinkRange hops = routing.nextHops(u, dst);
      EXPECT_EQ(std::set<LinkId>(hops.begin(), hops.end()), expected) << fabric.node(u).name << " -> "
                                                                      << fabric.node(dst).name;
      ++cells;
    }
  }
  EXPECT_EQ(cells, 208u * 128u);
  const std::size_t k = 8;
  EXPECT_LE(routing.tableRuns(), 128 * 3 + 64 * (k / 2 + 2) + 16 * k);
}

TEST(Routing, NeverTransitsAGpu) {
  // s1 - s3 - s4 - s2 is a chain of switches; GPU g is dual-homed to s1 and
  // s2, so s1 - g - s2 would be a two-link shortcut if GPUs forwarded.
  Fabric fabric(test::testCatalog());
  auto add = [&](const std::string& name, NodeKind kind, const std::string& model) {
    Node n;
    n.name = name;
    n.kind = kind;
    n.model = model;
    return fabric.addNode(n);
  };
  LinkSpec spec;
  spec.module = "test-fabric";
  spec.fibre = "test-fibre";
  spec.length = Length::metres(1);
  const NodeId s1 = add("s1", NodeKind::PacketSwitch, "test-switch");
  const NodeId s2 = add("s2", NodeKind::PacketSwitch, "test-switch");
  const NodeId s3 = add("s3", NodeKind::PacketSwitch, "test-switch");
  const NodeId s4 = add("s4", NodeKind::PacketSwitch, "test-switch");
  const NodeId g = add("g", NodeKind::Gpu, "test-gpu");
  const NodeId h = add("h", NodeKind::Gpu, "test-gpu");
  const NodeId j = add("j", NodeKind::Gpu, "test-gpu");
  fabric.addLink(g, s1, spec);
  const LinkId gToS2 = fabric.addLink(g, s2, spec);
  fabric.addLink(h, s2, spec);
  fabric.addLink(j, s1, spec);
  const LinkId s1ToS3 = fabric.addLink(s1, s3, spec);
  fabric.addLink(s3, s4, spec);
  fabric.addLink(s4, s2, spec);

  const Routing routing = Routing::compute(fabric);
  // s1-s3-s4-s2-h, not s1-g-s2-h.
  EXPECT_EQ(routing.distance(s1, h), 4);
  ASSERT_EQ(routing.nextHops(s1, h).size(), 1u);
  EXPECT_EQ(routing.nextHops(s1, h)[0], s1ToS3);
  EXPECT_EQ(routing.distance(j, h), 5);
  // g itself may send on either of its links; the one to s2 is shortest.
  EXPECT_EQ(routing.distance(g, h), 2);
  ASSERT_EQ(routing.nextHops(g, h).size(), 1u);
  EXPECT_EQ(routing.nextHops(g, h)[0], gToS2);
  // And g is a destination like any other.
  EXPECT_EQ(routing.distance(j, g), 2);
}

}  // namespace
}  // namespace ofe::topology
