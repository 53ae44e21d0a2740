#include <gtest/gtest.h>

#include <cstdlib>

#include "models/Catalog.h"
#include "models/FibreType.h"

namespace ofe::models {
namespace {

// delay = length x n / c. In picoseconds: mm x 1e-3 m x n / (299,792,458 m/s) x 1e12
// = mm x n x 1e9 / 299,792,458.

TEST(FibreType, OneKilometreAtGnpyGroupIndex) {
  // 1e6 mm x 1.468 x 1e9 / 299,792,458 = 1.468e15 / 299,792,458 = 4,896,720.92 ps -> 4,896,721.
  FibreType f;
  f.groupIndex = 1.468;
  EXPECT_EQ(f.delayOver(Length::kilometres(1)).ps(), 4'896'721);
}

TEST(FibreType, OneKilometreRoundsToGnpyFourPointEightNineSevenMicroseconds) {
  // GNPy's 4.897 us/km is the figure above rounded to the nanosecond: |4,896,721 - 4,897,000| = 279
  // ps.
  const Duration d = Catalog::builtin().fibre("smf").delayOver(Length::kilometres(1));
  EXPECT_LT(std::abs(d.ps() - 4'897'000), 500);
}

TEST(FibreType, TransPacificCableMatchesReferenceFloor) {
  // PLCN 12,800 km: 1.28e10 mm x 1.468 x 1e9 / 299,792,458 = 62,678,027,744.11 ps, i.e. the
  // reference's 62.7 ms one-way (125 ms RTT) propagation floor.
  EXPECT_EQ(Catalog::builtin().fibre("smf-subsea").delayOver(Length::kilometres(12'800)).ps(),
            62'678'027'744);
}

TEST(FibreType, CopperVelocityFactor) {
  // 1 m at n = 1.43: 1000 x 1.43 x 1e9 / 299,792,458 = 4,769.97 ps -> 4,770.
  EXPECT_EQ(Catalog::builtin().fibre("copper").delayOver(Length::metres(1)).ps(), 4'770);
}

TEST(FibreType, ZeroLengthHasNoDelay) {
  EXPECT_EQ(Catalog::builtin().fibre("smf").delayOver(Length::millimetres(0)).ps(), 0);
}

}  // namespace
}  // namespace ofe::models
