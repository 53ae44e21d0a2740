// NcclTopology on builder-made pods with the shipped H100 figures: what NCCL's
// search finds (channels, speeds), ring orders over NIC pairs, and trees.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "topology/FatTreeBuilder.h"
#include "topology/RailPodBuilder.h"
#include "traffic/NcclTopology.h"
#include "traffic/RankPlacement.h"

namespace ofe::traffic {
namespace {

using topology::NodeId;

struct Pod {
  topology::Fabric fabric;
  std::vector<NodeId> ranks;
};

/// 1 SU of @p servers DGX H100-like servers, ranks placed rail-aligned (rank = server x 8 + slot).
Pod railPod(int servers, int gpus = 8) {
  Pod p;
  topology::RailPodParams params;
  params.serversPerUnit = servers;
  params.gpusPerServer = gpus;
  topology::buildRailPod(p.fabric, params);
  JobSpec job;
  job.name = "j";
  job.ranks = servers * gpus;
  job.placement = Placement::RailAligned;
  std::vector<bool> taken;
  p.ranks = placeRanks(p.fabric, job, taken);
  return p;
}

TEST(NcclTopology, TwoServerRailPodAsNcclSeesIt) {
  const Pod pod = railPod(2);
  const NcclTopology t = NcclTopology::of(pod.fabric, pod.ranks);
  EXPECT_EQ(t.ranks(), 16);
  EXPECT_EQ(t.servers(), 2);
  EXPECT_EQ(t.ranksPerServer(), 8);
  EXPECT_TRUE(t.scaleUp());
  EXPECT_TRUE(t.nvlsCapable());
  EXPECT_EQ(t.architecture(), models::GpuArchitecture::Hopper);
  // nvlink4 carries 18 x 20.6 GB/s of data; a 400G NIC 50 GB/s.
  EXPECT_NEAR(t.scaleUpGBps(), 370.8, 1e-9);
  EXPECT_NEAR(t.nicGBps(), 50.0, 1e-9);
  EXPECT_EQ(t.nicsPerServer(), 8);
  // Ring: one channel per NIC at 48 GB/s, the largest sm90 speed below 50;
  // each GPU forwards 7 of the 8 over NVLink: 7 x 48 = 336 <= 370.8. No
  // split (48 < 50 with more than 4 channels); ncclTopoPostset doubles: 16.
  EXPECT_EQ(t.ringGraph().channels, 8);
  EXPECT_DOUBLE_EQ(t.ringGraph().bwIntra, 48.0);
  EXPECT_DOUBLE_EQ(t.ringGraph().bwInter, 48.0);
  EXPECT_EQ(t.collChannels(), 16);
  // NVLS: 8 heads; each GPU link carries 7 channels once and its own twice:
  // 9 x 40 = 360 <= 370.8 < 9 x 42. Pass 2 raises bwInter to 48 (the NIC).
  EXPECT_EQ(t.nvlsGraph().channels, 8);
  EXPECT_DOUBLE_EQ(t.nvlsGraph().bwIntra, 40.0);
  EXPECT_DOUBLE_EQ(t.nvlsGraph().bwInter, 48.0);
  EXPECT_EQ(t.nvlsChannels(), 16);
}

TEST(NcclTopology, RingChannelsEnterAndLeaveServersOnRailMatchedNicPairs) {
  const Pod pod = railPod(2);
  const NcclTopology t = NcclTopology::of(pod.fabric, pod.ranks);
  // Channel 0 enters server 0 at GPU 0 and leaves at GPU 1; server 1 (odd)
  // swaps the pair, so 1 -> 9 and 8 -> 0 stay on rails 1 and 0.
  EXPECT_EQ(t.ringOrder(0), (std::vector<int>{0, 2, 3, 4, 5, 6, 7, 1, 9, 10, 11, 12, 13, 14, 15, 8}));
  EXPECT_EQ(t.ringOrder(1), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 0, 8, 10, 11, 12, 13, 14, 15, 9}));
  EXPECT_EQ(t.ringOrder(2), (std::vector<int>{2, 0, 1, 4, 5, 6, 7, 3, 11, 8, 9, 12, 13, 14, 15, 10}));
  std::vector<int> exits(8, 0);
  for (int c = 0; c < t.collChannels(); ++c) {
    const std::vector<int> order = t.ringOrder(c);
    EXPECT_EQ(std::set<int>(order.begin(), order.end()).size(), 16u) << "channel " << c;
    // Duplicated channels (8..15) run the rings of 0..7.
    EXPECT_EQ(order, t.ringOrder(c % 8));
    for (std::size_t i = 0; i < order.size(); ++i) {
      const int a = order[i];
      const int b = order[(i + 1) % order.size()];
      if (t.serverOf(a) == t.serverOf(b)) continue;
      EXPECT_EQ(t.positionOf(a), t.positionOf(b)) << "channel " << c << " hop " << a << " -> " << b;
      if (c < 8 && t.serverOf(a) == 0) ++exits[static_cast<std::size_t>(t.positionOf(a))];
    }
  }
  // Every GPU of a server is the exit of exactly one searched channel.
  EXPECT_EQ(exits, std::vector<int>(8, 1));
}

