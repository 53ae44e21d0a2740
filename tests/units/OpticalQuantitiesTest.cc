#include <gtest/gtest.h>

#include "units/Dispersion.h"
#include "units/EffectiveArea.h"
#include "units/Frequency.h"
#include "units/NonlinearCoefficient.h"
#include "units/PmdCoefficient.h"
#include "units/SymbolRate.h"
#include "units/UnitError.h"

namespace ofe {
namespace {

TEST(OpticalQuantitiesTest, ParseTheSpellingsOpticalEngineersUse) {
  EXPECT_DOUBLE_EQ(Frequency::parse("50GHz").hertzValue(), 50e9);
  EXPECT_DOUBLE_EQ(Frequency::parse("193.4 THz").terahertzValue(), 193.4);
  EXPECT_DOUBLE_EQ(SymbolRate::parse("32GBd").baudValue(), 32e9);
  EXPECT_DOUBLE_EQ(Dispersion::parse("16.7ps/nm/km").psPerNmKmValue(), 16.7);
  EXPECT_DOUBLE_EQ(Dispersion::parse("1.67e-5 s/m2").psPerNmKmValue(), 16.7);
  EXPECT_DOUBLE_EQ(EffectiveArea::parse("83um2").squareMicrometresValue(), 83.0);
  EXPECT_NEAR(EffectiveArea::parse("8.3e-11m2").squareMicrometresValue(), 83.0, 1e-12);
  EXPECT_DOUBLE_EQ(NonlinearCoefficient::parse("1.27/W/km").perWattKmValue(), 1.27);
  EXPECT_DOUBLE_EQ(NonlinearCoefficient::parse("0.00127/W/m").perWattKmValue(), 1.27);
  EXPECT_DOUBLE_EQ(PmdCoefficient::parse("0.04ps/sqrt(km)").psPerSqrtKmValue(), 0.04);
}

TEST(OpticalQuantitiesTest, PrintsReadBack) {
  EXPECT_EQ(Frequency::parse("191.325THz").toString(), "191.325 THz");
  EXPECT_EQ(Frequency::parse("50GHz").toString(), "50 GHz");
  EXPECT_EQ(Frequency::parse(Frequency::parse("12.5GHz").toString()), Frequency::parse("12.5GHz"));
  EXPECT_EQ(SymbolRate::parse("60.14GBd").toString(), "60.14 GBd");
  EXPECT_EQ(Dispersion::parse(Dispersion::psPerNmKm(20.5).toString()), Dispersion::psPerNmKm(20.5));
}

TEST(OpticalQuantitiesTest, RejectsWrongUnitsAndSigns) {
  EXPECT_THROW(Frequency::parse("50"), UnitError);
  EXPECT_THROW(Frequency::parse("0GHz"), UnitError);
  EXPECT_THROW(SymbolRate::parse("32Gbps"), UnitError);
  EXPECT_THROW(Dispersion::parse("-1ps/nm/km"), UnitError);
  EXPECT_THROW(EffectiveArea::parse("83um"), UnitError);
  EXPECT_THROW(PmdCoefficient::parse("0.04ps/km"), UnitError);
}

}  // namespace
}  // namespace ofe
