#include "units/Duration.h"

#include <gtest/gtest.h>

#include "units/UnitError.h"

namespace ofe {
namespace {

TEST(Duration, ParsesEveryUnitToExactPicoseconds) {
  EXPECT_EQ(Duration::parse("3ps").ps(), 3);
  EXPECT_EQ(Duration::parse("500ns").ps(), 500'000);
  EXPECT_EQ(Duration::parse("20us").ps(), 20'000'000);
  EXPECT_EQ(Duration::parse("1.5ms").ps(), 1'500'000'000);
  EXPECT_EQ(Duration::parse("2s").ps(), 2'000'000'000'000);
  EXPECT_EQ(Duration::parse(" 7 ns ").ps(), 7'000);
}

TEST(Duration, FormatsAndRoundTrips) {
  for (const char* text : {"3ps", "30ns", "20us", "62.677364ms", "2s"}) {
    const Duration d = Duration::parse(text);
    const std::string shown = fmt::format("{}", d);
    EXPECT_EQ(Duration::parse(shown), d) << text << " -> " << shown;
  }
  EXPECT_EQ(fmt::format("{}", Duration::nanoseconds(30)), "30 ns");
  EXPECT_EQ(Duration::microseconds(62'677).toString(), "62.677 ms");
}

TEST(Duration, RejectsMalformedAndNegative) {
  EXPECT_THROW(Duration::parse("20"), UnitError);
  EXPECT_THROW(Duration::parse("us"), UnitError);
  EXPECT_THROW(Duration::parse("20 parsecs"), UnitError);
  EXPECT_THROW(Duration::parse("-1ns"), UnitError);
  EXPECT_THROW(Duration::parse("nanus"), UnitError);
  try {
    Duration::parse("20uss");
    FAIL() << "expected UnitError";
  } catch (const UnitError& e) {
    EXPECT_NE(std::string(e.what()).find("'20uss'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("ps, ns, us"), std::string::npos) << e.what();
  }
}

TEST(Duration, ArithmeticIsExact) {
  const Duration a = Duration::nanoseconds(30) + Duration::picoseconds(5);
  EXPECT_EQ(a.ps(), 30'005);
  EXPECT_EQ((a * 3).ps(), 90'015);
  EXPECT_EQ(Duration::fromSeconds(1.25e-9).ps(), 1'250);
}

}  // namespace
}  // namespace ofe
