// Text names of ops, algorithms and placements round-trip; unknown names list the choices.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "traffic/CollectiveNames.h"

namespace ofe::traffic {
namespace {

TEST(CollectiveNames, RoundTripAndUnderscores) {
  for (CollectiveOp op : {CollectiveOp::AllReduce, CollectiveOp::AllGather, CollectiveOp::ReduceScatter,
                          CollectiveOp::AllToAll, CollectiveOp::Broadcast, CollectiveOp::Reduce,
                          CollectiveOp::SendRecv}) {
    EXPECT_EQ(parseCollectiveOp(toString(op)), op);
  }
  for (Algorithm a : {Algorithm::Auto, Algorithm::Ring, Algorithm::Tree, Algorithm::Nvls, Algorithm::NvlsTree,
                      Algorithm::Pxn, Algorithm::Direct, Algorithm::FlatRing, Algorithm::FlatDoubleBinaryTree,
                      Algorithm::HalvingDoubling, Algorithm::Hierarchical}) {
    EXPECT_EQ(parseAlgorithm(toString(a)), a);
  }
  for (Protocol p : {Protocol::Auto, Protocol::LL, Protocol::LL128, Protocol::Simple}) {
    EXPECT_EQ(parseProtocol(toString(p)), p);
  }
  // NCCL spells them NCCL_PROTO=LL128 and Simple.
  EXPECT_EQ(parseProtocol("LL128"), Protocol::LL128);
  EXPECT_EQ(parseProtocol("Simple"), Protocol::Simple);
  EXPECT_STREQ(toString(Algorithm::NvlsTree), "nvls-tree");
  for (Placement p : {Placement::Contiguous, Placement::RailAligned, Placement::Random}) {
    EXPECT_EQ(parsePlacement(toString(p)), p);
  }
  EXPECT_STREQ(toString(CollectiveOp::AllReduce), "all-reduce");
  EXPECT_EQ(parseCollectiveOp("all_to_all"), CollectiveOp::AllToAll);
  EXPECT_EQ(parseAlgorithm("flat_double_binary_tree"), Algorithm::FlatDoubleBinaryTree);
}

TEST(CollectiveNames, UnknownNameListsTheChoices) {
  try {
    parseAlgorithm("butterfly");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("butterfly"), std::string::npos);
    EXPECT_NE(what.find("halving-doubling"), std::string::npos);
  }
  EXPECT_THROW(parsePlacement("packed"), std::invalid_argument);
  EXPECT_THROW(parseCollectiveOp("AllReduce"), std::invalid_argument);
}

}  // namespace
}  // namespace ofe::traffic
