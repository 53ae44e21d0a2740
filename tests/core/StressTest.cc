// Everything at once on a k=4 fat-tree: the run must complete and pass the
// engine's own end-of-run checks (every byte delivered exactly once, every
// segment first-sent once, nothing left in flight or queued), which throw.

#include <gtest/gtest.h>

#include "core/PacketEngine.h"
#include "topology/FatTreeBuilder.h"
#include "tests/core/CoreTestSupport.h"

namespace ofe::core {
namespace {

struct Case {
  models::LossRecovery recovery;
  models::EcmpMode ecmp;
  bool pfc;
  int ackEvery;
};

TEST(Stress, AllToAllWithLossesSprayingAndDependencies) {
  topology::Fabric fabric(test::testCatalog());
  topology::FatTreeParams params;
  params.k = 4;
  params.switchModel = "t-sw-ct";
  params.gpuModel = "t-gpu";
  params.hostModule = "t-100G";
  params.fabricModule = "t-100G";
  params.hostFibre = "t-fibre";
  params.fabricFibre = "t-fibre";
  const topology::BuiltPart part = topology::buildFatTree(fabric, params);
  const auto routing = topology::Routing::compute(fabric);

  traffic::Plan plan;
  const auto& gpus = part.gpus;  // 16
  // Two rounds of all-to-all; round 2 of each pair waits for round 1 of the
  // reverse pair, and odd transfers are sized off the MTU.
  std::vector<std::vector<traffic::TransferId>> first(gpus.size(), std::vector<traffic::TransferId>(gpus.size()));
  for (std::size_t i = 0; i < gpus.size(); ++i) {
    for (std::size_t j = 0; j < gpus.size(); ++j) {
      if (i == j) continue;
      first[i][j] = plan.add(test::transfer(gpus[i], gpus[j], 48 * 1024 + static_cast<std::int64_t>(i * 37 + j)));
    }
  }
  for (std::size_t i = 0; i < gpus.size(); ++i) {
    for (std::size_t j = 0; j < gpus.size(); ++j) {
      if (i == j) continue;
      plan.add(test::transfer(gpus[i], gpus[j], 20 * 1024, {first[j][i]}, Duration::microseconds(3)));
    }
  }

  for (const Case c : {Case{models::LossRecovery::SelectiveRepeat, models::EcmpMode::PacketSpray, false, 1},
                       Case{models::LossRecovery::GoBackN, models::EcmpMode::FlowHash, false, 2},
                       Case{models::LossRecovery::SelectiveRepeat, models::EcmpMode::FlowHash, true, 1},
                       Case{models::LossRecovery::GoBackN, models::EcmpMode::PacketSpray, true, 3}}) {
    models::EngineSettings s;
    s.seed = 3;
    s.transport.recovery = c.recovery;
    s.transport.ackEvery = c.ackEvery;
    s.queues.ecmp = c.ecmp;
    s.queues.pfc = c.pfc;
    s.queues.portBuffer = Bytes(64 * 1024);
    s.queues.ecnMinThreshold = Bytes(16 * 1024);
    s.queues.ecnMaxThreshold = Bytes(48 * 1024);
    PacketEngine engine(fabric, routing, s);
    const RunResult r = engine.run(plan);
    ASSERT_TRUE(r.completed) << r.diagnosis;
    std::uint64_t drops = 0, retransmissions = 0;
    for (const auto& l : r.links) drops += l.drops;
    for (const auto& t : r.transfers) {
      ASSERT_TRUE(t.completed);
      ASSERT_LE(t.start, t.finish);
      retransmissions += t.retransmissions;
    }
    // Lossy runs really lose frames (so recovery is exercised); lossless ones never do.
    if (c.pfc) {
      EXPECT_EQ(drops, 0u);
    } else {
      EXPECT_GT(drops, 0u);
      EXPECT_GT(retransmissions, 0u);
    }
  }
}

}  // namespace
}  // namespace ofe::core
