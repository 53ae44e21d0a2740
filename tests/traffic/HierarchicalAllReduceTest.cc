// Hierarchical all-reduce on a hand-built rail pod: scale-up links inside a
// server, same-slot (same-rail) pairs across servers.
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "TrafficTestSupport.h"
#include "topology/RailPodBuilder.h"
#include "topology/Routing.h"
#include "traffic/Collectives.h"
#include "traffic/RankPlacement.h"
#include "traffic/ScaleUpDomains.h"

namespace ofe::traffic {
namespace {

constexpr std::int64_t kMiB = 1 << 20;

TEST(HierarchicalAllReduce, PhasesUseScaleUpInsideAndRailsAcross) {
  // 2 servers x 4 GPUs, S = 8 MiB, g = 4, m = 2.
  //  phase 1: per server g(g-1) = 12 transfers of S/g = 2 MiB       -> 24
  //  phase 2: g rings of m = 2 on S/g: 2(m-1) steps x m segments    -> 4 x 4 = 16, 1 MiB each
  //  phase 3: like phase 1                                          -> 24
  // Per GPU: scale-up 2 (g-1)/g S = 12 MiB; NIC 2(m-1)/m S/g = 2 MiB.
  const topology::Fabric fabric = test::railPod({2, 4, true, true});
  JobSpec job;
  job.name = "h";
  job.ranks = 8;
  job.placement = Placement::RailAligned;
  std::vector<bool> taken;
  CollectiveCall c;
  c.algorithm = Algorithm::Hierarchical;
  c.ranks = placeRanks(fabric, job, taken);
  c.size = Bytes(8 * kMiB);
  c.domains = ScaleUpDomains::of(fabric, c.ranks).groups();
  const Plan plan = buildCollective(c);
  ASSERT_EQ(plan.size(), 64u);

  const topology::Routing routing = topology::Routing::compute(fabric);
  std::vector<std::int64_t> scaleUp(8, 0);
  std::vector<std::int64_t> network(8, 0);
  for (const Transfer& t : plan.transfers()) {
    const topology::Node& a = fabric.node(t.src);
    const topology::Node& b = fabric.node(t.dst);
    const topology::LinkRange hops = routing.nextHops(t.src, t.dst);
    ASSERT_EQ(hops.size(), 1u);
    const topology::Node& next = fabric.node(fabric.link(hops[0]).other(t.src));
    if (a.rack == b.rack) {
      EXPECT_EQ(next.kind, topology::NodeKind::ScaleUpSwitch);
      EXPECT_TRUE(t.step == 0 || t.step == 3);
      scaleUp[static_cast<std::size_t>(t.srcRank)] += t.size.count();
    } else {
      EXPECT_EQ(a.slot, b.slot) << a.name << " -> " << b.name;
      EXPECT_EQ(next.rail, a.slot);  // first hop is the GPU's own rail leaf
      EXPECT_TRUE(t.step == 1 || t.step == 2);
      EXPECT_EQ(t.size, Bytes(kMiB));
      network[static_cast<std::size_t>(t.srcRank)] += t.size.count();
    }
  }
  for (int r = 0; r < 8; ++r) {
    EXPECT_EQ(scaleUp[static_cast<std::size_t>(r)], 12 * kMiB);
    EXPECT_EQ(network[static_cast<std::size_t>(r)], 2 * kMiB);
  }
}

TEST(HierarchicalAllReduce, InterServerRingWaitsForTheIntraServerReduction) {
  // The first ring step from a GPU waits for the g-1 = 3 phase-1 pieces it received.
  const topology::Fabric fabric = test::railPod({2, 4, true, false});
  CollectiveCall c;
  c.algorithm = Algorithm::Hierarchical;
  for (topology::NodeId g : fabric.nodesOfKind(topology::NodeKind::Gpu)) c.ranks.push_back(g);
  c.size = Bytes(8 * kMiB);
  c.domains = ScaleUpDomains::of(fabric, c.ranks).groups();
  const Plan plan = buildCollective(c);
  for (const Transfer& t : plan.transfers()) {
    if (t.step != 1) continue;
    ASSERT_EQ(t.after.size(), 3u);
    for (TransferId d : t.after) {
      EXPECT_EQ(plan.transfer(d).step, 0);
      EXPECT_EQ(plan.transfer(d).dstRank, t.srcRank);
    }
  }
}

TEST(HierarchicalAllReduce, IntraServerAllGatherWaitsForTheWholeRingResult) {
  // m = 2 servers: the ring on block i has 2 steps (global steps 1 and 2); a
  // GPU's block is final once it got the reduce-scatter half it owns (step 1)
  // and the other half (step 2). Each phase-3 transfer (step 3) from it waits
  // for exactly those 2 ring arrivals.
  const topology::Fabric fabric = test::railPod({2, 4, true, false});
  CollectiveCall c;
  c.algorithm = Algorithm::Hierarchical;
  for (topology::NodeId g : fabric.nodesOfKind(topology::NodeKind::Gpu)) c.ranks.push_back(g);
  c.size = Bytes(8 * kMiB);
  c.domains = ScaleUpDomains::of(fabric, c.ranks).groups();
  const Plan plan = buildCollective(c);
  int checked = 0;
  for (const Transfer& t : plan.transfers()) {
    if (t.step != 3) continue;
    ASSERT_EQ(t.after.size(), 2u);
    std::set<int> steps;
    for (TransferId d : t.after) {
      EXPECT_EQ(plan.transfer(d).dstRank, t.srcRank);
      steps.insert(plan.transfer(d).step);
    }
    EXPECT_EQ(steps, (std::set<int>{1, 2}));
    ++checked;
  }
  EXPECT_EQ(checked, 24);
}

TEST(HierarchicalAllReduce, OnABuiltRailPod) {
  // buildRailPod: 4 servers x 8 GPUs with NVSwitches. 32 rail-aligned ranks,
  // g = 8, m = 4: phases 1 and 3 have m g(g-1) = 224 transfers each; phase 2
  // has g rings x 2(m-1) steps x m segments = 8 x 24 = 192. Total 640.
  topology::Fabric fabric;
  topology::RailPodParams params;
  params.serversPerUnit = 4;
  topology::buildRailPod(fabric, params);
  JobSpec job;
  job.name = "pod";
  job.ranks = 32;
  job.placement = Placement::RailAligned;
  std::vector<bool> taken;
  CollectiveCall c;
  c.algorithm = Algorithm::Hierarchical;
  c.ranks = placeRanks(fabric, job, taken);
  for (int r = 0; r < 32; ++r) {
    EXPECT_EQ(fabric.node(c.ranks[static_cast<std::size_t>(r)]).rack, r / 8);
    EXPECT_EQ(fabric.node(c.ranks[static_cast<std::size_t>(r)]).slot, r % 8);
  }
  c.size = Bytes(64 * kMiB);
  c.domains = ScaleUpDomains::of(fabric, c.ranks).groups();
  ASSERT_EQ(c.domains.size(), 4u);
  const Plan plan = buildCollective(c);
  ASSERT_EQ(plan.size(), 640u);
  int across = 0;
  for (const Transfer& t : plan.transfers()) {
    const topology::Node& a = fabric.node(t.src);
    const topology::Node& b = fabric.node(t.dst);
    if (a.rack != b.rack) {
      EXPECT_EQ(a.slot, b.slot);
      ++across;
    }
  }
  EXPECT_EQ(across, 192);
}

TEST(HierarchicalAllReduce, RejectsUnequalDomains) {
  const topology::Fabric fabric = test::railPod({2, 4, true, false});
  CollectiveCall c;
  c.algorithm = Algorithm::Hierarchical;
  const auto gpus = fabric.nodesOfKind(topology::NodeKind::Gpu);
  c.ranks.assign(gpus.begin(), gpus.begin() + 6);  // 4 + 2
  c.size = Bytes(kMiB);
  c.domains = ScaleUpDomains::of(fabric, c.ranks).groups();
  EXPECT_THROW(buildCollective(c), std::invalid_argument);
  c.domains.clear();
  EXPECT_THROW(buildCollective(c), std::invalid_argument);
}

TEST(HierarchicalAllReduce, OneServerIsIntraServerOnly) {
  // m = 1: phases 1 and 3 only, 2 g(g-1) = 24 transfers for g = 4.
  const topology::Fabric fabric = test::railPod({1, 4, true, false});
  CollectiveCall c;
  c.algorithm = Algorithm::Hierarchical;
  for (topology::NodeId g : fabric.nodesOfKind(topology::NodeKind::Gpu)) c.ranks.push_back(g);
  c.size = Bytes(4 * kMiB);
  c.domains = ScaleUpDomains::of(fabric, c.ranks).groups();
  EXPECT_EQ(buildCollective(c).size(), 24u);
}

}  // namespace
}  // namespace ofe::traffic
