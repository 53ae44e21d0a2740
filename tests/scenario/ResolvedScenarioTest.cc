// The resolved scenario (every default written out) loads back to the same fabric, jobs and settings.

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <string>
#include <vector>

#include "scenario/ScenarioLoader.h"
#include "scenario/ScenarioWriter.h"
#include "tests/scenario/ScenarioTestSupport.h"

namespace ofe::scenario {
namespace {

using testing::sourcePath;

// Every section once. Counts by hand:
//   left  fat-tree k=4:  16 GPUs + 20 switches = 36 nodes, 48 links
//   right clos:          8 GPUs + 2 leaves + 2 spines = 12 nodes; 8 host + 2 leaves x 4 uplinks = 16 links
//   explicit node/link:  1 node, 1 link
//   OCS layer:           2 OCS; 4 cores x 2 uplinks / 2 = 4 circuits
//   borders:             1 per site = 2 nodes; 1 x 4 cores + 1 x 2 spines = 6 links
//   long haul 200 km:    ceil(200 / 80) = 3 spans, 2 amplifiers, 1 link
//   total:               55 nodes, 76 links
const char* const kEverything = R"(name: everything
description: |
  every section once: "quoted", # not a comment
  second line
seed: 42
currency: EUR
catalog:
  modules:
    - name: 400G-DR4-cool
      base: 400G-DR4
      power: 7W
    - name: lh-8qam
      base: 400G-LH
      symbol_rate: 120GBd
      modulation: dp-8qam
      required_gsnr: 12.5dB
      tx_power: -5dBm
  fibres:
    - name: smf-large
      base: smf
      dispersion: 20ps/nm/km
      effective_area: 110um2
      pmd: 0.1ps/sqrt(km)
sites:
  - name: a
    region: somewhere
    pue: 1.3
    electricity_price: 0.2
    border: {border_switches: 1, switch_model: 51.2T-128x400G, module: 400G-DR4}
  - name: b
    border: {border_switches: 1, switch_model: 51.2T-128x400G, module: 400G-DR4}
fabrics:
  - name: left
    builder: fat-tree
    site: a
    k: 4
    fabric_module: 400G-DR4-cool
  - name: right
    builder: clos
    site: b
    leaves_per_pod: 2
    spines_per_pod: 2
    gpus_per_leaf: 4
nodes:
  - name: a/spare
    kind: packet-switch
    model: 51.2T-128x400G
    site: a
    tier: 1
links:
  - from: a/spare
    to: a/core0
    module: 400G-DR4
    fibre: smf-1310
    length: 20m
    channels: 2
    bit_error_rate: 1e-12
circuit_switch_layers:
  - over_fabrics: [left]
    site: a
    circuit_switches: 2
    uplinks_per_switch: 2
inter_site_links:
  - kind: long-haul
    name: ab
    from: a
    to: b
    distance: 200km
    module: lh-8qam
    fibre: smf-large
    launch_power: auto
    channel_spacing: 150GHz
    band: c+l
    booster: true
workload:
  jobs:
    - name: j
      ranks: 4
      placement: random
      seed: 3
      start: 1us
      collectives:
        - {op: broadcast, algorithm: flat-double-binary-tree, size: 1MiB, root: 2, chunks: 4}
        - {op: all-reduce, sizes: 1KiB..1MiB, iterations: 3}
    - name: pinned
      ranks: 2
      gpus: [a/pod0/rack0/gpu0, b/pod0/rack0/gpu0]
      collectives: [{op: send-recv}]
simulation:
  seed: 9
  stall_timeout: 1s
  transport: {mtu: 1KiB, recovery: go-back-n, congestion_control: none, min_rto: 1.5us}
  queues: {ecmp: packet-spray, ecn_max_probability: 0.5}
targets:
  max_collective_time: 10ms
  min_busbw: 45GBps
  max_link_utilization: 0.8
  lossless: true
)";

void expectSameFabric(const Scenario& a, const Scenario& b) {
  ASSERT_EQ(a.fabric.nodeCount(), b.fabric.nodeCount());
  ASSERT_EQ(a.fabric.linkCount(), b.fabric.linkCount());
  for (std::size_t i = 0; i < a.fabric.nodeCount(); ++i) {
    const topology::Node& x = a.fabric.nodes()[i];
    const topology::Node& y = b.fabric.nodes()[i];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.model, y.model);
    EXPECT_EQ(x.site, y.site);
  }
  for (std::size_t i = 0; i < a.fabric.linkCount(); ++i) {
    const topology::Link& x = a.fabric.links()[i];
    const topology::Link& y = b.fabric.links()[i];
    EXPECT_EQ(a.fabric.node(x.a).name, b.fabric.node(y.a).name);
    EXPECT_EQ(a.fabric.node(x.b).name, b.fabric.node(y.b).name);
    EXPECT_EQ(x.module.name, y.module.name);
    EXPECT_EQ(x.module.power, y.module.power);
    EXPECT_EQ(x.fibre.name, y.fibre.name);
    EXPECT_EQ(x.length, y.length);
    EXPECT_EQ(x.channels, y.channels);
    EXPECT_EQ(x.bitErrorRate, y.bitErrorRate);
    EXPECT_EQ(x.standby, y.standby);
    ASSERT_EQ(x.qot.has_value(), y.qot.has_value());
    if (x.qot) {
      EXPECT_EQ(x.qot->worst.gsnrSignal.db(), y.qot->worst.gsnrSignal.db());
      EXPECT_EQ(x.qot->launchPower.dbmValue(), y.qot->launchPower.dbmValue());
    }
    EXPECT_EQ(x.latency, y.latency);
  }
}

