// Every shipped scenario loads, with node and link counts derived by hand in
// the file's header comment, and the figures the comments quote.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scenario/ScenarioLoader.h"
#include "tests/scenario/ScenarioTestSupport.h"
#include "topology/Node.h"

namespace ofe::scenario {
namespace {

using testing::sourcePath;
using topology::NodeKind;

Scenario load(const std::string& name) { return ScenarioLoader::loadFile(sourcePath("scenarios/" + name + ".yaml")); }

std::vector<std::string> gpuNames(const Scenario& s) {
  std::vector<std::string> names;
  for (topology::NodeId id : s.fabric.nodesOfKind(NodeKind::Gpu)) names.push_back(s.fabric.node(id).name);
  return names;
}

/// Capacity of the links leaving @p node towards switches (its uplinks, for a leaf).
DataRate switchFacingCapacity(const Scenario& s, const std::string& node) {
  const topology::NodeId id = *s.fabric.findNode(node);
  DataRate total;
  for (topology::LinkId l : s.fabric.linksOf(id)) {
    const topology::Link& link = s.fabric.link(l);
    if (s.fabric.node(link.other(id)).kind == NodeKind::PacketSwitch) total = total + link.rate;
  }
  return total;
}

TEST(ScenarioFiles, RailPod) {
  const Scenario s = load("rail-pod");
  EXPECT_EQ(s.name, "rail-pod");
  // 2 SUs x 4 servers x 8 GPUs; one NVSwitch per server; 8 rail leaves per SU; 4 spines.
  EXPECT_EQ(s.fabric.countOf(NodeKind::Gpu), 64u);
  EXPECT_EQ(s.fabric.countOf(NodeKind::ScaleUpSwitch), 8u);
  EXPECT_EQ(s.fabric.countOf(NodeKind::PacketSwitch), 16u + 4u);
  EXPECT_EQ(s.fabric.nodeCount(), 92u);
  // 64 GPU-leaf + 64 GPU-NVSwitch + 16 leaves x 4 uplinks.
  EXPECT_EQ(s.fabric.linkCount(), 192u);
  ASSERT_EQ(s.fabrics.size(), 1u);
  EXPECT_EQ(s.fabrics[0].builder, "rail-pod");
  EXPECT_EQ(s.fabrics[0].part.site, "dc");
  EXPECT_EQ(s.fabrics[0].part.top.size(), 4u);
  ASSERT_EQ(s.jobs.size(), 1u);
  EXPECT_EQ(s.jobs[0].ranks, 16);
  EXPECT_EQ(s.jobs[0].placement, traffic::Placement::RailAligned);
  ASSERT_EQ(s.jobs[0].collectives.size(), 1u);
  EXPECT_EQ(s.jobs[0].collectives[0].algorithm, traffic::Algorithm::Ring);
  EXPECT_EQ(s.jobs[0].collectives[0].minBytes, Bytes(256 * 1024));
  EXPECT_EQ(s.jobs[0].collectives[0].maxBytes, Bytes(4 * 1024 * 1024));
  EXPECT_TRUE(s.targets.lossless);
}

TEST(ScenarioFiles, LeafSpineOneToOneAndTwoToOneShareTheirGpus) {
  const Scenario one = load("leaf-spine-1to1");
  const Scenario two = load("leaf-spine-2to1");
  // 32 GPUs + 4 leaves + 4 spines in both.
  EXPECT_EQ(one.fabric.nodeCount(), 40u);
  EXPECT_EQ(two.fabric.nodeCount(), 40u);
  // 32 host links + 4 leaves x (8 x 400G / (r x 400G)) uplinks, r = 1 or 2.
  EXPECT_EQ(one.fabric.linkCount(), 32u + 32u);
  EXPECT_EQ(two.fabric.linkCount(), 32u + 16u);
  EXPECT_EQ(gpuNames(one), gpuNames(two));
  // A leaf's 8 x 400G GPUs against its uplinks: 3.2 Tbps at 1:1, 1.6 Tbps at 2:1.
  EXPECT_EQ(switchFacingCapacity(one, "dc/pod0/leaf0"), DataRate::gbps(3200));
  EXPECT_EQ(switchFacingCapacity(two, "dc/pod0/leaf0"), DataRate::gbps(1600));
  ASSERT_EQ(one.jobs.size(), 1u);
  EXPECT_EQ(one.jobs[0].ranks, 32);
  EXPECT_EQ(one.jobs[0].collectives[0].op, traffic::CollectiveOp::AllToAll);
  EXPECT_EQ(two.jobs[0].collectives[0].op, traffic::CollectiveOp::AllToAll);
}

TEST(ScenarioFiles, FatTreeK8) {
  const Scenario s = load("fat-tree-k8");
  // k^3/4 = 128 GPUs; 5k^2/4 = 80 switches; 3k^3/4 = 384 links.
  EXPECT_EQ(s.fabric.countOf(NodeKind::Gpu), 128u);
  EXPECT_EQ(s.fabric.countOf(NodeKind::PacketSwitch), 80u);
  EXPECT_EQ(s.fabric.nodeCount(), 208u);
  EXPECT_EQ(s.fabric.linkCount(), 384u);
  EXPECT_EQ(s.jobs[0].placement, traffic::Placement::Random);
  EXPECT_EQ(s.jobs[0].seed, 7u);
}

TEST(ScenarioFiles, EastDataWestComputing) {
  const Scenario s = load("edwc-two-site");
  // 46 (rail pod) + 20 (Clos) + 4 border + 2 routes x 24 amplifiers.
  EXPECT_EQ(s.fabric.nodeCount(), 118u);
  // 96 (rail pod) + 32 (Clos) + 2 x 2 x 2 border links + 2 long-haul links.
  EXPECT_EQ(s.fabric.linkCount(), 138u);
  EXPECT_EQ(s.fabric.countOf(NodeKind::Amplifier), 48u);
  EXPECT_EQ(s.currency, "CNY");
  ASSERT_EQ(s.sites.size(), 2u);
  EXPECT_EQ(s.sites[0].name, "zhongwei");
  EXPECT_DOUBLE_EQ(s.sites[0].electricityPrice, 0.36);
  EXPECT_DOUBLE_EQ(s.sites[0].pue, 1.25);
  EXPECT_EQ(s.sites[1].name, "shanghai");
  EXPECT_DOUBLE_EQ(s.sites[1].electricityPrice, 0.51);
  EXPECT_EQ(s.sites[0].borderSwitches.size(), 2u);
  EXPECT_EQ(s.sites[1].borderSwitches.size(), 2u);

  ASSERT_EQ(s.interSiteLinks.size(), 1u);
  ASSERT_EQ(s.interSiteLinks[0].part.links.size(), 2u);
  for (topology::LinkId id : s.interSiteLinks[0].part.links) {
    const topology::Link& link = s.fabric.link(id);
    EXPECT_EQ(link.module.name, "400G-LH");
    EXPECT_EQ(link.length, Length::kilometres(1975));
    EXPECT_EQ(link.spans.size(), 25u);  // ceil(1975 / 80)
    // 1975 km x 1.468 / c = 9.67102 ms.
    EXPECT_GE(link.propagation, Duration::microseconds(9671));
    EXPECT_LT(link.propagation, Duration::microseconds(9672));
  }
  EXPECT_TRUE(s.fabric.findNode("zw-sh-0/amp23").has_value());
  EXPECT_FALSE(s.fabric.findNode("zw-sh-0/amp24").has_value());

  ASSERT_EQ(s.jobs.size(), 2u);
  EXPECT_EQ(s.jobs[1].gpus, (std::vector<std::string>{"shanghai/pod0/rack0/gpu0", "zhongwei/su0/server3/gpu0"}));
  EXPECT_EQ(s.jobs[1].collectives[0].op, traffic::CollectiveOp::SendRecv);
  EXPECT_EQ(s.targets.maxSiteLatency, Duration::milliseconds(20));
}

TEST(ScenarioFiles, TransPacific) {
  const Scenario s = load("trans-pacific");
  // ceil(12,800 / 60) = 214 wet spans, 213 repeaters, 2 landing stations.
  EXPECT_EQ(s.fabric.countOf(NodeKind::Repeater), 213u);
  EXPECT_EQ(s.fabric.countOf(NodeKind::LandingStation), 2u);
  // 2 x 36 fat-tree nodes + 2 border switches + 215 cable sites.
  EXPECT_EQ(s.fabric.nodeCount(), 289u);
  // 2 x 48 fat-tree links + 2 x 4 border links + 1 cable.
  EXPECT_EQ(s.fabric.linkCount(), 105u);
  ASSERT_EQ(s.interSiteLinks.size(), 1u);
  ASSERT_EQ(s.interSiteLinks[0].part.links.size(), 1u);
  const topology::Link& cable = s.fabric.link(s.interSiteLinks[0].part.links[0]);
  EXPECT_EQ(cable.length, Length::kilometres(12800));
  // 12,800 km x 1.468 / c = 62.678 ms.
  EXPECT_GE(cable.propagation, Duration::microseconds(62678));
  EXPECT_LT(cable.propagation, Duration::microseconds(62679));
  EXPECT_EQ(s.targets.maxSiteLatency, Duration::milliseconds(76));
}

TEST(ScenarioFiles, DefaultScenario) {
  const Scenario s = ScenarioLoader::defaultScenario();
  // 1 SU x 8 servers x 8 GPUs, 8 NVSwitches, 8 leaves, 4 spines.
  EXPECT_EQ(s.fabric.countOf(NodeKind::Gpu), 64u);
  EXPECT_EQ(s.fabric.nodeCount(), 64u + 8u + 8u + 4u);
  // 64 GPU-leaf + 64 scale-up + 8 leaves x 8 uplinks.
  EXPECT_EQ(s.fabric.linkCount(), 192u);
  ASSERT_EQ(s.jobs.size(), 1u);
  const traffic::JobSpec& job = s.jobs[0];
  EXPECT_EQ(job.ranks, 64);
  EXPECT_EQ(job.placement, traffic::Placement::RailAligned);
  ASSERT_EQ(job.collectives.size(), 2u);
  EXPECT_EQ(job.collectives[0].op, traffic::CollectiveOp::AllReduce);
  // No algorithm, protocol or nccl_channels key: NCCL's choice per size.
  EXPECT_EQ(job.collectives[0].algorithm, traffic::Algorithm::Auto);
  EXPECT_EQ(job.collectives[0].protocol, traffic::Protocol::Auto);
  EXPECT_EQ(job.collectives[0].ncclChannels, 0);
  // 1 KiB = 2^10 .. 1 GiB = 2^30.
  EXPECT_EQ(job.collectives[0].minBytes, Bytes(1024));
  EXPECT_EQ(job.collectives[0].maxBytes, Bytes(1073741824));
  EXPECT_EQ(job.collectives[0].iterations, 1);
  // Then NCCL_ALGO=Ring at 1 GiB.
  EXPECT_EQ(job.collectives[1].algorithm, traffic::Algorithm::Ring);
  EXPECT_EQ(job.collectives[1].protocol, traffic::Protocol::Auto);
  EXPECT_EQ(job.collectives[1].minBytes, Bytes(1073741824));
  EXPECT_EQ(job.collectives[1].maxBytes, Bytes(1073741824));
  // No ecmp override: the flow-hash default.
  EXPECT_EQ(s.settings.queues.ecmp, models::EcmpMode::FlowHash);
}

}  // namespace
}  // namespace ofe::scenario
