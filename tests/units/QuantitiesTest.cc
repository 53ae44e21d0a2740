#include <gtest/gtest.h>

#include "units/Attenuation.h"
#include "units/Bytes.h"
#include "units/DataRate.h"
#include "units/Decibel.h"
#include "units/Energy.h"
#include "units/Length.h"
#include "units/Power.h"
#include "units/PowerLevel.h"
#include "units/UnitError.h"

namespace ofe {
namespace {

TEST(DataRate, ParsesAndFormats) {
  EXPECT_EQ(DataRate::parse("400Gbps").bps(), 400'000'000'000);
  EXPECT_EQ(DataRate::parse("1.6Tbps").bps(), 1'600'000'000'000);
  EXPECT_EQ(DataRate::parse("100Mb/s").bps(), 100'000'000);
  EXPECT_EQ(DataRate::parse("450GBps").bps(), 3'600'000'000'000);
  EXPECT_EQ(fmt::format("{}", DataRate::parse("1.6Tbps")), "1.6 Tbps");
  EXPECT_EQ(DataRate::parse(DataRate::parse("478.75Gbps").toString()).bps(), 478'750'000'000);
  EXPECT_THROW(DataRate::parse("0Gbps"), UnitError);
  EXPECT_THROW(DataRate::parse("-400Gbps"), UnitError);
  EXPECT_THROW(DataRate::parse("400Gps"), UnitError);
  EXPECT_THROW(DataRate::parse("fast"), UnitError);
}

TEST(DataRate, TransmitTimeIsExact) {
  // 1500 B = 12,000 bit at 400 Gb/s = 30 ns.
  EXPECT_EQ(DataRate::gbps(400).transmitTime(Bytes(1500)).ps(), 30'000);
  // 4096 B at 800 Gb/s = 32,768 bit / 800e9 = 40.96 ns.
  EXPECT_EQ(DataRate::gbps(800).transmitTime(Bytes(4096)).ps(), 40'960);
  // 1 B at 3 bps = 8/3 s, rounded to the nearest ps.
  EXPECT_EQ(DataRate::bitsPerSecond(3).transmitTime(Bytes(1)).ps(), 2'666'666'666'667);
  EXPECT_EQ(DataRate::gbps(400).bytesIn(Duration::nanoseconds(30)).count(), 1500);
}

TEST(Bytes, ParsesBinaryAndDecimalPrefixes) {
  EXPECT_EQ(Bytes::parse("1500B").count(), 1500);
  EXPECT_EQ(Bytes::parse("4KiB").count(), 4096);
  EXPECT_EQ(Bytes::parse("256MiB").count(), 268'435'456);
  EXPECT_EQ(Bytes::parse("1GB").count(), 1'000'000'000);
  EXPECT_EQ(Bytes::parse("256MiB").toString(), "256 MiB");
  EXPECT_EQ(Bytes::parse(Bytes(1'000'000'000).toString()).count(), 1'000'000'000);
  EXPECT_THROW(Bytes::parse("1.5B"), UnitError);
  EXPECT_THROW(Bytes::parse("-1KiB"), UnitError);
  EXPECT_THROW(Bytes::parse("12"), UnitError);
}

TEST(Length, ParsesAndFormats) {
  EXPECT_EQ(Length::parse("80km").mm(), 80'000'000);
  EXPECT_EQ(Length::parse("500m").mm(), 500'000);
  EXPECT_EQ(Length::parse("12,800km").mm(), 12'800'000'000);
  EXPECT_EQ(Length::parse("3.5m").mm(), 3'500);
  EXPECT_EQ(Length::parse("80km").toString(), "80 km");
  EXPECT_EQ(Length::parse(Length::parse("0.5m").toString()), Length::millimetres(500));
  EXPECT_THROW(Length::parse("-5m"), UnitError);
  EXPECT_THROW(Length::parse("5 miles"), UnitError);
  // Separators group thousands only: a decimal comma is an error, not 10x the value.
  EXPECT_EQ(Length::parse("1_000m").mm(), 1'000'000);
  EXPECT_THROW(Length::parse("1,5km"), UnitError);
  EXPECT_THROW(Length::parse("12,80km"), UnitError);
  EXPECT_THROW(Length::parse(",800km"), UnitError);
}

TEST(OpticalQuantities, DecibelsAttenuationAndLevels) {
  EXPECT_DOUBLE_EQ(Decibel::parse("4.5dB").db(), 4.5);
  EXPECT_DOUBLE_EQ(Decibel::parse("-3dB").db(), -3.0);
  EXPECT_NEAR(Decibel(10).linear(), 10.0, 1e-12);
  const Attenuation a = Attenuation::parse("0.2dB/km");
  EXPECT_DOUBLE_EQ(a.over(Length::kilometres(80)).db(), 16.0);
  EXPECT_THROW(Attenuation::parse("-0.2dB/km"), UnitError);
  EXPECT_THROW(Attenuation::parse("0.2dB"), UnitError);
  const PowerLevel launch = PowerLevel::parse("-3dBm");
  EXPECT_DOUBLE_EQ((launch - Decibel(4)).dbmValue(), -7.0);
  EXPECT_DOUBLE_EQ((launch - PowerLevel::dbm(-10)).db(), 7.0);
  EXPECT_NEAR(PowerLevel::dbm(0).milliwatts(), 1.0, 1e-12);
  EXPECT_THROW(PowerLevel::parse("-3dB"), UnitError);
}

TEST(PowerAndEnergy, ParseAndIntegrate) {
  EXPECT_DOUBLE_EQ(Power::parse("15W").wattsValue(), 15.0);
  EXPECT_DOUBLE_EQ(Power::parse("1.5kW").wattsValue(), 1500.0);
  EXPECT_DOUBLE_EQ(Power::parse("900mW").wattsValue(), 0.9);
  EXPECT_THROW(Power::parse("-1W"), UnitError);
  // 450 W for 2 s = 900 J; 1 kW for 1 h = 1 kWh.
  EXPECT_DOUBLE_EQ(Power::watts(450).over(Duration::parse("2s")).joulesValue(), 900.0);
  EXPECT_DOUBLE_EQ(Energy::parse("1kWh").joulesValue(), 3.6e6);
  EXPECT_DOUBLE_EQ(Energy::parse("1kWh").kilowattHours(), 1.0);
  EXPECT_EQ(Power::parse("15W").toString(), "15 W");
}

}  // namespace
}  // namespace ofe
