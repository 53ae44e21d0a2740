// Double binary tree shape (NCCL) and the tree all-reduce / broadcast / reduce plans.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "TrafficTestSupport.h"
#include "traffic/Collectives.h"
#include "traffic/DoubleBinaryTree.h"

namespace ofe::traffic {
namespace {

using test::firstNodes;
using test::receivedPerRank;
using test::sentPerRank;

constexpr std::int64_t kMiB = 1 << 20;

TEST(DoubleBinaryTree, FirstTreeMatchesNcclsFourteenRankExample) {
  // NCCL src/graph/trees.cc draws, for 14 ranks: 0-8; 8-{4,12}; 4-{2,6};
  // 12-{10,13}; 2-{1,3}; 6-{5,7}; 10-{9,11}.
  const DoubleBinaryTree t(14);
  const std::vector<int> parent = {-1, 2, 4, 2, 8, 6, 4, 6, 0, 10, 12, 10, 8, 12};
  for (int r = 0; r < 14; ++r) EXPECT_EQ(t.parent(0, r), parent[static_cast<std::size_t>(r)]) << r;
  EXPECT_EQ(t.children(0, 12), (std::vector<int>{10, 13}));
  EXPECT_EQ(t.height(0), 4);  // ceil(log2 14)
  // 14 is even, so tree 1 mirrors tree 0: root 13, and 13-x's parent is 13-parent(x).
  EXPECT_EQ(t.root(1), 13);
  for (int r = 1; r < 14; ++r) EXPECT_EQ(t.parent(1, 13 - r), 13 - parent[static_cast<std::size_t>(r)]);
}

TEST(DoubleBinaryTree, OddCountShiftsByOne) {
  // n = 5: tree 0 is 0-4, 4-2, 2-{1,3}; tree 1 adds 1 to every label: 1-0, 0-3, 3-{2,4}.
  const DoubleBinaryTree t(5);
  EXPECT_EQ(t.root(0), 0);
  EXPECT_EQ(t.root(1), 1);
  EXPECT_EQ(t.children(0, 2), (std::vector<int>{1, 3}));
  EXPECT_EQ(t.parent(1, 0), 1);
  EXPECT_EQ(t.parent(1, 3), 0);
  EXPECT_EQ(t.children(1, 3), (std::vector<int>{2, 4}));
  EXPECT_EQ(t.depth(1, 4), 3);
  EXPECT_THROW(DoubleBinaryTree(0), std::invalid_argument);
}

TEST(TreeAllReduce, CountsAndPerRankBytes) {
  // n = 4. Tree 0: 0-2, 2-{1,3}; tree 1 (mirror): 3-1, 1-{0,2}. Each tree edge
  // carries H = S/2 up and H down, so a rank moves (its degree) x H each way:
  // rank 0: 1 + 1 = 2H = S; rank 1: 1 + 3 = 4H = 2S; rank 2: 3 + 1 = 2S; rank 3: S.
  // Transfers: 2 trees x 2 directions x (n-1) edges x C = 4 x 3 x 2 = 24.
  CollectiveCall c;
  c.algorithm = Algorithm::FlatDoubleBinaryTree;
  c.ranks = firstNodes(4);
  c.size = Bytes(4 * kMiB);
  c.chunks = 2;
  const Plan plan = buildCollective(c);
  ASSERT_EQ(plan.size(), 24u);
  for (const Transfer& t : plan.transfers()) EXPECT_EQ(t.size, Bytes(kMiB));
  const std::vector<std::int64_t> expected = {4 * kMiB, 8 * kMiB, 8 * kMiB, 4 * kMiB};
  EXPECT_EQ(sentPerRank(plan, 4), expected);
  EXPECT_EQ(receivedPerRank(plan, 4), expected);
}

TEST(TreeAllReduce, ExactDependencies) {
  // n = 4, C = 2; trees 0-2, 2-{1,3} and 3-1, 1-{0,2}. Transfers are emitted
  // chunk by chunk, tree by tree, 3 up then 3 down: chunk = id / 12, tree =
  // id % 12 / 6. Data dependencies: a leaf's up-send none, an inner rank's
  // up-send its 2 children's chunks, every down-send 1 (the reduced chunk at
  // the root, or the chunk arriving from the parent). From chunk 1 on, each
  // hop also waits for its own previous chunk (one slot in flight per hop).
  CollectiveCall c;
  c.algorithm = Algorithm::FlatDoubleBinaryTree;
  c.ranks = firstNodes(4);
  c.size = Bytes(4 * kMiB);
  c.chunks = 2;
  const Plan plan = buildCollective(c);
  const DoubleBinaryTree trees(4);
  for (const Transfer& t : plan.transfers()) {
    const int chunk = static_cast<int>(t.id) / 12;
    const int tree = static_cast<int>(t.id) % 12 / 6;
    const bool upward = static_cast<int>(t.id) % 6 < 3;
    ASSERT_EQ(upward, trees.parent(tree, t.srcRank) == t.dstRank) << t.id;
    std::size_t data = 1;
    if (upward) data = trees.children(tree, t.srcRank).size();
    EXPECT_EQ(t.after.size(), data + (chunk > 0 ? 1 : 0)) << t.id;
    if (chunk > 0) {
      const Transfer& same = plan.transfer(t.id - 12);
      EXPECT_EQ(same.src, t.src);
      EXPECT_EQ(same.dst, t.dst);
      EXPECT_TRUE(std::find(t.after.begin(), t.after.end(), same.id) != t.after.end()) << t.id;
    }
  }
}

TEST(TreeAllReduce, RootBroadcastsOnlyAfterItsChildrenReduced) {
  // n = 8 has depth 3, so steps run 0..5: reduce at 3 - depth, broadcast at 3 + depth - 1.
  CollectiveCall c;
  c.algorithm = Algorithm::FlatDoubleBinaryTree;
  c.ranks = firstNodes(8);
  c.size = Bytes(8 * kMiB);
  c.chunks = 3;
  const Plan plan = buildCollective(c);
  EXPECT_EQ(plan.size(), 4u * 3u * 7u);  // 4 C (n-1)
  const DoubleBinaryTree trees(8);
  for (const Transfer& t : plan.transfers()) {
    EXPECT_GE(t.step, 0);
    EXPECT_LE(t.step, 5);
    const bool fromRoot = t.srcRank == trees.root(0) || t.srcRank == trees.root(1);
    if (fromRoot && t.step == 3) {
      // Waits for its child's chunk (up) and, after chunk 0, its own previous chunk on the hop.
      bool childArrival = false;
      for (TransferId d : t.after) childArrival = childArrival || (plan.transfer(d).dstRank == t.srcRank);
      EXPECT_TRUE(childArrival);
    }
    for (TransferId d : t.after) EXPECT_LT(d, t.id);
  }
}

TEST(TreeBroadcast, RootFeedsTwoTreesOverTheOtherRanks) {
  // n = 5, root 2: trees over the 4 others (local j = rank 3, 4, 0, 1). Per
  // chunk and tree: 1 hop from the root + 3 tree edges, so 2 x 4 x C = 16
  // transfers for C = 2. Every non-root rank receives both halves once (S);
  // the root sends S.
  CollectiveCall c;
  c.op = CollectiveOp::Broadcast;
  c.algorithm = Algorithm::FlatDoubleBinaryTree;
  c.ranks = firstNodes(5);
  c.size = Bytes(4 * kMiB);
  c.chunks = 2;
  c.root = 2;
  const Plan plan = buildCollective(c);
  ASSERT_EQ(plan.size(), 16u);
  const std::vector<std::int64_t> got = receivedPerRank(plan, 5);
  EXPECT_EQ(got, (std::vector<std::int64_t>{4 * kMiB, 4 * kMiB, 0, 4 * kMiB, 4 * kMiB}));
  EXPECT_EQ(sentPerRank(plan, 5)[2], 4 * kMiB);
  // Emitted chunk by chunk (8 transfers each): the root's hop to a tree root
  // needs no data, every other hop the chunk arriving from its parent; from
  // chunk 1 on, each hop also waits for its own previous chunk.
  for (const Transfer& t : plan.transfers()) {
    const std::size_t chunk = t.id / 8;
    EXPECT_EQ(t.after.size(), (t.srcRank == 2 ? 0u : 1u) + chunk) << t.id;
  }
  c.op = CollectiveOp::Reduce;  // the mirror image: the root only receives
  const Plan reduce = buildCollective(c);
  ASSERT_EQ(reduce.size(), 16u);
  EXPECT_EQ(sentPerRank(reduce, 5), got);
  EXPECT_EQ(receivedPerRank(reduce, 5)[2], 4 * kMiB);
}

}  // namespace
}  // namespace ofe::traffic
