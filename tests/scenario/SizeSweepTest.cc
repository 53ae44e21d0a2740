// nccl-tests-style size sweeps.

#include "scenario/SizeSweep.h"

#include <gtest/gtest.h>

#include "scenario/ScenarioLoader.h"
#include "units/UnitError.h"

namespace ofe::scenario {
namespace {

TEST(SizeSweep, OneKibToTwoHundredFiftySixMibIsNineteenDoublings) {
  const SizeSweep sweep = SizeSweep::parse("1KiB..256MiB");
  EXPECT_EQ(sweep.min, Bytes(1024));
  EXPECT_EQ(sweep.max, Bytes(268435456));
  const std::vector<Bytes> sizes = sweep.sizes();
  // 2^10 .. 2^28: 28 - 10 + 1 = 19 sizes.
  ASSERT_EQ(sizes.size(), 19u);
  EXPECT_EQ(sizes.front(), Bytes(1024));
  EXPECT_EQ(sizes.back(), Bytes(268435456));
  for (std::size_t i = 1; i < sizes.size(); ++i) EXPECT_EQ(sizes[i], sizes[i - 1] * 2);
}

TEST(SizeSweep, EndsAtTheLastDoublingNotAboveMax) {
  EXPECT_EQ(SizeSweep::parse("1KiB..3KiB").sizes(), (std::vector<Bytes>{Bytes(1024), Bytes(2048)}));
  EXPECT_EQ(SizeSweep::parse("4MiB..4MiB").sizes(), (std::vector<Bytes>{Bytes(4194304)}));
}

TEST(SizeSweep, SpellsItselfSoItParsesBack) {
  const SizeSweep sweep = SizeSweep::parse("1KiB..256MiB");
  EXPECT_EQ(sweep.toString(), "1 KiB..256 MiB");
  const SizeSweep again = SizeSweep::parse(sweep.toString());
  EXPECT_EQ(again.min, sweep.min);
  EXPECT_EQ(again.max, sweep.max);
}

TEST(SizeSweep, RejectsMalformedRanges) {
  EXPECT_THROW(SizeSweep::parse("1KiB"), std::invalid_argument);
  EXPECT_THROW(SizeSweep::parse("0B..1KiB"), std::invalid_argument);
  EXPECT_THROW(SizeSweep::parse("4KiB..1KiB"), std::invalid_argument);
  EXPECT_THROW(SizeSweep::parse("1KiB..2XB"), UnitError);
}

TEST(SizeSweep, CollectiveSizeAndSizesFillMinAndMax) {
  const char* text = R"(name: t
sites: [{name: dc}]
fabrics: [{name: ft, builder: fat-tree, site: dc, k: 2}]
workload:
  jobs:
    - name: j
      ranks: 2
      collectives:
        - {op: all-reduce, sizes: 1KiB..256MiB}
        - {op: all-gather, size: 4MiB}
        - {op: broadcast}
)";
  const Scenario s = ScenarioLoader::loadString(text, "t.yaml");
  const auto& c = s.jobs.at(0).collectives;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].minBytes, Bytes(1024));
  EXPECT_EQ(c[0].maxBytes, Bytes(268435456));
  EXPECT_EQ(c[1].minBytes, Bytes(4194304));
  EXPECT_EQ(c[1].maxBytes, Bytes(4194304));
  // Neither key: CollectiveSpec's default size.
  EXPECT_EQ(c[2].minBytes, traffic::CollectiveSpec{}.minBytes);
  EXPECT_EQ(c[2].maxBytes, traffic::CollectiveSpec{}.maxBytes);
}

}  // namespace
}  // namespace ofe::scenario
