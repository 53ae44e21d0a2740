#include <gtest/gtest.h>

#include <cmath>

#include "models/FecDecoder.h"
#include "models/FrameErrorRate.h"
#include "models/Modulation.h"

namespace ofe::models {
namespace {

double db(double lin) { return 10.0 * std::log10(lin); }
double lin(double db) { return std::pow(10.0, db / 10.0); }

TEST(ModulationTest, QpskIsQOfRootSnr) {
  // BER = Q(sqrt(SNR)); at 10 dB, Q(3.16228) = 7.827e-4 (Gaussian tail tables).
  EXPECT_NEAR(bitErrorRate(Modulation::DpQpsk, 10.0), 7.827e-4, 0.001e-4);
  EXPECT_NEAR(bitErrorRate(Modulation::DpQpsk, 10.0), 0.5 * std::erfc(std::sqrt(10.0 / 2.0)), 1e-15);
}

TEST(ModulationTest, SixteenQamFollowsTheSquareQamFormula) {
  // (4/4)(1 - 1/4) Q(sqrt(3 x 100 / 15)) = 0.75 Q(4.4721) = 0.75 x 3.872e-6 at 20 dB.
  EXPECT_NEAR(bitErrorRate(Modulation::Dp16Qam, 100.0), 2.904e-6, 0.002e-6);
  // Without signal every bit is a coin toss for the ~3/4 of neighbours that differ: 0.75 x Q(0).
  EXPECT_DOUBLE_EQ(bitErrorRate(Modulation::Dp16Qam, 0.0), 0.375);
}

TEST(ModulationTest, RequiredSnrAtTheFecThresholds) {
  // Inverting the formulas (AWGN, no implementation penalty).
  EXPECT_NEAR(db(snrForBitErrorRate(Modulation::DpQpsk, 2.0e-2)), 6.25, 0.01);
  EXPECT_NEAR(db(snrForBitErrorRate(Modulation::Dp16Qam, 1.25e-2)), 13.55, 0.01);
  EXPECT_NEAR(db(snrForBitErrorRate(Modulation::Dp16Qam, 2.0e-2)), 12.71, 0.01);
  for (Modulation m : {Modulation::DpBpsk, Modulation::DpQpsk, Modulation::Dp8Qam, Modulation::Dp16Qam,
                       Modulation::Dp32Qam, Modulation::Dp64Qam}) {
    EXPECT_NEAR(bitErrorRate(m, snrForBitErrorRate(m, 1e-3)), 1e-3, 1e-12) << toString(m);
  }
  // Denser constellations need more SNR for the same BER.
  EXPECT_LT(snrForBitErrorRate(Modulation::DpQpsk, 1e-2), snrForBitErrorRate(Modulation::Dp8Qam, 1e-2));
  EXPECT_LT(snrForBitErrorRate(Modulation::Dp8Qam, 1e-2), snrForBitErrorRate(Modulation::Dp16Qam, 1e-2));
}

TEST(FecDecoderTest, OutputMeetsTheSpecAtTheThresholdAndFallsOffBeyond) {
  const FecDecoder fec = FecDecoder::forThreshold(2.0e-2);
  EXPECT_LE(fec.postFecBer(2.0e-2), 1e-15);
  EXPECT_EQ(fec.postFecBer(0.0), 0.0);
  EXPECT_LT(fec.postFecBer(1.5e-2), 1e-30);
  // Beyond the threshold the waterfall: 10 % more pre-FEC errors cost many decades.
  EXPECT_GT(fec.postFecBer(2.2e-2), 1e-9);
  EXPECT_GT(fec.postFecBer(2.6e-2), 1e-4);
  // The smallest t that meets the spec: one less would not.
  EXPECT_GT(FecDecoder::forThreshold(2.0e-2).correctable(), 32768 * 2.0e-2);
  double previous = 0.0;
  for (double p = 1e-3; p < 0.1; p *= 1.1) {
    const double out = fec.postFecBer(p);
    EXPECT_GE(out, previous);
    previous = out;
  }
}

TEST(FrameErrorRateTest, OneMinusTheChanceThatEveryBitSurvives) {
  // 4,096 B = 32,768 bits at 1e-12: 32,768e-12 to first order.
  EXPECT_NEAR(frameErrorRate(1e-12, 32768), 3.2768e-8, 1e-14);
  EXPECT_NEAR(frameErrorRate(1e-3, 8000), 1.0 - std::pow(1.0 - 1e-3, 8000), 1e-12);
  EXPECT_EQ(frameErrorRate(0.0, 8000), 0.0);
}

}  // namespace
}  // namespace ofe::models
