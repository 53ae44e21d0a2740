#include "topology/FatTreeBuilder.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>

#include "TestSupport.h"

namespace ofe::topology {
namespace {

using test::countLinks;
using test::countTier;
using test::isKind;
using test::isTier;

TEST(FatTreeBuilder, EightAryCounts) {
  Fabric fabric;
  FatTreeParams params;
  params.k = 8;
  const BuiltPart part = buildFatTree(fabric, params);
  // k^3/4 = 512/4 GPUs; k pods x k/2 = 32 edge and 32 agg; (k/2)^2 = 16 core.
  EXPECT_EQ(fabric.countOf(NodeKind::Gpu), 128u);
  EXPECT_EQ(countTier(fabric, 0), 32u);
  EXPECT_EQ(countTier(fabric, 1), 32u);
  EXPECT_EQ(countTier(fabric, 2), 16u);
  // 5k^2/4 = 80 switches.
  EXPECT_EQ(fabric.countOf(NodeKind::PacketSwitch), 80u);
  // Three layers of k^3/4 = 128 links each: 384.
  EXPECT_EQ(fabric.linkCount(), 384u);
  EXPECT_EQ(countLinks(fabric, isKind(NodeKind::Gpu), isTier(0)), 128u);
  EXPECT_EQ(countLinks(fabric, isTier(0), isTier(1)), 128u);
  EXPECT_EQ(countLinks(fabric, isTier(1), isTier(2)), 128u);

  EXPECT_EQ(part.site, "dc");
  EXPECT_EQ(part.gpus.size(), 128u);
  EXPECT_EQ(part.switches.size(), 80u);
  EXPECT_EQ(part.top.size(), 16u);
  EXPECT_EQ(part.links.size(), 384u);
  for (NodeId t : part.top) EXPECT_EQ(fabric.node(t).tier, 2);
}

TEST(FatTreeBuilder, EverySwitchUsesExactlyKPorts) {
  Fabric fabric;
  FatTreeParams params;
  params.k = 8;
  const BuiltPart part = buildFatTree(fabric, params);
  for (NodeId sw : part.switches) EXPECT_EQ(fabric.linksOf(sw).size(), 8u) << fabric.node(sw).name;
  for (NodeId gpu : part.gpus) EXPECT_EQ(fabric.linksOf(gpu).size(), 1u) << fabric.node(gpu).name;
}

TEST(FatTreeBuilder, AggJReachesCoreGroupJ) {
  Fabric fabric;
  FatTreeParams params;
  params.k = 8;
  buildFatTree(fabric, params);
  // Agg 2 of any pod connects to cores 2*4 .. 2*4+3.
  for (const char* name : {"dc/pod0/agg2", "dc/pod5/agg2"}) {
    const NodeId agg = *fabric.findNode(name);
    std::set<std::string> cores;
    for (LinkId l : fabric.linksOf(agg)) {
      const Node& other = fabric.node(fabric.link(l).other(agg));
      if (other.tier == 2) cores.insert(other.name);
    }
    EXPECT_EQ(cores, (std::set<std::string>{"dc/core8", "dc/core9", "dc/core10", "dc/core11"}))
        << name;
  }
}

TEST(FatTreeBuilder, NamesAndPlacesNodes) {
  Fabric fabric;
  FatTreeParams params;
  params.k = 4;
  params.site = "east";
  buildFatTree(fabric, params);
  const Node& gpu = fabric.node(*fabric.findNode("east/pod3/rack1/gpu0"));
  EXPECT_EQ(gpu.kind, NodeKind::Gpu);
  EXPECT_EQ(gpu.site, "east");
  EXPECT_EQ(gpu.pod, 3);
  EXPECT_EQ(gpu.rack, 1);
  EXPECT_EQ(gpu.slot, 0);
  // GPU rack r hangs off edge r of its pod.
  const Link& host = fabric.link(fabric.linksOf(gpu.id).front());
  EXPECT_EQ(fabric.node(host.other(gpu.id)).name, "east/pod3/edge1");
  const Node& edge = fabric.node(*fabric.findNode("east/pod3/edge1"));
  EXPECT_EQ(edge.tier, 0);
  EXPECT_EQ(edge.pod, 3);
  EXPECT_EQ(fabric.node(*fabric.findNode("east/pod0/agg1")).tier, 1);
  EXPECT_EQ(fabric.node(*fabric.findNode("east/core3")).pod, -1);

  FatTreeParams prefixed = params;
  prefixed.prefix = "east-b";
  buildFatTree(fabric, prefixed);
  EXPECT_TRUE(fabric.findNode("east-b/core3").has_value());
  EXPECT_EQ(fabric.node(*fabric.findNode("east-b/core3")).site, "east");
}

TEST(FatTreeBuilder, SameParametersGiveSameIds) {
  Fabric first;
  Fabric second;
  FatTreeParams params;
  params.k = 6;
  buildFatTree(first, params);
  buildFatTree(second, params);
  ASSERT_EQ(first.nodeCount(), second.nodeCount());
  for (NodeId n = 0; n < first.nodeCount(); ++n) EXPECT_EQ(first.node(n).name, second.node(n).name);
  ASSERT_EQ(first.linkCount(), second.linkCount());
  for (LinkId l = 0; l < first.linkCount(); ++l) {
    EXPECT_EQ(first.link(l).a, second.link(l).a);
    EXPECT_EQ(first.link(l).b, second.link(l).b);
  }
}

TEST(FatTreeBuilder, RejectsBadKAndSmallSwitches) {
  Fabric fabric(test::testCatalog());
  FatTreeParams params;
  params.switchModel = "test-switch";
  params.gpuModel = "test-gpu";
  params.hostModule = "test-host";
  params.fabricModule = "test-fabric";
  params.hostFibre = "test-fibre";
  params.fabricFibre = "test-fibre";
  params.k = 7;
  try {
    buildFatTree(fabric, params);
    FAIL() << "k=7 accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "fat-tree k must be even and >= 2, got 7");
  }
  params.k = 0;
  EXPECT_THROW(buildFatTree(fabric, params), std::invalid_argument);
  // A 4-port switch cannot be a k=6 fat-tree switch (6 ports each).
  params.k = 6;
  params.switchModel = "test-switch-4";
  EXPECT_THROW(buildFatTree(fabric, params), std::invalid_argument);
  params.switchModel = "test-switch";
  params.hostModule = "no-such-module";
  try {
    buildFatTree(fabric, params);
    FAIL() << "unknown module accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("no-such-module"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("hostModule"), std::string::npos) << e.what();
  }
  // Parameters are checked before anything is added.
  EXPECT_EQ(fabric.nodeCount(), 0u);
  params.hostModule = "test-host";
  params.k = 2;
  buildFatTree(fabric, params);
  // k=2: 2 GPUs, 2 edge + 2 agg + 1 core, 3 x 2 links.
  EXPECT_EQ(fabric.countOf(NodeKind::Gpu), 2u);
  EXPECT_EQ(fabric.countOf(NodeKind::PacketSwitch), 5u);
  EXPECT_EQ(fabric.linkCount(), 6u);
}

}  // namespace
}  // namespace ofe::topology