TEST(NcclTopology, OneServerSearchesNvlinkAlone) {
  const Pod pod = railPod(1);
  const NcclTopology t = NcclTopology::of(pod.fabric, pod.ranks);
  EXPECT_EQ(t.servers(), 1);
  // Most NVLink bandwidth: 6 x 60 = 9 x 40 = 12 x 30 = 360 <= 370.8 (24 stops:
  // below 0.49 x 60); NCCL splits 6 x 60 into 12 x 30 (ncclTopoDupChannels).
  EXPECT_EQ(t.ringGraph().channels, 12);
  EXPECT_DOUBLE_EQ(t.ringGraph().bwIntra, 30.0);
  EXPECT_EQ(t.collChannels(), 24);
  // NVLS on one server: bwInter rises to 60 (below 2 x 40, nothing across).
  EXPECT_EQ(t.nvlsGraph().channels, 8);
  EXPECT_DOUBLE_EQ(t.nvlsGraph().bwIntra, 40.0);
  EXPECT_DOUBLE_EQ(t.nvlsGraph().bwInter, 60.0);
  // Inside one server rings rotate so channels start at different GPUs.
  EXPECT_EQ(t.ringOrder(3), (std::vector<int>{3, 4, 5, 6, 7, 0, 1, 2}));
}

TEST(NcclTopology, TreesChainInsideServersAndJoinHeadsOnTheDoubleBinaryTree) {
  const Pod pod = railPod(4);
  const NcclTopology t = NcclTopology::of(pod.fabric, pod.ranks);
  // Channel 0, tree 0 over servers: root 0, child 2, whose children are 1 and 3.
  const NcclTopology::RankTree tree0 = t.tree(0);
  EXPECT_EQ(tree0.root, 0);
  EXPECT_EQ(tree0.parent[16], 0);
  EXPECT_EQ(tree0.parent[8], 16);
  EXPECT_EQ(tree0.parent[24], 16);
  EXPECT_EQ(tree0.parent[1], 0);  // the chain inside server 0: 0, 1, ..., 7
  EXPECT_EQ(tree0.parent[7], 6);
  EXPECT_EQ(tree0.children[0], (std::vector<int>{1, 16}));
  // Channel 8 duplicates channel 0 on tree 1, tree 0 mirrored (s -> 3 - s):
  // root 3, child 1, whose children are 0 and 2.
  const NcclTopology::RankTree tree1 = t.tree(8);
  EXPECT_EQ(tree1.root, 24);
  EXPECT_EQ(tree1.parent[8], 24);
  EXPECT_EQ(tree1.parent[0], 8);
  EXPECT_EQ(tree1.parent[16], 8);
  // Channel 3 hangs off GPU 3 of each server: chain 3, 4, ..., 7, 0, 1, 2.
  EXPECT_EQ(t.headPosition(3), 3);
  const NcclTopology::RankTree tree3 = t.tree(3);
  EXPECT_EQ(tree3.root, 3);
  EXPECT_EQ(tree3.parent[4], 3);
  EXPECT_EQ(tree3.parent[0], 7);
  EXPECT_TRUE(tree3.children[2].empty());
}

TEST(NcclTopology, GpusWithoutScaleUpAreServersOfTheirOwn) {
  topology::Fabric fabric;
  topology::FatTreeParams params;
  params.k = 4;
  topology::buildFatTree(fabric, params);
  JobSpec job;
  job.name = "j";
  job.ranks = 16;
  std::vector<bool> taken;
  const std::vector<NodeId> ranks = placeRanks(fabric, job, taken);
  const NcclTopology t = NcclTopology::of(fabric, ranks);
  EXPECT_EQ(t.servers(), 16);
  EXPECT_EQ(t.ranksPerServer(), 1);
  EXPECT_FALSE(t.scaleUp());
  EXPECT_FALSE(t.nvlsCapable());
  // One GPU per server: every channel's ring is rank order.
  std::vector<int> inOrder(16);
  for (int i = 0; i < 16; ++i) inOrder[static_cast<std::size_t>(i)] = i;
  for (int c = 0; c < t.collChannels(); ++c) EXPECT_EQ(t.ringOrder(c), inOrder);
}

}  // namespace
}  // namespace ofe::traffic