void expectSameJobs(const Scenario& a, const Scenario& b) {
  ASSERT_EQ(a.jobs.size(), b.jobs.size());
  for (std::size_t j = 0; j < a.jobs.size(); ++j) {
    const traffic::JobSpec& x = a.jobs[j];
    const traffic::JobSpec& y = b.jobs[j];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.ranks, y.ranks);
    EXPECT_EQ(x.placement, y.placement);
    EXPECT_EQ(x.seed, y.seed);
    EXPECT_EQ(x.gpus, y.gpus);
    EXPECT_EQ(x.start, y.start);
    ASSERT_EQ(x.collectives.size(), y.collectives.size());
    for (std::size_t c = 0; c < x.collectives.size(); ++c) {
      EXPECT_EQ(x.collectives[c].op, y.collectives[c].op);
      EXPECT_EQ(x.collectives[c].algorithm, y.collectives[c].algorithm);
      EXPECT_EQ(x.collectives[c].minBytes, y.collectives[c].minBytes);
      EXPECT_EQ(x.collectives[c].maxBytes, y.collectives[c].maxBytes);
      EXPECT_EQ(x.collectives[c].iterations, y.collectives[c].iterations);
      EXPECT_EQ(x.collectives[c].chunks, y.collectives[c].chunks);
      EXPECT_EQ(x.collectives[c].root, y.collectives[c].root);
    }
  }
}

/// Writes @p original, loads the text again and checks both describe the same run.
void roundTrip(const Scenario& original) {
  const std::string text = ScenarioWriter::resolvedYaml(original);
  const Scenario again = ScenarioLoader::loadString(text, "resolved.yaml");
  expectSameFabric(original, again);
  expectSameJobs(original, again);
  EXPECT_EQ(again.name, original.name);
  EXPECT_EQ(again.seed, original.seed);
  EXPECT_EQ(again.settings.seed, original.settings.seed);
  EXPECT_EQ(again.settings.stallTimeout, original.settings.stallTimeout);
  EXPECT_EQ(again.settings.rerouteDelay, original.settings.rerouteDelay);
  const std::vector<topology::LinkEvent> events = original.linkEvents();
  const std::vector<topology::LinkEvent> reloaded = again.linkEvents();
  ASSERT_EQ(reloaded.size(), events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(reloaded[i].at, events[i].at);
    EXPECT_EQ(reloaded[i].link, events[i].link);
    EXPECT_EQ(reloaded[i].up, events[i].up);
  }
  // Writing the reloaded scenario gives the same text: nothing is lost or added.
  EXPECT_EQ(ScenarioWriter::resolvedYaml(again), text);
}

TEST(ResolvedScenario, LineAndCoherentKeysReachTheQotEstimate) {
  const Scenario s = ScenarioLoader::loadString(kEverything, "everything.yaml");
  std::size_t r = 0;
  while (r < s.fabric.linkCount() && s.fabric.links()[r].module.name != "lh-8qam") ++r;
  ASSERT_LT(r, s.fabric.linkCount());
  const topology::Link& route = s.fabric.links()[r];
  EXPECT_DOUBLE_EQ(route.module.symbolRate.gigabaudValue(), 120.0);
  EXPECT_EQ(route.module.modulation, models::Modulation::Dp8Qam);
  EXPECT_DOUBLE_EQ(route.fibre.effectiveArea.squareMicrometresValue(), 110.0);
  ASSERT_TRUE(route.qot.has_value());
  const models::QotEstimate& q = *route.qot;
  // 150 GHz slots: 4.8 THz of C holds 32, 3.8 THz of L 25.
  EXPECT_EQ(q.slots, 32 + 25);
  EXPECT_DOUBLE_EQ(q.channelSpacing.gigahertzValue(), 150.0);
  EXPECT_EQ(q.amplifiers, 4);  // booster, 2 in-line, preamplifier
  EXPECT_DOUBLE_EQ(q.launchPower.dbmValue(), q.optimumLaunchPower.dbmValue());  // auto
  ASSERT_TRUE(q.margin.has_value());
  EXPECT_NEAR(q.margin->db(), q.worst.gsnrSignal.db() - 12.5, 1e-12);
  // 200 km x 0.1 ps/sqrt(km): PMD sqrt(200) x 0.1; CD 200 x 20.
  EXPECT_NEAR(q.pmdPs, 0.1 * std::sqrt(200.0), 1e-12);
  EXPECT_NEAR(q.dispersionPsPerNm, 4000.0, 1e-9);
}

