// Keys left out take the defaults of the structs they bind to, and the
// reference documents exactly those defaults.

#include <gtest/gtest.h>

#include <string>

#include "models/EngineSettings.h"
#include "scenario/ParameterRegistry.h"
#include "scenario/ScenarioLoader.h"
#include "topology/RailPodBuilder.h"

namespace ofe::scenario {
namespace {

const KeyDoc& docOf(const KeyTable& table, const std::string& key) {
  for (const KeyDoc& d : table.docs()) {
    if (d.key == key) return d;
  }
  throw std::out_of_range("no key " + key);
}

TEST(Defaults, SimulationSettingsEqualTheStructDefaults) {
  const Scenario s = ScenarioLoader::loadString("name: t\n", "t.yaml");
  const models::EngineSettings e;
  EXPECT_EQ(s.settings.engine, e.engine);
  EXPECT_EQ(s.settings.seed, e.seed);
  EXPECT_EQ(s.settings.stallTimeout, e.stallTimeout);
  EXPECT_EQ(s.settings.timeLimit, e.timeLimit);

  const models::TransportModel t;
  const models::TransportModel& got = s.settings.transport;
  EXPECT_EQ(got.mtu, t.mtu);
  EXPECT_EQ(got.headerBytes, t.headerBytes);
  EXPECT_EQ(got.wireOverhead, t.wireOverhead);
  EXPECT_EQ(got.ackBytes, t.ackBytes);
  EXPECT_EQ(got.ackEvery, t.ackEvery);
  EXPECT_EQ(got.recovery, t.recovery);
  EXPECT_EQ(got.minRto, t.minRto);
  EXPECT_EQ(got.rtoRttMultiple, t.rtoRttMultiple);
  EXPECT_EQ(got.window, t.window);
  EXPECT_EQ(got.windowBdpMultiple, t.windowBdpMultiple);
  EXPECT_EQ(got.congestionControl, t.congestionControl);
  EXPECT_EQ(got.dcqcnG, t.dcqcnG);
  EXPECT_EQ(got.dcqcnAlphaInterval, t.dcqcnAlphaInterval);
  EXPECT_EQ(got.dcqcnIncreaseInterval, t.dcqcnIncreaseInterval);
  EXPECT_EQ(got.dcqcnAdditiveIncrease, t.dcqcnAdditiveIncrease);
  EXPECT_EQ(got.cnpInterval, t.cnpInterval);

  const models::SwitchQueueModel q;
  const models::SwitchQueueModel& gq = s.settings.queues;
  EXPECT_EQ(gq.ecmp, q.ecmp);
  EXPECT_EQ(gq.portBuffer, q.portBuffer);
  EXPECT_EQ(gq.sharedBuffer, q.sharedBuffer);
  EXPECT_EQ(gq.dynamicThresholdAlpha, q.dynamicThresholdAlpha);
  EXPECT_EQ(gq.ecn, q.ecn);
  EXPECT_EQ(gq.ecnMinThreshold, q.ecnMinThreshold);
  EXPECT_EQ(gq.ecnMaxThreshold, q.ecnMaxThreshold);
  EXPECT_EQ(gq.ecnMaxProbability, q.ecnMaxProbability);
  EXPECT_EQ(gq.pfc, q.pfc);
  EXPECT_EQ(gq.pfcThreshold, q.pfcThreshold);
  EXPECT_EQ(gq.pfcHeadroom, q.pfcHeadroom);
  EXPECT_EQ(gq.storeAndForward, q.storeAndForward);
}

TEST(Defaults, BuilderParametersLeftOutKeepTheStructDefaults) {
  const char* text = R"(name: t
sites: [{name: dc}]
fabrics:
  - name: pod
    builder: rail-pod
    site: dc
    servers_per_unit: 2
)";
  const Scenario s = ScenarioLoader::loadString(text, "t.yaml");
  const auto& p = std::get<topology::RailPodParams>(s.fabrics.at(0).params);
  const topology::RailPodParams d;
  EXPECT_EQ(p.serversPerUnit, 2);
  EXPECT_EQ(p.scalableUnits, d.scalableUnits);
  EXPECT_EQ(p.gpusPerServer, d.gpusPerServer);
  EXPECT_EQ(p.spines, d.spines);
  EXPECT_EQ(p.scaleUp, d.scaleUp);
  EXPECT_EQ(p.prefix, d.prefix);
  EXPECT_EQ(p.switchModel, d.switchModel);
  EXPECT_EQ(p.scaleUpSwitchModel, d.scaleUpSwitchModel);
  EXPECT_EQ(p.gpuModel, d.gpuModel);
  EXPECT_EQ(p.hostModule, d.hostModule);
  EXPECT_EQ(p.fabricModule, d.fabricModule);
  EXPECT_EQ(p.scaleUpModule, d.scaleUpModule);
  EXPECT_EQ(p.hostFibre, d.hostFibre);
  EXPECT_EQ(p.fabricFibre, d.fabricFibre);
  EXPECT_EQ(p.scaleUpFibre, d.scaleUpFibre);
  EXPECT_EQ(p.hostLength, d.hostLength);
  EXPECT_EQ(p.leafSpineLength, d.leafSpineLength);
  EXPECT_EQ(p.scaleUpLength, d.scaleUpLength);
}

TEST(Defaults, SimulationSeedFollowsTheTopLevelSeedUnlessGiven) {
  EXPECT_EQ(ScenarioLoader::loadString("name: t\nseed: 42\n", "t.yaml").settings.seed, 42u);
  EXPECT_EQ(ScenarioLoader::loadString("name: t\nseed: 42\nsimulation: {seed: 7}\n", "t.yaml").settings.seed, 7u);
}

TEST(Defaults, TheReferenceShowsTheStructDefaults) {
  const ParameterRegistry registry;
  // Spelled by hand from the struct initialisers: FatTreeParams k = 4, hostLength 3 m;
  // TransportModel mtu 4096 B, minRto 100 us, recovery SelectiveRepeat; ClosParams oversubscription 1.0.
  EXPECT_EQ(docOf(registry.fields<topology::FatTreeParams>(), "k").defaultText, "4");
  EXPECT_EQ(docOf(registry.fields<topology::FatTreeParams>(), "host_length").defaultText, "3 m");
  EXPECT_EQ(docOf(registry.fields<models::TransportModel>(), "mtu").defaultText, "4 KiB");
  EXPECT_EQ(docOf(registry.fields<models::TransportModel>(), "min_rto").defaultText, "100 us");
  EXPECT_EQ(docOf(registry.fields<models::TransportModel>(), "recovery").defaultText, "selective-repeat");
  EXPECT_EQ(docOf(registry.fields<topology::ClosParams>(), "oversubscription").defaultText, "1");
  EXPECT_EQ(docOf(registry.fields<topology::RailPodParams>(), "prefix").defaultText, "\"\"");
  EXPECT_EQ(docOf(registry.fields<models::TransportModel>(), "recovery").type,
            "enum: go-back-n, selective-repeat");
  EXPECT_TRUE(docOf(registry.fields<topology::FatTreeParams>(), "switch_model").type.find("catalog switch") !=
              std::string::npos);
  EXPECT_TRUE(docOf(registry.fields<Scenario>(), "name").required);
}

}  // namespace
}  // namespace ofe::scenario
