#include "topology/RailPodBuilder.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "TestSupport.h"

namespace ofe::topology {
namespace {

using test::countLinks;
using test::countTier;
using test::isKind;
using test::isTier;

// NVIDIA's H100 SuperPOD figures assume 64-port QM9700 leaves and spines.
void expectQm9700Radix(const Fabric& fabric) {
  ASSERT_EQ(fabric.catalog().packetSwitch(RailPodParams{}.switchModel).ports, 64);
}

TEST(RailPodBuilder, FourScalableUnitsMatchTheH100Reference) {
  Fabric fabric;
  expectQm9700Radix(fabric);
  RailPodParams params;
  params.scalableUnits = 4;
  params.scaleUp = false;
  const BuiltPart part = buildRailPod(fabric, params);
  // 4 SU x 32 servers x 8 GPUs.
  EXPECT_EQ(fabric.countOf(NodeKind::Gpu), 1024u);
  // One leaf per rail per SU: 4 x 8. Spines: 32 leaves x 32 downlinks / 64 ports = 16.
  EXPECT_EQ(countTier(fabric, 0), 32u);
  EXPECT_EQ(countTier(fabric, 1), 16u);
  EXPECT_EQ(countLinks(fabric, isKind(NodeKind::Gpu), isTier(0)), 1024u);
  // 1:1: each leaf sends its 32 uplinks as 2 to each of 16 spines; 32 x 32 = 1024.
  EXPECT_EQ(countLinks(fabric, isTier(0), isTier(1)), 1024u);
  EXPECT_EQ(fabric.linkCount(), 2048u);
  // Every switch is full: leaves 32 down + 32 up, spines 32 leaves x 2.
  for (NodeId sw : part.switches) EXPECT_EQ(fabric.linksOf(sw).size(), 64u) << fabric.node(sw).name;
  EXPECT_EQ(part.top.size(), 16u);
  EXPECT_TRUE(part.scaleUpSwitches.empty());
}

TEST(RailPodBuilder, ScaleUpAddsOneSwitchPerServerAndOneLinkPerGpu) {
  Fabric fabric;
  expectQm9700Radix(fabric);
  RailPodParams params;
  params.scalableUnits = 4;
  params.scaleUp = true;
  const BuiltPart part = buildRailPod(fabric, params);
  // 4 x 32 servers; one NVLink link per GPU.
  EXPECT_EQ(fabric.countOf(NodeKind::ScaleUpSwitch), 128u);
  EXPECT_EQ(part.scaleUpSwitches.size(), 128u);
  EXPECT_EQ(countLinks(fabric, isKind(NodeKind::Gpu), isKind(NodeKind::ScaleUpSwitch)), 1024u);
  EXPECT_EQ(fabric.linkCount(), 2048u + 1024u);
  const NodeId nvs = *fabric.findNode("dc/su2/server17/nvswitch");
  EXPECT_EQ(fabric.linksOf(nvs).size(), 8u);
  for (LinkId l : fabric.linksOf(nvs)) {
    const Link& link = fabric.link(l);
    EXPECT_EQ(link.module.name, "nvlink4");
    EXPECT_EQ(link.fibre.name, "copper");
    const Node& gpu = fabric.node(link.other(nvs));
    EXPECT_EQ(gpu.pod, 2);
    EXPECT_EQ(gpu.rack, 17);
  }
}

TEST(RailPodBuilder, OneScalableUnit) {
  Fabric fabric;
  expectQm9700Radix(fabric);
  RailPodParams params;
  params.scaleUp = false;
  buildRailPod(fabric, params);
  // 8 leaves x 32 / 64 = 4 spines, each leaf 32 / 4 = 8 links to each.
  EXPECT_EQ(countTier(fabric, 0), 8u);
  EXPECT_EQ(countTier(fabric, 1), 4u);
  EXPECT_EQ(countLinks(fabric, isTier(0), isTier(1)), 256u);
  EXPECT_EQ(fabric.countOf(NodeKind::Gpu), 256u);
}

TEST(RailPodBuilder, GpuSlotRLinksOnlyToRailRLeaves) {
  Fabric fabric;
  RailPodParams params;
  params.scalableUnits = 2;
  params.serversPerUnit = 4;
  buildRailPod(fabric, params);
  std::size_t checked = 0;
  for (NodeId g : fabric.nodesOfKind(NodeKind::Gpu)) {
    const Node& gpu = fabric.node(g);
    EXPECT_EQ(gpu.rail, gpu.slot);
    for (LinkId l : fabric.linksOf(g)) {
      const Node& peer = fabric.node(fabric.link(l).other(g));
      if (peer.kind != NodeKind::PacketSwitch) continue;
      EXPECT_EQ(peer.tier, 0);
      EXPECT_EQ(peer.rail, gpu.slot) << gpu.name << " -> " << peer.name;
      EXPECT_EQ(peer.pod, gpu.pod) << gpu.name << " -> " << peer.name;
      ++checked;
    }
  }
  // Every one of the 2 x 4 x 8 GPUs has exactly one leaf link.
  EXPECT_EQ(checked, 64u);
  EXPECT_EQ(fabric.node(*fabric.findNode("dc/su1/leaf5")).rail, 5);
  EXPECT_EQ(fabric.node(*fabric.findNode("dc/su1/server3/gpu5")).rack, 3);
}

TEST(RailPodBuilder, ExplicitSpinesMustDivideTheUplinks) {
  Fabric fabric;
  RailPodParams params;
  params.spines = 3;  // 32 uplinks per leaf cannot split evenly over 3 spines
  EXPECT_THROW(buildRailPod(fabric, params), std::invalid_argument);
  params.spines = 8;  // 4 links from each leaf to each spine; spines half full
  params.scaleUp = false;
  buildRailPod(fabric, params);
  EXPECT_EQ(countTier(fabric, 1), 8u);
  EXPECT_EQ(fabric.linksOf(*fabric.findNode("dc/spine7")).size(), 32u);  // 8 leaves x 4
}

TEST(RailPodBuilder, RejectsPodsBeyondTwoTiers) {
  Fabric fabric;
  expectQm9700Radix(fabric);
  RailPodParams params;
  // 40 SU x 8 leaves x 32 uplinks / 64 = 160 spines, more than a leaf's 32 uplinks can reach.
  params.scalableUnits = 40;
  EXPECT_THROW(buildRailPod(fabric, params), std::invalid_argument);
  EXPECT_EQ(fabric.nodeCount(), 0u);
}

}  // namespace
}  // namespace ofe::topology
