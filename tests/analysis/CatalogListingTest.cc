#include <gtest/gtest.h>

#include <string>

#include "analysis/CatalogListing.h"
#include "models/Catalog.h"

namespace ofe::analysis {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CatalogListing, TableNamesEveryEntry) {
  const models::Catalog c = models::Catalog::builtin();
  const std::string t = catalogTable(c);
  for (const auto& kv : c.modules()) EXPECT_TRUE(contains(t, kv.first)) << kv.first;
  for (const auto& kv : c.fibres()) EXPECT_TRUE(contains(t, kv.first)) << kv.first;
  for (const auto& kv : c.switches()) EXPECT_TRUE(contains(t, kv.first)) << kv.first;
  for (const auto& kv : c.circuitSwitches()) EXPECT_TRUE(contains(t, kv.first)) << kv.first;
  for (const auto& kv : c.amplifiers()) EXPECT_TRUE(contains(t, kv.first)) << kv.first;
  for (const auto& kv : c.gpus()) EXPECT_TRUE(contains(t, kv.first)) << kv.first;
}

TEST(CatalogListing, TableMarksAssumptionsOnly) {
  const models::Catalog c = models::Catalog::builtin();
  const std::string t = catalogTable(c);
  // 800G-DR8 carries estimated latency: starred, and its note printed.
  EXPECT_TRUE(contains(t, "\n800G-DR8*"));
  EXPECT_TRUE(contains(t, "  * 800G-DR8: " + c.module("800G-DR8").notes));
  // smf (FOA + GNPy figures) is not an assumption: its row starts with the bare name.
  ASSERT_FALSE(c.fibre("smf").assumption);
  EXPECT_TRUE(contains(t, "\nsmf "));
  EXPECT_FALSE(contains(t, "\nsmf*"));
}

TEST(CatalogListing, TablePrintsFiguresWithUnits) {
  const std::string t = catalogTable(models::Catalog::builtin());
  EXPECT_TRUE(contains(t, "850 Gbps"));  // 800G-DR8 line rate: 800 x 17/16
  EXPECT_TRUE(contains(t, "3 dB"));      // 800GBASE-DR8 channel allowance
  EXPECT_TRUE(contains(t, "51.2 Tbps"));
}

TEST(CatalogListing, JsonHasEveryEntryInBaseUnits) {
  const models::Catalog c = models::Catalog::builtin();
  const nlohmann::json j = catalogJson(c);
  for (const auto& kv : c.modules()) EXPECT_TRUE(j["modules"].contains(kv.first)) << kv.first;
  for (const auto& kv : c.fibres()) EXPECT_TRUE(j["fibres"].contains(kv.first)) << kv.first;
  for (const auto& kv : c.switches()) EXPECT_TRUE(j["switches"].contains(kv.first)) << kv.first;
  for (const auto& kv : c.circuitSwitches())
    EXPECT_TRUE(j["circuitSwitches"].contains(kv.first)) << kv.first;
  for (const auto& kv : c.amplifiers()) EXPECT_TRUE(j["amplifiers"].contains(kv.first)) << kv.first;
  for (const auto& kv : c.gpus()) EXPECT_TRUE(j["gpus"].contains(kv.first)) << kv.first;

  EXPECT_EQ(j["modules"]["800G-DR8"]["lineRate_bps"].get<std::int64_t>(), 850'000'000'000);
  EXPECT_EQ(j["modules"]["800G-DR8"]["reach_mm"].get<std::int64_t>(), 500'000);
  // 1 km at n = 1.468: 1.468e15 / 299,792,458 = 4,896,720.9 ps -> 4,896,721.
  EXPECT_EQ(j["fibres"]["smf"]["delayPerKm_ps"].get<std::int64_t>(), 4'896'721);
  EXPECT_EQ(j["circuitSwitches"]["ocs-136"]["reconfiguration_ps"].get<std::int64_t>(),
            3'000'000'000);
  EXPECT_EQ(j["fibres"]["smf"]["assumption"].get<bool>(), false);
  EXPECT_EQ(j["fibres"]["copper"]["assumption"].get<bool>(), true);
}

}  // namespace
}  // namespace ofe::analysis
