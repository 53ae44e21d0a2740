// Traffic-matrix jobs: patterns, sizes from a CDF, Poisson starts, and the
// plan they become (GPUs shared with collective jobs).
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <stdexcept>

#include "TrafficTestSupport.h"
#include "traffic/FlowMatrix.h"
#include "traffic/FlowSizeDistribution.h"
#include "traffic/Workload.h"

namespace ofe::traffic {
namespace {

topology::Fabric pod() { return test::railPod({4, 4, false}); }  // 16 GPUs

std::vector<topology::NodeId> gpus(const topology::Fabric& f) { return f.nodesOfKind(topology::NodeKind::Gpu); }

FlowsSpec pattern(FlowPattern p, std::int64_t bytes = 1000) {
  FlowsSpec s;
  s.pattern = p;
  s.size = Bytes(bytes);
  return s;
}

TEST(FlowMatrix, PermutationIsOneCycleThroughEveryRank) {
  const topology::Fabric f = pod();
  const auto ranks = gpus(f);
  const std::vector<FlowDemand> flows = expandFlows(f, pattern(FlowPattern::Permutation), ranks, "j");
  ASSERT_EQ(flows.size(), ranks.size());
  std::set<topology::NodeId> receivers;
  std::map<topology::NodeId, topology::NodeId> next;
  for (std::size_t i = 0; i < flows.size(); ++i) {
    EXPECT_EQ(flows[i].src, ranks[i]);  // by source rank
    EXPECT_NE(flows[i].src, flows[i].dst);
    EXPECT_EQ(flows[i].bytes, Bytes(1000));
    EXPECT_EQ(flows[i].start, Duration());
    receivers.insert(flows[i].dst);
    next[flows[i].src] = flows[i].dst;
  }
  EXPECT_EQ(receivers.size(), ranks.size());  // each receives exactly one flow
  // Sattolo's shuffle: following the flows from rank 0 visits all 16.
  std::set<topology::NodeId> seen;
  for (topology::NodeId at = ranks[0]; seen.insert(at).second;) at = next[at];
  EXPECT_EQ(seen.size(), ranks.size());
  // The seed decides it, and only the seed.
  FlowsSpec other = pattern(FlowPattern::Permutation);
  EXPECT_EQ(expandFlows(f, other, ranks, "j")[3].dst, flows[3].dst);
  other.seed = 2;
  bool differs = false;
  const auto again = expandFlows(f, other, ranks, "j");
  for (std::size_t i = 0; i < flows.size(); ++i) differs = differs || again[i].dst != flows[i].dst;
  EXPECT_TRUE(differs);
}

TEST(FlowMatrix, IncastAllToAllAndUniformRandom) {
  const topology::Fabric f = pod();
  const auto ranks = gpus(f);
  FlowsSpec incast = pattern(FlowPattern::Incast);
  incast.target = 5;
  const auto in = expandFlows(f, incast, ranks, "j");
  ASSERT_EQ(in.size(), 15u);
  for (const FlowDemand& d : in) EXPECT_EQ(d.dst, ranks[5]);
  EXPECT_EQ(expandFlows(f, pattern(FlowPattern::AllToAll), ranks, "j").size(), 16u * 15u);
  FlowsSpec uniform = pattern(FlowPattern::UniformRandom);
  uniform.count = 1000;
  const auto u = expandFlows(f, uniform, ranks, "j");
  ASSERT_EQ(u.size(), 1000u);
  std::map<topology::NodeId, int> sent;
  for (const FlowDemand& d : u) {
    EXPECT_NE(d.src, d.dst);
    ++sent[d.src];
  }
  EXPECT_EQ(sent.size(), 16u);  // 1000 draws over 16 sources miss none
  incast.target = 16;
  EXPECT_THROW(expandFlows(f, incast, ranks, "j"), std::invalid_argument);
  EXPECT_THROW(expandFlows(f, pattern(FlowPattern::Permutation), {ranks[0]}, "j"), std::invalid_argument);
}

TEST(FlowMatrix, ListNamesItsGpus) {
  const topology::Fabric f = pod();
  FlowsSpec list = pattern(FlowPattern::List);
  list.list = {{"s0/gpu0", "s3/gpu2", Bytes(5000), Duration::microseconds(3)}};
  const auto flows = expandFlows(f, list, {}, "j");
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(f.node(flows[0].src).name, "s0/gpu0");
  EXPECT_EQ(f.node(flows[0].dst).name, "s3/gpu2");
  EXPECT_EQ(flows[0].bytes, Bytes(5000));
  EXPECT_EQ(flows[0].start, Duration::microseconds(3));
  list.list[0].dst = "leaf0";
  try {
    expandFlows(f, list, {}, "tenant");
    FAIL() << "a switch is no flow end";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "job 'tenant': node 'leaf0' is a packet-switch, not a GPU");
  }
}

TEST(FlowMatrix, PoissonStartsHaveTheMeanGap) {
  const topology::Fabric f = pod();
  FlowsSpec s = pattern(FlowPattern::UniformRandom);
  s.count = 20000;
  s.meanInterval = Duration::microseconds(2);
  const auto flows = expandFlows(f, s, gpus(f), "j");
  EXPECT_EQ(flows.front().start, Duration());  // the first at the job's start
  for (std::size_t i = 1; i < flows.size(); ++i) EXPECT_GE(flows[i].start, flows[i - 1].start);
  // Mean gap of 19,999 exponential gaps: 2 us within 3 %.
  const double mean = flows.back().start.seconds() / static_cast<double>(flows.size() - 1);
  EXPECT_NEAR(mean, 2e-6, 0.06e-6);
}

TEST(FlowSizeDistribution, InterpolatesBetweenCdfPoints) {
  // P(100 B) = 0.5 as a mass, then uniform on (100, 200]: mean 0.5 x 100 + 0.5 x 150 = 125 B.
  const FlowSizeDistribution d({{100.0, 0.5}, {200.0, 1.0}});
  EXPECT_DOUBLE_EQ(d.meanBytes(), 125.0);
  std::mt19937_64 rng(7);
  double sum = 0.0;
  int at100 = 0;
  constexpr int kDraws = 100000;
  for (int i = 0; i < kDraws; ++i) {
    const Bytes b = d.draw(rng);
    EXPECT_GE(b.count(), 100);
    EXPECT_LE(b.count(), 200);
    at100 += b.count() == 100 ? 1 : 0;
    sum += static_cast<double>(b.count());
  }
  EXPECT_NEAR(sum / kDraws, 125.0, 0.5);
  EXPECT_NEAR(static_cast<double>(at100) / kDraws, 0.5, 0.01);
  EXPECT_THROW(FlowSizeDistribution({{100.0, 0.5}, {200.0, 0.9}}), std::invalid_argument);  // does not reach 1
  EXPECT_THROW(FlowSizeDistribution({{300.0, 0.5}, {200.0, 1.0}}), std::invalid_argument);  // sizes decrease
}

TEST(FlowMatrix, FlowJobsShareGpusWithCollectiveJobs) {
  const topology::Fabric f = pod();
  JobSpec train;
  train.name = "train";
  train.ranks = 16;  // every GPU
  CollectiveSpec c;
  c.op = CollectiveOp::AllReduce;
  c.algorithm = Algorithm::FlatRing;
  c.minBytes = c.maxBytes = Bytes(1 << 20);
  train.collectives = {c};
  JobSpec tenant;
  tenant.name = "tenant";
  tenant.ranks = 16;
  tenant.start = Duration::microseconds(10);
  tenant.flows = pattern(FlowPattern::Incast, 4096);
  const WorkloadPlan w = buildWorkload(f, {train, tenant});
  ASSERT_EQ(w.flows.size(), 15u);
  std::set<topology::NodeId> senders;
  for (const FlowInstance& fl : w.flows) {
    const Transfer& t = w.plan.transfer(fl.transfer);
    senders.insert(t.src);
    EXPECT_EQ(t.dst, w.placements[1][0]);
    EXPECT_EQ(t.size, Bytes(4096));
    EXPECT_TRUE(t.after.empty());  // independent of the collectives and of each other
    EXPECT_EQ(t.notBefore, Duration::microseconds(10));
    EXPECT_EQ(t.collective, -1);
    EXPECT_EQ(fl.job, 1);
  }
  EXPECT_EQ(senders.size(), 15u);  // every rank but the target, once
}

}  // namespace
}  // namespace ofe::traffic
