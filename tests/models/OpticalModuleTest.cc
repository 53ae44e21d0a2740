#include <gtest/gtest.h>

#include "models/Catalog.h"
#include "models/OpticalModule.h"

namespace ofe::models {
namespace {

TEST(OpticalModule, Kp4OverheadIsSeventeenSixteenths) {
  // 544/514 x 257/256 = 544 / (2 x 256) because 514 = 2 x 257; 544/512 = 17/16 = 1.0625 exactly.
  EXPECT_EQ(Catalog::builtin().module("800G-DR8").lineOverhead, 1.0625);
}

TEST(OpticalModule, Kp4LineRateOf800GDr8) {
  // 800 Gb/s x 1.0625 = 850 Gb/s = 8 lanes x 106.25 Gb/s (53.125 GBd PAM4, tiafotc.org).
  EXPECT_EQ(Catalog::builtin().module("800G-DR8").lineRate().bps(), 850'000'000'000);
}

TEST(OpticalModule, Kp4LineRateOf400GDr4) {
  // 400 Gb/s x 17/16 = 425 Gb/s = 4 x 106.25 Gb/s.
  EXPECT_EQ(Catalog::builtin().module("400G-DR4").lineRate().bps(), 425'000'000'000);
}

TEST(OpticalModule, LineRateOf100GLr4Is64b66b) {
  // 100 Gb/s x 66/64 = 103.125 Gb/s = 4 x 25.78125 Gb/s NRZ.
  EXPECT_EQ(Catalog::builtin().module("100G-LR4").lineRate().bps(), 103'125'000'000);
}

TEST(OpticalModule, LineRateOf400ZrMatchesDatasheet) {
  // Huawei 400G 80 km module doc: 478.75 Gb/s on the line.
  EXPECT_EQ(Catalog::builtin().module("400ZR").lineRate().bps(), 478'750'000'000);
}

TEST(OpticalModule, LineRateOfHandBuiltModule) {
  OpticalModule m;
  m.rate = DataRate::gbps(200);
  m.lineOverhead = 1.0625;
  EXPECT_EQ(m.lineRate().bps(), 212'500'000'000);
}

TEST(OpticalModule, MediumNames) {
  EXPECT_EQ(toString(Medium::Multimode), "multimode");
  EXPECT_EQ(toString(Medium::ScaleUp), "scale-up");
}

}  // namespace
}  // namespace ofe::models
