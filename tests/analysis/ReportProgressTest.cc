// The progress line of `ofe run`: formatting of plain numbers and the ETA.

#include <gtest/gtest.h>

#include "analysis/ProgressLine.h"

namespace ofe::analysis {
namespace {

TEST(ReportProgress, LineShowsSimulatedTimeCollectivesRateAndEta) {
  // 7 of 19 collectives = 36.8 %, shown as 37 %; 12.4 s rounds to 0:12.
  EXPECT_EQ(progressLine(Duration::picoseconds(1'234'000'000), 7, 19, 2.35e6,
                         Duration::milliseconds(12'400)),
            "simulated 1.234 ms | collectives 7/19 (37%) | 2.35 M events/s | ETA 0:12");
  // 3,725 s = 1 h 2 min 5 s.
  EXPECT_EQ(progressLine(Duration::microseconds(5), 1, 2, 950.0, Duration::milliseconds(3'725'000)),
            "simulated 5.00 us | collectives 1/2 (50%) | 950 events/s | ETA 1:02:05");
  // Nothing done yet: no ETA.
  EXPECT_EQ(progressLine(Duration(), 0, 19, -1.0, std::nullopt),
            "simulated 0.0 ns | collectives 0/19 (0%) | -- events/s | ETA --");
}

TEST(ReportProgress, EtaScalesTheElapsedTimeByTheCollectivesLeft) {
  // 5 of 20 done in 10 s: 15 left at 2 s each = 30 s.
  EXPECT_EQ(progressEta(Duration::milliseconds(10'000), 5, 20), Duration::milliseconds(30'000));
  // 3 of 7 in 1 s: 4 left at 1/3 s each = 1.333333333333 s (integer ps, rounded down).
  EXPECT_EQ(progressEta(Duration::milliseconds(1'000), 3, 7),
            Duration::picoseconds(1'333'333'333'333));
  EXPECT_EQ(progressEta(Duration::milliseconds(10'000), 20, 20), Duration());
  EXPECT_FALSE(progressEta(Duration::milliseconds(10'000), 0, 20).has_value());
}

}  // namespace
}  // namespace ofe::analysis
