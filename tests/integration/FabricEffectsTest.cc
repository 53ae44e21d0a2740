// End-to-end effects of the fabric on collectives, each against a prediction
// derived on paper from link capacities or the alpha-beta cost model.
#include <gtest/gtest.h>

#include "IntegrationSupport.h"
#include "topology/ClosBuilder.h"
#include "topology/LongHaulBuilder.h"
#include "topology/RailPodBuilder.h"
#include "traffic/CostModel.h"

namespace ofe::integration {
namespace {

using traffic::Algorithm;
using traffic::CollectiveOp;

std::vector<std::string> names(const topology::Fabric& f, const std::vector<topology::NodeId>& ids) {
  std::vector<std::string> out;
  for (topology::NodeId id : ids) out.push_back(f.node(id).name);
  return out;
}

double ratio(Duration a, Duration b) { return static_cast<double>(a.ps()) / static_cast<double>(b.ps()); }

// Spraying makes capacity, not hash luck, decide these comparisons.
models::EngineSettings sprayed() {
  models::EngineSettings s;
  s.queues.ecmp = models::EcmpMode::PacketSpray;
  return s;
}

TEST(FabricEffects, HierarchicalAllReduceBeatsFlatRingByTheCostModelRatio) {
  // Two DGX-like servers of 8 GPUs: NVLink (3.6 Tb/s per GPU) inside, one 400G
  // NIC per GPU on its rail leaf outside.
  topology::Fabric fabric;
  topology::RailPodParams p;
  p.serversPerUnit = 2;
  const topology::BuiltPart pod = topology::buildRailPod(fabric, p);
  const Bytes size = Bytes::parse("64MiB");
  const std::vector<std::string> ranks = names(fabric, pod.gpus);
  const WorkloadRun flat =
      runWorkload(fabric, {job("flat", ranks, CollectiveOp::AllReduce, Algorithm::FlatRing, size)}, sprayed());
  const WorkloadRun hier = runWorkload(
      fabric, {job("hier", ranks, CollectiveOp::AllReduce, Algorithm::Hierarchical, size)}, sprayed());
  ASSERT_TRUE(flat.run.completed) << flat.run.diagnosis;
  ASSERT_TRUE(hier.run.completed) << hier.run.diagnosis;

  // Cost model. Transfers between GPUs of one server run on the scale-up
  // fluid model: no frames, no ACKs, the whole nvlink4 port rate (its data
  // rate, B_up = 2966.4 Gb/s) and the GPU's scaleUpLatency (500 ns) as alpha.
  //  - The flat ring of 16 is held to its two NIC hops (7 -> 8, 15 -> 0). The
  //    sending NIC's egress carries data only: the GPU receives its own data
  //    over NVLink, so no ACKs of reverse data share it (the ACKs of 7 -> 8
  //    leave from GPU 8's NIC, which sends no data). So B = 400 G x 4096 / 4178
  //    (mtu over mtu + headers + wire overhead) = 392.15 Gb/s:
  //    2 x 15/16 x S / B = 2.567 ms.
  //  - Hierarchical: direct reduce-scatter and all-gather inside each server,
  //    2 x (7/8) S / B_up = 2 x 158.36 us, and a ring of 2 over each rail on S/8,
  //    where both directions of each NIC carry data and the ACKs of the reverse
  //    data: B = payloadRate(400 G) = 400 G x 4096 / 4260 = 384.60 Gb/s,
  //    2 x (1/2) x (S/8) / B = 174.49 us; 491.2 us in all.
  //  Predicted ratio 2.567 ms / 491.2 us = 5.2, a little more with the alphas
  //  (30 NIC alphas on the flat ring; 2 plus 2 x 500 ns on hierarchical).
  const topology::NodeId g0 = pod.gpus[0];
  const topology::NodeId g8 = pod.gpus[8];
  const models::TransportModel transport;
  const Duration nicAlpha = measureAlpha(fabric, g0, g8);
  traffic::CostParameters flatCost;
  flatCost.alpha = nicAlpha;
  flatCost.bandwidth = DataRate::bitsPerSecond(
      DataRate::gbps(400).bps() * transport.mtu.count() /
      (transport.mtu + transport.headerBytes + transport.wireOverhead).count());
  traffic::CostParameters cost;
  cost.alpha = nicAlpha;
  cost.bandwidth = payloadRate(DataRate::gbps(400));
  cost.scaleUpAlpha = fabric.catalog().gpu("h100-sxm").scaleUpLatency;
  cost.scaleUpBandwidth = fabric.catalog().module("nvlink4").rate;
  cost.gpusPerServer = 8;
  ASSERT_EQ(cost.scaleUpAlpha, Duration::nanoseconds(500));
  ASSERT_EQ(cost.scaleUpBandwidth.bps(), 2'966'400'000'000);
  const double predicted =
      ratio(traffic::estimate(CollectiveOp::AllReduce, Algorithm::FlatRing, 16, size, flatCost),
            traffic::estimate(CollectiveOp::AllReduce, Algorithm::Hierarchical, 16, size, cost));
  const double measured = ratio(flat.times[0], hier.times[0]);
  RecordProperty("measured_ratio", std::to_string(measured));
  RecordProperty("predicted_ratio", std::to_string(predicted));
  EXPECT_GT(measured, 1.0);
  EXPECT_NEAR(measured / predicted, 1.0, 0.10)
      << "flat " << flat.times[0] << ", hierarchical " << hier.times[0] << ", predicted ratio " << predicted;
}

TEST(FabricEffects, AllToAllOnTwoToOneLeafSpineTakesAboutTwiceAsLong) {
  // 8 leaves x 2 GPUs, one spine. 1:1: 2 uplinks per leaf; 2:1: one.
  auto build = [](double oversubscription, topology::Fabric& f) {
    topology::ClosParams p;
    p.leavesPerPod = 8;
    p.spinesPerPod = 1;
    p.gpusPerLeaf = 2;
    p.oversubscription = oversubscription;
    return topology::buildClos(f, p);
  };
  topology::Fabric oneToOne;
  topology::Fabric twoToOne;
  const topology::BuiltPart a = build(1.0, oneToOne);
  const topology::BuiltPart b = build(2.0, twoToOne);
  const Bytes size = Bytes::parse("8MiB");
  const WorkloadRun full = runWorkload(
      oneToOne, {job("a2a", names(oneToOne, a.gpus), CollectiveOp::AllToAll, Algorithm::Direct, size)}, sprayed());
  const WorkloadRun half = runWorkload(
      twoToOne, {job("a2a", names(twoToOne, b.gpus), CollectiveOp::AllToAll, Algorithm::Direct, size)}, sprayed());
  ASSERT_TRUE(full.run.completed) << full.run.diagnosis;
  ASSERT_TRUE(half.run.completed) << half.run.diagnosis;
  // Each of 16 ranks sends S/16 to each of 15 others. 1:1: the NIC limits, 15/16 S
  // per rank. 2:1: a leaf's single uplink carries 2 ranks x 14/16 S = 1.75 S.
  // Predicted ratio 1.75 / (15/16) = 1.867 ("about twice": the same-leaf 1/15 of
  // the traffic does not cross the uplink).
  const double measured = ratio(half.times[0], full.times[0]);
  RecordProperty("measured_ratio", std::to_string(measured));
  EXPECT_NEAR(measured / (1.75 / (15.0 / 16.0)), 1.0, 0.10)
      << "1:1 " << full.times[0] << ", 2:1 " << half.times[0] << ", ratio " << measured;
}

TEST(FabricEffects, TwoJobsSharingAnUplinkEachSlowDownByTheSharedCapacity) {
  // 2 leaves x 2 GPUs, one 400G uplink per leaf (2:1). Job A uses GPU 0 of each
  // leaf, job B GPU 1: alone, a job's ring crosses the uplink at the full 400G
  // (the NIC rate); together both jobs' flows share it, so each gets half.
  topology::Fabric fabric;
  topology::ClosParams p;
  p.leavesPerPod = 2;
  p.spinesPerPod = 1;
  p.gpusPerLeaf = 2;
  p.oversubscription = 2.0;
  const topology::BuiltPart part = topology::buildClos(fabric, p);
  const auto& g = part.gpus;  // leaf 0: g[0], g[1]; leaf 1: g[2], g[3]
  const Bytes size = Bytes::parse("32MiB");
  const traffic::JobSpec jobA = job("A", names(fabric, {g[0], g[2]}), CollectiveOp::AllReduce, Algorithm::FlatRing, size);
  const traffic::JobSpec jobB = job("B", names(fabric, {g[1], g[3]}), CollectiveOp::AllReduce, Algorithm::FlatRing, size);
  // Without congestion control, PFC alone shares the uplink exactly: 2x each.
  models::EngineSettings lossless;
  lossless.transport.congestionControl = models::CongestionControl::None;
  const WorkloadRun alone = runWorkload(fabric, {jobA}, lossless);
  const WorkloadRun both = runWorkload(fabric, {jobA, jobB}, lossless);
  ASSERT_TRUE(alone.run.completed) << alone.run.diagnosis;
  ASSERT_TRUE(both.run.completed) << both.run.diagnosis;
  ASSERT_EQ(both.times.size(), 2u);
  // Alone: S/B = 32 MiB * 8 / 384.6 Gb/s = 698 us (B with ACK share, as in RingAllReduceTest).
  EXPECT_NEAR(ratio(alone.times[0], payloadRate(DataRate::gbps(400)).transmitTime(size)), 1.0, 0.02);
  for (std::size_t i = 0; i < 2; ++i) {
    RecordProperty("slowdown_job" + std::to_string(i), std::to_string(ratio(both.times[i], alone.times[0])));
    EXPECT_NEAR(ratio(both.times[i], alone.times[0]), 2.0, 0.1)
        << "job " << i << ": alone " << alone.times[0] << ", shared " << both.times[i];
  }
  // With DCQCN (the default) rate cuts leave some of the shared uplink idle:
  // never faster than the capacity share, and not far from it.
  const WorkloadRun controlled = runWorkload(fabric, {jobA, jobB});
  ASSERT_TRUE(controlled.run.completed) << controlled.run.diagnosis;
  for (std::size_t i = 0; i < 2; ++i) {
    RecordProperty("dcqcn_slowdown_job" + std::to_string(i),
                   std::to_string(ratio(controlled.times[i], alone.times[0])));
    EXPECT_GE(ratio(controlled.times[i], alone.times[0]), 1.98);
    EXPECT_LE(ratio(controlled.times[i], alone.times[0]), 2.6);
  }
}

TEST(FabricEffects, TwoSitesFifteenHundredKmApartPropagationThenBandwidthDominate) {
  // GPU - switch - 1,500 km amplified route (400G-LH) - switch - GPU.
  topology::Fabric fabric;
  const topology::NodeId gw = addGpu(fabric, "west/gpu");
  const topology::NodeId sw = addSwitch(fabric, "west/border", 3);
  const topology::NodeId ge = addGpu(fabric, "east/gpu");
  const topology::NodeId se = addSwitch(fabric, "east/border", 3);
  addLink(fabric, gw, sw);
  addLink(fabric, ge, se);
  topology::LongHaulParams route;
  route.from = sw;
  route.to = se;
  route.distance = Length::kilometres(1500);
  route.name = "west-east";
  topology::buildLongHaul(fabric, route);
  models::EngineSettings settings;
  settings.stallTimeout = Duration::milliseconds(200);  // > one 7.3 ms crossing plus recovery

  const Duration alpha = measureAlpha(fabric, gw, ge, settings);
  // alpha is at least the fibre: 1.5e9 mm * 1.468e9 / 299,792,458 ps = 7.345 ms.
  EXPECT_GT(alpha, Duration::microseconds(7345));
  const DataRate b = payloadRate(DataRate::gbps(400));
  for (const char* text : {"1KiB", "1GiB"}) {
    const Bytes size = Bytes::parse(text);
    const WorkloadRun r =
        runWorkload(fabric, {job("x", {"west/gpu", "east/gpu"}, CollectiveOp::AllReduce, Algorithm::FlatRing, size)},
                    settings);
    ASSERT_TRUE(r.run.completed) << r.run.diagnosis;
    // n = 2: 2(n-1)/n S/B + 2(n-1) alpha = S/B + 2 alpha.
    const Duration latencyTerm = alpha * 2;
    const Duration bandwidthTerm = b.transmitTime(size);
    RecordProperty(std::string("measured_over_formula_") + text,
                   std::to_string(ratio(r.times[0], latencyTerm + bandwidthTerm)));
    RecordProperty(std::string("latency_share_") + text, std::to_string(ratio(latencyTerm, r.times[0])));
    EXPECT_NEAR(ratio(r.times[0], latencyTerm + bandwidthTerm), 1.0, 0.02)
        << text << ": measured " << r.times[0] << ", alpha " << alpha;
    if (size < Bytes::parse("1MiB")) {
      EXPECT_GT(ratio(latencyTerm, r.times[0]), 0.99) << "propagation should dominate " << text;
    } else {
      EXPECT_GT(ratio(bandwidthTerm, r.times[0]), 0.5) << "bandwidth should dominate " << text;
    }
  }
}

}  // namespace
}  // namespace ofe::integration
