#include <gtest/gtest.h>

#include "CoreTestSupport.h"
#include "core/PacketEngine.h"

namespace ofe::core::test {
namespace {

TEST(Progress, CallbackSeesTheClockAdvanceAndDoesNotChangeResults) {
  Chain c = makeChain(2);
  const topology::Routing routing = topology::Routing::compute(c.fabric);
  traffic::Plan plan;
  plan.add(transfer(c.src, c.dst, 1'000'000));  // 1 MB at 100 Gb/s: about 82 us on the wire

  const RunResult quiet = PacketEngine(c.fabric, routing, {}).run(plan);

  std::vector<EngineProgress> seen;
  PacketEngineOptions options;
  options.progressInterval = Duration::microseconds(10);
  options.progress = [&seen](const EngineProgress& p) { seen.push_back(p); };
  const RunResult watched = PacketEngine(c.fabric, routing, {}, options).run(plan);

  ASSERT_TRUE(watched.completed);
  // Ticks at 10, 20, ... us while the transfer runs: at least 8 before it ends near 82 us.
  ASSERT_GE(seen.size(), 8u);
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].simulated, Duration::microseconds(10) * static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(seen[i].transfersTotal, 1u);
    EXPECT_EQ(seen[i].transfersDone, 0u);
    if (i > 0) {
      EXPECT_GT(seen[i].events, seen[i - 1].events);
    }
  }
  // The ticks are extra events but change no timing.
  EXPECT_EQ(watched.end, quiet.end);
  EXPECT_EQ(watched.transfers[0].finish, quiet.transfers[0].finish);
}

}  // namespace
}  // namespace ofe::core::test
