#include <gtest/gtest.h>

#include <cmath>

#include "models/QotModel.h"

namespace ofe::models {
namespace {

constexpr double kPlanck = 6.62607015e-34;

AmplifierModel edfa(double nfDb) {
  AmplifierModel a;
  a.name = "edfa";
  a.gain = Decibel(35.0);
  a.noiseFigure = Decibel(nfDb);
  return a;
}

OpticalModule module32GBd() {
  OpticalModule m;
  m.name = "trx-32GBd";
  m.coherent = true;
  m.symbolRate = SymbolRate::baud(32e9);
  m.rollOff = 0.15;
  m.modulation = Modulation::DpQpsk;
  m.txOsnr = Decibel(40.0);
  return m;
}

/// @p spans spans of @p km of GNPy's SSMF, an amplifier (gain = span loss) after each.
OpticalLine line(int spans, double km, double launchDbm = 0.0, double nfDb = 5.5) {
  OpticalLine l;
  l.fibre.name = "ssmf";
  l.fibre.attenuation = Attenuation::dbPerKm(0.2);
  for (int i = 0; i < spans; ++i) l.spans.push_back(LineSpan{Length::kilometres(km), Decibel(), true, edfa(nfDb)});
  l.module = module32GBd();
  l.settings.launchPower.level = PowerLevel::dbm(launchDbm);
  return l;
}

std::size_t slotAt(const QotModel& q, double thz) {
  for (std::size_t i = 0; i < q.slots().size(); ++i) {
    if (std::fabs(q.slots()[i].terahertzValue() - thz) < 1e-6) return i;
  }
  ADD_FAILURE() << "no slot at " << thz << " THz";
  return 0;
}

TEST(QotModelTest, TheCBandHoldsGnpysNinetySixChannels) {
  const QotModel q(line(1, 80));
  ASSERT_EQ(q.slots().size(), 96u);
  EXPECT_NEAR(q.slots().front().terahertzValue(), 191.35, 1e-9);
  EXPECT_NEAR(q.slots().back().terahertzValue(), 196.10, 1e-9);
}

TEST(QotModelTest, AseOsnrOfIdenticalSpansMatchesTheTextbookFormula) {
  // OSNR(0.1 nm) = 10 log10(1 mW / (h f 12.5 GHz)) + P - NF - G - 10 log10 N;
  // the constant is 57.95 dB at 193.4 THz.
  const double constant = 10.0 * std::log10(1e-3 / (kPlanck * 193.4e12 * 12.5e9));
  EXPECT_NEAR(constant, 57.95, 0.005);
  for (int spans : {1, 10, 25}) {
    OpticalLine l = line(spans, 80, -1.0);
    l.settings.bandStart = Frequency::hertz(193.375e12);  // one slot, at 193.4 THz
    l.settings.bandEnd = Frequency::hertz(193.425e12);
    const QotModel q(l);
    ASSERT_EQ(q.slots().size(), 1u);
    const double expected = constant + (-1.0) - 5.5 - 16.0 - 10.0 * std::log10(spans);
    EXPECT_NEAR(q.channelsAt(PowerLevel::dbm(-1.0))[0].osnrAse.db(), expected, 0.01) << spans << " spans";
  }
}

TEST(QotModelTest, NonlinearInterferenceGrowsWithPowerCubedAndSpanCount) {
  const QotModel one(line(1, 80));
  const QotModel ten(line(10, 80));
  const std::size_t c = slotAt(one, 193.5);
  const double at0 = one.channelsAt(PowerLevel::dbm(0))[c].snrNliSignal.db();
  const double at3 = one.channelsAt(PowerLevel::dbm(3))[c].snrNliSignal.db();
  // P_NLI ~ P^3, so P / P_NLI falls by 2 dB per dB of launch power.
  EXPECT_NEAR(at0 - at3, 6.0, 1e-9);
  // Incoherent accumulation: ten identical spans, ten times the NLI.
  EXPECT_NEAR(at0 - ten.channelsAt(PowerLevel::dbm(0))[c].snrNliSignal.db(), 10.0, 1e-9);
  // The centre of the band sees more cross-channel interference than its edge.
  EXPECT_LT(one.channelsAt(PowerLevel::dbm(0))[c].snrNli.db(), one.channelsAt(PowerLevel::dbm(0))[0].snrNli.db());
}

TEST(QotModelTest, OptimumLaunchPowerIsWhereTheGsnrSlopeIsZero) {
  OpticalLine l = line(20, 100);
  const QotModel q(l);
  const PowerLevel best = q.optimumLaunchPower();
  const std::size_t c = q.slots().size() / 2;  // the model's centre slot: the middle of 191.35-196.10 THz
  const double h = 0.01;
  const double slope = (q.gsnrSignalAt(c, PowerLevel::dbm(best.dbmValue() + h)).db() -
                        q.gsnrSignalAt(c, PowerLevel::dbm(best.dbmValue() - h)).db()) /
                       (2 * h);
  EXPECT_NEAR(slope, 0.0, 1e-3);
  // Closed form: with ASE A and NLI B P^3 (transmitter noise C P changes nothing),
  // d/dP P / (A + B P^3 + C P) = 0 at A = 2 B P^3.
  const auto at0 = q.channelsAt(PowerLevel::dbm(0.0))[c];
  const double a = 1e-3 / std::pow(10.0, (at0.osnrAse.db() - 10.0 * std::log10(32.0 / 12.5)) / 10.0);
  const double b = 1e-3 / std::pow(10.0, at0.snrNliSignal.db() / 10.0) / 1e-9;
  const double pOpt = std::cbrt(a / (2.0 * b));
  EXPECT_NEAR(best.dbmValue(), 10.0 * std::log10(pOpt / 1e-3), 0.01);
}

TEST(QotModelTest, AutoLaunchUsesTheOptimum) {
  OpticalLine l = line(10, 80);
  l.settings.launchPower.optimum = true;
  const QotEstimate e = QotModel(l).estimate();
  EXPECT_DOUBLE_EQ(e.launchPower.dbmValue(), e.optimumLaunchPower.dbmValue());
  EXPECT_EQ(e.amplifiers, 10);
}

// GNPy (github.com/Telecominfraproject/oopt-gnpy @d65865b8, gn_model_analytic,
// fixed-gain EDFAs NF 5.5 dB with gain = span loss, no connectors, 96 x 32 GBd at
// 50 GHz, tx_osnr 40 dB), GSNR over 32 GBd at 0 dBm per channel; rerun with
// scripts/gnpy-reference/run_reference.py. ofe is within 0.5 dB (docs/optics.md).
TEST(QotModelTest, AgreesWithGnpyOnThreeLines) {
  struct Case {
    int spans;
    double km;
    double thz;
    double gnpyGsnr;
  };
  for (const Case& k : {Case{1, 80, 193.50, 27.231}, Case{1, 80, 191.35, 28.248}, Case{10, 80, 193.50, 17.753},
                        Case{10, 80, 196.10, 18.607}, Case{20, 100, 193.50, 12.786}, Case{20, 100, 191.35, 13.595},
                        Case{25, 79, 193.50, 13.821}}) {
    const QotModel q(line(k.spans, k.km));
    const double ofe = q.channelsAt(PowerLevel::dbm(0))[slotAt(q, k.thz)].gsnrSignal.db();
    EXPECT_NEAR(ofe, k.gnpyGsnr, 0.5) << k.spans << " x " << k.km << " km at " << k.thz << " THz";
  }
}

TEST(QotModelTest, ABoosterAddsTheAseOfItsGain) {
  OpticalLine l = line(1, 80, 0.0);
  l.settings.bandStart = Frequency::hertz(193.375e12);
  l.settings.bandEnd = Frequency::hertz(193.425e12);
  const double inLine = QotModel(l).channelsAt(PowerLevel::dbm(0))[0].osnrAse.linear();
  l.settings.booster = true;
  l.booster = edfa(5.5);
  l.module.txPower = PowerLevel::dbm(-10.0);  // the booster's gain: 10 dB
  const QotModel boosted(l);
  EXPECT_EQ(boosted.estimate().amplifiers, 2);
  // ASE adds as power: 1/OSNR = 1/OSNR_line + 1/OSNR_booster, the booster's ASE a
  // 16 dB line amplifier's scaled by 10^((10 - 16) / 10).
  const double expected = 1.0 / (1.0 / inLine + std::pow(10.0, -0.6) / inLine);
  EXPECT_NEAR(boosted.channelsAt(PowerLevel::dbm(0))[0].osnrAse.linear(), expected, expected * 1e-9);
}

TEST(QotModelTest, SpectrumMustHoldTheChannels) {
  OpticalLine l = line(10, 80);
  l.channels = 97;
  EXPECT_NE(QotModel(l).estimate().spectrumProblem.find("97 channels"), std::string::npos);
  l.channels = 96;
  EXPECT_EQ(QotModel(l).estimate().spectrumProblem, "");
  l.settings.channelSpacing = Frequency::hertz(50e9);
  l.module.symbolRate = SymbolRate::baud(45e9);  // 1.15 x 45 = 51.75 GHz > 50 GHz
  EXPECT_NE(QotModel(l).estimate().spectrumProblem.find("more than the 50 GHz"), std::string::npos);
}

TEST(QotModelTest, UnsetSpacingIsTheNarrowestFlexGridSlotThatHoldsTheChannel) {
  const LineSettings automatic;
  // (1 + roll-off) x rate, rounded up to 12.5 GHz, at least 50 GHz.
  EXPECT_DOUBLE_EQ(automatic.channelSpacingFor(SymbolRate::baud(32e9), 0.15).gigahertzValue(), 50.0);
  EXPECT_DOUBLE_EQ(automatic.channelSpacingFor(SymbolRate::baud(59.84375e9), 0.2).gigahertzValue(), 75.0);
  EXPECT_DOUBLE_EQ(automatic.channelSpacingFor(SymbolRate::baud(130e9), 0.1).gigahertzValue(), 150.0);
  EXPECT_DOUBLE_EQ(automatic.channelSpacingFor(SymbolRate::baud(50e9), 0.25).gigahertzValue(), 62.5);  // exact fit
  LineSettings fixed;
  fixed.channelSpacing = Frequency::hertz(100e9);
  EXPECT_DOUBLE_EQ(fixed.channelSpacingFor(SymbolRate::baud(130e9), 0.1).gigahertzValue(), 100.0);

  OpticalLine l = line(10, 80);
  l.module.symbolRate = SymbolRate::baud(130e9);
  l.module.rollOff = 0.1;
  EXPECT_EQ(QotModel(l).slots().size(), 32u);  // 4.8 THz / 150 GHz
  EXPECT_EQ(QotModel(l).estimate().spectrumProblem, "");
}

TEST(QotModelTest, MarginAndBerFollowTheModule) {
  OpticalLine l = line(20, 100);
  l.module.fecThresholdBer = 2.0e-2;
  l.module.requiredGsnr = Decibel(9.0);  // 6.25 dB textbook + 2.75 dB implementation penalty
  const QotEstimate e = QotModel(l).estimate();
  ASSERT_TRUE(e.margin.has_value());
  EXPECT_NEAR(e.margin->db(), e.worst.gsnrSignal.db() - 9.0, 1e-12);
  EXPECT_NEAR(e.implementationPenalty.db(), 9.0 - 6.25, 0.01);
  // At zero margin the pre-FEC BER is the threshold; here the margin is positive.
  EXPECT_LT(e.preFecBer, 2.0e-2);
  EXPECT_LE(e.postFecBer, 1e-15);
  // CD and PMD: 2,000 km x 16.7 ps/nm/km; 0.04 ps/sqrt(km) x sqrt(2,000 km).
  EXPECT_NEAR(e.dispersionPsPerNm, 33400.0, 1e-6);
  EXPECT_NEAR(e.pmdPs, 0.04 * std::sqrt(2000.0), 1e-12);

  l.module.requiredGsnr = Decibel(e.worst.gsnrSignal.db());  // exactly no margin left
  const QotEstimate edge = QotModel(l).estimate();
  EXPECT_NEAR(edge.preFecBer, 2.0e-2, 1e-9);
  EXPECT_LE(edge.postFecBer, 1e-15);
  l.module.requiredGsnr = Decibel(e.worst.gsnrSignal.db() + 0.5);  // half a dB short
  EXPECT_GT(QotModel(l).estimate().postFecBer, 1e-6);
}

}  // namespace
}  // namespace ofe::models
