// Ring all-reduce on the packet engine against the alpha-beta formula
// 2(n-1)/n * S/B + 2(n-1) * alpha, on a fabric where nothing but the NICs limits.
#include <gtest/gtest.h>

#include "IntegrationSupport.h"
#include "traffic/CostModel.h"

namespace ofe::integration {
namespace {

using traffic::Algorithm;
using traffic::CollectiveOp;

// Eight GPUs on one 51.2T switch, 400G-DR4 links: non-blocking, no ECMP choice.
struct StarFabric {
  topology::Fabric fabric;
  std::vector<topology::NodeId> gpus;
  std::vector<std::string> names;
  StarFabric() {
    const topology::NodeId sw = addSwitch(fabric, "sw", 0);
    for (int i = 0; i < 8; ++i) {
      names.push_back("gpu" + std::to_string(i));
      gpus.push_back(addGpu(fabric, names.back(), 0, i));
      addLink(fabric, gpus.back(), sw);
    }
  }
};

TEST(RingAllReduceOnPacketEngine, LargeMessageWithinTwoPercentOfAlphaBeta) {
  StarFabric star;
  const Bytes size = Bytes::parse("64MiB");
  const WorkloadRun r =
      runWorkload(star.fabric, {job("ring", star.names, CollectiveOp::AllReduce, Algorithm::FlatRing, size)});
  ASSERT_TRUE(r.run.completed) << r.run.diagnosis;
  ASSERT_EQ(r.times.size(), 1u);

  // B: 400 Gb/s carries 4096 payload bytes in every 4096 + 62 + 20 = 4178-byte frame,
  // and each rank's uplink also carries one 62 + 20 = 82-byte ACK per frame it
  // receives: 400e9 * 4096 / (4178 + 82) = 384.601 Gb/s. alpha: a 1-byte message
  // GPU to GPU, measured.
  const DataRate b = payloadRate(DataRate::gbps(400));
  const Duration alpha = measureAlpha(star.fabric, star.gpus[0], star.gpus[1]);
  // 2 * 7 / 8 * 64 MiB * 8 bit / 384.601 Gb/s = 2.4424 ms, + 14 alpha (~1.9 us each).
  const Duration expected = traffic::estimate(CollectiveOp::AllReduce, Algorithm::FlatRing, 8, size, alpha, b);
  const double ratio = static_cast<double>(r.times[0].ps()) / static_cast<double>(expected.ps());
  RecordProperty("measured_over_formula", std::to_string(ratio));
  EXPECT_NEAR(ratio, 1.0, 0.02) << "ratio " << ratio << ", measured " << r.times[0] << ", formula " << expected << ", alpha "
                                << alpha;
  // busbw never above the per-rank link rate.
  const DataRate busbw = traffic::busBandwidth(CollectiveOp::AllReduce, 8, size, r.times[0]);
  EXPECT_LE(busbw, DataRate::gbps(400));
}

TEST(RingAllReduceOnPacketEngine, SmallMessageIsLatencyBound) {
  StarFabric star;
  const Bytes size = Bytes::parse("1KiB");
  const WorkloadRun r =
      runWorkload(star.fabric, {job("ring", star.names, CollectiveOp::AllReduce, Algorithm::FlatRing, size)});
  ASSERT_TRUE(r.run.completed) << r.run.diagnosis;
  const Duration alpha = measureAlpha(star.fabric, star.gpus[0], star.gpus[1]);
  // 14 steps of 128 B each: the bandwidth term 2*7/8*1024*8/385e9 = 37 ns is
  // negligible; each step costs about one alpha (a 128-byte message, one frame).
  const Duration latencyTerm = alpha * 14;
  EXPECT_GE(r.times[0], latencyTerm) << "alpha " << alpha;
  EXPECT_LE(r.times[0].ps(), latencyTerm.ps() * 11 / 10) << "alpha " << alpha;
}

}  // namespace
}  // namespace ofe::integration
