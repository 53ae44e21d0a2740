// Rank placement and scale-up domains on hand-built pods.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "TrafficTestSupport.h"
#include "traffic/RankPlacement.h"
#include "traffic/ScaleUpDomains.h"

namespace ofe::traffic {
namespace {

using topology::NodeId;

std::vector<std::string> names(const topology::Fabric& f, const std::vector<NodeId>& ids) {
  std::vector<std::string> out;
  for (NodeId id : ids) out.push_back(f.node(id).name);
  return out;
}

JobSpec job(const std::string& name, int ranks, Placement p, std::uint64_t seed = 1) {
  JobSpec j;
  j.name = name;
  j.ranks = ranks;
  j.placement = p;
  j.seed = seed;
  return j;
}

TEST(Placement, ContiguousTakesLowestIdsAndRailAlignedWholeServers) {
  // GPUs were added slot-major (s0/gpu0, s1/gpu0, s0/gpu1, ...), so id order
  // and server order differ: contiguous follows ids, rail-aligned follows
  // servers, giving rank = server * 4 + slot.
  const topology::Fabric f = test::railPod({2, 4, true, true});
  std::vector<bool> taken;
  EXPECT_EQ(names(f, placeRanks(f, job("a", 3, Placement::Contiguous), taken)),
            (std::vector<std::string>{"s0/gpu0", "s1/gpu0", "s0/gpu1"}));
  taken.clear();
  const auto rail = placeRanks(f, job("b", 8, Placement::RailAligned), taken);
  for (int r = 0; r < 8; ++r) {
    EXPECT_EQ(f.node(rail[static_cast<std::size_t>(r)]).rack, r / 4);
    EXPECT_EQ(f.node(rail[static_cast<std::size_t>(r)]).slot, r % 4);
  }
}

TEST(Placement, RailAlignedSkipsPartlyUsedServersAndUsesLowSlotsOfTheLast) {
  // 3 servers x 4. Job a takes 1 GPU (s0/gpu0); rail-aligned job b of 6 ranks
  // must use whole free servers s1 and s2: s1 slots 0..3 then s2 slots 0, 1.
  const topology::Fabric f = test::railPod({3, 4, true, false});
  std::vector<bool> taken;
  placeRanks(f, job("a", 1, Placement::Contiguous), taken);
  EXPECT_EQ(names(f, placeRanks(f, job("b", 6, Placement::RailAligned), taken)),
            (std::vector<std::string>{"s1/gpu0", "s1/gpu1", "s1/gpu2", "s1/gpu3", "s2/gpu0", "s2/gpu1"}));
  // 5 GPUs are still free, but no whole server is.
  EXPECT_THROW(placeRanks(f, job("c", 2, Placement::RailAligned), taken), std::invalid_argument);
  EXPECT_EQ(placeRanks(f, job("d", 5, Placement::Contiguous), taken).size(), 5u);
  EXPECT_THROW(placeRanks(f, job("e", 1, Placement::Contiguous), taken), std::invalid_argument);
}

TEST(Placement, RandomIsDeterministicPerSeedAndDisjointAcrossJobs) {
  const topology::Fabric f = test::railPod({4, 4, true, false});
  std::vector<bool> t1;
  std::vector<bool> t2;
  const auto a = placeRanks(f, job("a", 8, Placement::Random, 42), t1);
  const auto b = placeRanks(f, job("a", 8, Placement::Random, 42), t2);
  EXPECT_EQ(a, b);
  std::vector<bool> t3;
  const auto c = placeRanks(f, job("a", 8, Placement::Random, 43), t3);
  EXPECT_NE(a, c);
  // Not simply the lowest ids (a uniform shuffle starts with them, in order, with probability 8!/16!).
  std::vector<bool> t4;
  EXPECT_NE(a, placeRanks(f, job("x", 8, Placement::Contiguous), t4));
  // A second job on the same fabric gets the other 8 GPUs.
  const auto d = placeRanks(f, job("b", 8, Placement::Random, 42), t1);
  std::set<NodeId> all(a.begin(), a.end());
  all.insert(d.begin(), d.end());
  EXPECT_EQ(all.size(), 16u);
  for (NodeId g : all) EXPECT_EQ(f.node(g).kind, topology::NodeKind::Gpu);
}

TEST(Placement, ExplicitNames) {
  const topology::Fabric f = test::railPod({2, 4, true, false});
  std::vector<bool> taken;
  JobSpec j = job("n", 2, Placement::Contiguous);
  j.gpus = {"s1/gpu3", "s0/gpu0"};
  EXPECT_EQ(names(f, placeRanks(f, j, taken)), j.gpus);
  EXPECT_THROW(placeRanks(f, j, taken), std::invalid_argument);  // already taken
  j.gpus = {"s0/gpu1", "nope"};
  EXPECT_THROW(placeRanks(f, j, taken), std::invalid_argument);  // unknown name
  j.gpus = {"s0/gpu1", "leaf0"};
  EXPECT_THROW(placeRanks(f, j, taken), std::invalid_argument);  // not a GPU
  j.gpus = {"s0/gpu1", "s0/gpu1"};
  EXPECT_THROW(placeRanks(f, j, taken), std::invalid_argument);  // listed twice
  j.gpus = {"s0/gpu1"};
  EXPECT_THROW(placeRanks(f, j, taken), std::invalid_argument);  // 1 name for 2 ranks
  // Failed placements took nothing: 8 - 2 = 6 GPUs are free.
  EXPECT_EQ(std::count(taken.begin(), taken.end(), true), 2);
}

TEST(ScaleUpDomains, GroupsBySwitchOrByRackAndOrdersBySlot) {
  for (bool scaleUp : {true, false}) {
    const topology::Fabric f = test::railPod({2, 4, scaleUp, true});
    // Ranks in a deliberately scrambled order: s1/gpu2, s0/gpu1, s1/gpu0, s0/gpu3.
    std::vector<NodeId> ranks = {*f.findNode("s1/gpu2"), *f.findNode("s0/gpu1"), *f.findNode("s1/gpu0"),
                                 *f.findNode("s0/gpu3")};
    const ScaleUpDomains d = ScaleUpDomains::of(f, ranks);
    ASSERT_EQ(d.size(), 2u);
    // Domain 0 holds rank 0 (server 1): ranks 2 (slot 0) then 0 (slot 2).
    EXPECT_EQ(d.groups()[0], (std::vector<int>{2, 0}));
    EXPECT_EQ(d.groups()[1], (std::vector<int>{1, 3}));
    EXPECT_EQ(d.domainOf(3), 1);
    EXPECT_TRUE(d.uniform());
    const auto servers = ScaleUpDomains::servers(f);
    ASSERT_EQ(servers.size(), 2u);
    EXPECT_EQ(names(f, servers[1]), (std::vector<std::string>{"s1/gpu0", "s1/gpu1", "s1/gpu2", "s1/gpu3"}));
  }
  const topology::Fabric f = test::railPod({2, 4, true, false});
  EXPECT_THROW(ScaleUpDomains::of(f, {*f.findNode("leaf0")}), std::invalid_argument);
}

}  // namespace
}  // namespace ofe::traffic
