// Catalog entries a scenario adds or overrides, by kind.

#include <gtest/gtest.h>

#include "models/Catalog.h"
#include "scenario/ScenarioLoader.h"
#include "topology/Link.h"

namespace ofe::scenario {
namespace {

const char* const kText = R"(name: catalog
catalog:
  modules:
    - name: 400G-DR4          # existing name, no base: only power changes
      power: 7W
    - name: 800G-DR8-lowpower # new name copied from a base
      base: 800G-DR8
      power: 12W
      notes: hypothetical LPO-like part
  fibres:
    - name: lossy             # new name, no base: starts from FibreType{}
      attenuation: 1dB/km
sites:
  - name: dc
fabrics:
  - name: ft
    builder: fat-tree
    site: dc
    k: 2
    fabric_module: 800G-DR8-lowpower
    host_module: 400G-DR4
    host_fibre: lossy
    host_length: 10m
)";

TEST(CatalogOverride, ExistingEntryIsOverriddenFieldByField) {
  const Scenario s = ScenarioLoader::loadString(kText, "catalog.yaml");
  const models::OpticalModule builtin = models::Catalog::builtin().module("400G-DR4");
  const models::OpticalModule& changed = s.catalog.module("400G-DR4");
  EXPECT_EQ(changed.power, Power::watts(7));
  EXPECT_FALSE(builtin.power == Power::watts(7));  // otherwise the override proves nothing
  EXPECT_EQ(changed.rate, builtin.rate);
  EXPECT_EQ(changed.reach, builtin.reach);
  EXPECT_EQ(changed.latency, builtin.latency);
  EXPECT_EQ(changed.source, builtin.source);
}

TEST(CatalogOverride, NewEntryCopiesItsBase) {
  const Scenario s = ScenarioLoader::loadString(kText, "catalog.yaml");
  const models::OpticalModule base = models::Catalog::builtin().module("800G-DR8");
  ASSERT_TRUE(s.catalog.hasModule("800G-DR8-lowpower"));
  const models::OpticalModule& added = s.catalog.module("800G-DR8-lowpower");
  EXPECT_EQ(added.name, "800G-DR8-lowpower");
  EXPECT_EQ(added.power, Power::watts(12));
  EXPECT_EQ(added.notes, "hypothetical LPO-like part");
  EXPECT_EQ(added.rate, base.rate);
  EXPECT_EQ(added.lanes, base.lanes);
  EXPECT_EQ(added.reach, base.reach);
  // The base itself is untouched.
  EXPECT_EQ(s.catalog.module("800G-DR8").power, base.power);
}

TEST(CatalogOverride, NewEntryWithoutBaseStartsFromDefaults) {
  const Scenario s = ScenarioLoader::loadString(kText, "catalog.yaml");
  const models::FibreType& lossy = s.catalog.fibre("lossy");
  EXPECT_DOUBLE_EQ(lossy.attenuation.dbPerKmValue(), 1.0);
  EXPECT_DOUBLE_EQ(lossy.groupIndex, models::FibreType{}.groupIndex);
  EXPECT_EQ(lossy.source, "");
}

TEST(CatalogOverride, FabricIsBuiltFromTheChangedCatalog) {
  const Scenario s = ScenarioLoader::loadString(kText, "catalog.yaml");
  EXPECT_EQ(s.fabric.catalog().module("400G-DR4").power, Power::watts(7));
  // k = 2: link 0 joins the first GPU to its edge switch (host side).
  bool sawHost = false;
  bool sawFabric = false;
  for (const topology::Link& link : s.fabric.links()) {
    if (link.module.name == "400G-DR4") {
      sawHost = true;
      EXPECT_EQ(link.module.power, Power::watts(7));
      EXPECT_EQ(link.fibre.name, "lossy");
      // 1 dB/km over 10 m.
      EXPECT_NEAR(link.worstSpanLoss.db(), 0.01, 1e-12);
    } else {
      sawFabric = true;
      EXPECT_EQ(link.module.name, "800G-DR8-lowpower");
      EXPECT_EQ(link.module.power, Power::watts(12));
    }
  }
  EXPECT_TRUE(sawHost);
  EXPECT_TRUE(sawFabric);
}

TEST(CatalogOverride, DeclaredEntriesAreRecordedByKind) {
  const Scenario s = ScenarioLoader::loadString(kText, "catalog.yaml");
  EXPECT_EQ(s.catalogEntries.at("modules"), (std::vector<std::string>{"400G-DR4", "800G-DR8-lowpower"}));
  EXPECT_EQ(s.catalogEntries.at("fibres"), (std::vector<std::string>{"lossy"}));
  EXPECT_EQ(s.catalogEntries.count("switches"), 0u);
}

TEST(CatalogOverride, EveryKindCanBeExtended) {
  const char* text = R"(name: kinds
catalog:
  switches: [{name: sw, base: 51.2T-64x800G, ports: 32}]
  circuit_switches: [{name: ocs, base: ocs-136, ports: 320}]
  amplifiers: [{name: amp, base: edfa-std-high-gain, gain: 20dB}]
  gpus: [{name: gpu, base: h100-sxm, nics: 2}]
)";
  const Scenario s = ScenarioLoader::loadString(text, "kinds.yaml");
  EXPECT_EQ(s.catalog.packetSwitch("sw").ports, 32);
  EXPECT_EQ(s.catalog.circuitSwitch("ocs").ports, 320);
  EXPECT_DOUBLE_EQ(s.catalog.amplifier("amp").gain.db(), 20.0);
  EXPECT_EQ(s.catalog.gpu("gpu").nics, 2);
}

}  // namespace
}  // namespace ofe::scenario