TEST(ResolvedScenario, EverySectionBuildsTheHandCountedFabric) {
  const Scenario s = ScenarioLoader::loadString(kEverything, "everything.yaml");
  EXPECT_EQ(s.fabric.nodeCount(), 55u);
  EXPECT_EQ(s.fabric.linkCount(), 76u);
  EXPECT_EQ(s.fabric.countOf(topology::NodeKind::CircuitSwitch), 2u);
  EXPECT_EQ(s.fabric.countOf(topology::NodeKind::Amplifier), 2u);
  EXPECT_EQ(s.circuitSwitchLayers.at(0).part.links.size(), 4u);
}

TEST(ResolvedScenario, EverySectionRoundTrips) {
  const Scenario s = ScenarioLoader::loadString(kEverything, "everything.yaml");
  roundTrip(s);
  const Scenario again = ScenarioLoader::loadString(ScenarioWriter::resolvedYaml(s), "resolved.yaml");
  EXPECT_EQ(again.description, "every section once: \"quoted\", # not a comment\nsecond line\n");
  EXPECT_EQ(again.currency, "EUR");
  EXPECT_EQ(again.catalog.module("400G-DR4-cool").power, Power::watts(7));
  ASSERT_EQ(again.sites.size(), 2u);
  EXPECT_DOUBLE_EQ(again.sites[0].pue, 1.3);
  EXPECT_DOUBLE_EQ(again.sites[0].electricityPrice, 0.2);
  EXPECT_EQ(again.settings.transport.mtu, Bytes(1024));
  EXPECT_EQ(again.settings.transport.minRto, Duration::nanoseconds(1500));
  EXPECT_EQ(again.settings.transport.recovery, models::LossRecovery::GoBackN);
  EXPECT_EQ(again.settings.transport.congestionControl, models::CongestionControl::None);
  EXPECT_EQ(again.settings.queues.ecmp, models::EcmpMode::PacketSpray);
  EXPECT_DOUBLE_EQ(again.settings.queues.ecnMaxProbability, 0.5);
  EXPECT_EQ(again.targets.maxCollectiveTime, Duration::milliseconds(10));
  EXPECT_EQ(again.targets.minBusBandwidth, DataRate::gbps(360));  // 45 GB/s x 8
  EXPECT_EQ(again.targets.maxLinkUtilization, 0.8);
  EXPECT_FALSE(again.targets.maxSiteLatency.has_value());
  EXPECT_TRUE(again.targets.lossless);
}

TEST(ResolvedScenario, WritesEveryDefaultAndNoBase) {
  const Scenario s = ScenarioLoader::loadString(kEverything, "everything.yaml");
  const YAML::Node doc = YAML::Load(ScenarioWriter::resolvedYaml(s));
  // Defaults the input left out are spelled: FatTreeParams{}.hostLength, TransportModel{}.headerBytes.
  EXPECT_EQ(doc["fabrics"][0]["host_length"].Scalar(), "3 m");
  EXPECT_EQ(doc["simulation"]["transport"]["header_bytes"].Scalar(), "62 B");
  // The copied module is written in full, without its base.
  const YAML::Node module = doc["catalog"]["modules"][0];
  EXPECT_FALSE(module["base"].IsDefined());
  EXPECT_EQ(module["power"].Scalar(), "7 W");
  EXPECT_EQ(module["rate"].Scalar(), "400 Gbps");
}

TEST(ResolvedScenario, ShippedScenariosRoundTrip) {
  for (const char* name :
       {"rail-pod", "leaf-spine-1to1", "leaf-spine-2to1", "fat-tree-k8", "edwc-two-site", "trans-pacific",
        "ocs-topology-engineering"}) {
    SCOPED_TRACE(name);
    roundTrip(ScenarioLoader::loadFile(sourcePath(std::string("scenarios/") + name + ".yaml")));
  }
  SCOPED_TRACE("default");
  roundTrip(ScenarioLoader::defaultScenario());
}

}  // namespace
}  // namespace ofe::scenario
