// Every way a scenario can be wrong, each pinned to its file:line:col and key path.

#include <gtest/gtest.h>

#include <string>

#include "scenario/ScenarioError.h"
#include "scenario/ScenarioLoader.h"
#include "tests/scenario/ScenarioTestSupport.h"
#include "topology/Fabric.h"
#include "topology/FatTreeBuilder.h"
#include "units/Length.h"
#include "units/UnitError.h"

namespace ofe::scenario {
namespace {

using testing::expectError;
using testing::loadError;

// A valid scenario of 8 lines: one site, a k = 2 fat-tree (GPUs dc/pod0/rack0/gpu0
// and dc/pod1/rack0/gpu0, core switch dc/core0). Tests append lines 9 onwards.
const std::string kBase =
    "name: t\n"             // 1
    "sites:\n"              // 2
    "  - name: dc\n"        // 3
    "fabrics:\n"            // 4
    "  - name: ft\n"        // 5  the entry's map starts at column 5
    "    builder: fat-tree\n"  // 6
    "    site: dc\n"        // 7
    "    k: 2\n";           // 8

TEST(ScenarioError, BaseScenarioLoads) {
  const Scenario s = ScenarioLoader::loadString(kBase, "test.yaml");
  // k = 2: 2 GPUs + 2 edge + 2 aggregation + 1 core; 3k^3/4 = 6 links.
  EXPECT_EQ(s.fabric.nodeCount(), 7u);
  EXPECT_EQ(s.fabric.linkCount(), 6u);
}

TEST(ScenarioError, WhatReadsFileLineColumnKeyPathMessage) {
  const ScenarioError e("a.yaml", 3, 7, "fabrics[0].k", "bad");
  EXPECT_STREQ(e.what(), "a.yaml:3:7: fabrics[0].k: bad");
  EXPECT_STREQ(ScenarioError("a.yaml", 0, 0, "", "cannot read").what(), "a.yaml: cannot read");
}

TEST(ScenarioError, YamlSyntaxErrorHasItsPosition) {
  // The flow sequence opened on line 2 is never closed; yaml-cpp reports the
  // end of input it reached while looking for "]": line 3, column 1.
  const ScenarioError e = loadError("name: t\nsites: [dc\n");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.column(), 1);
  EXPECT_EQ(e.keyPath(), "");
  EXPECT_EQ(std::string(e.what()).rfind("test.yaml:3:1: ", 0), 0u) << e.what();
}

TEST(ScenarioError, UnknownTopLevelKey) {
  expectError(loadError("name: t\nnme: typo\n"), 2, 1, "nme",
              "unknown key 'nme' (expected one of: name, description, seed, currency, catalog, sites, fabrics, "
              "circuit_switch_layers, inter_site_links, nodes, links, workload, simulation, targets)");
}

TEST(ScenarioError, UnknownKeyInABuilderEntry) {
  expectError(loadError(kBase + "    kk: 4\n"), 9, 5, "fabrics[0].kk",
              "unknown key 'kk' (expected one of: name, builder, k, fabric_module,");
}

TEST(ScenarioError, UnknownKeyTwoLevelsDown) {
  expectError(loadError("name: t\nsimulation:\n  transport:\n    mtuu: 9000B\n"), 4, 5,
              "simulation.transport.mtuu", "unknown key 'mtuu' (expected one of: mtu, header_bytes,");
}

TEST(ScenarioError, KeyGivenTwice) {
  expectError(loadError(kBase + "    k: 4\n"), 9, 5, "fabrics[0].k", "key 'k' given twice");
}

TEST(ScenarioError, WrongTypeInteger) {
  std::string text = kBase;
  text.replace(text.find("k: 2"), 4, "k: four");
  // "    k: four": the value starts at column 8.
  expectError(loadError(text), 8, 8, "fabrics[0].k", "expected an integer, got 'four'");
}

TEST(ScenarioError, WrongTypeListExpected) {
  expectError(loadError("name: t\nsites: dc\n"), 2, 8, "sites", "expected a list, got 'dc'");
}

TEST(ScenarioError, WrongTypeBoolean) {
  // YAML 1.1 would take "yes" for true; the scenario language does not.
  expectError(loadError("name: t\ntargets:\n  lossless: yes\n"), 3, 13, "targets.lossless",
              "expected true or false, got 'yes'");
}

TEST(ScenarioError, MalformedUnitCarriesTheUnitErrorText) {
  std::string unitMessage;
  try {
    Length::parse("3 parsecs");
  } catch (const UnitError& e) {
    unitMessage = e.what();
  }
  ASSERT_FALSE(unitMessage.empty());
  // "    host_length: 3 parsecs": 4 spaces + "host_length:" (12) + 1 space, value at column 18.
  const ScenarioError e = loadError(kBase + "    host_length: 3 parsecs\n");
  expectError(e, 9, 18, "fabrics[0].host_length", unitMessage);
  EXPECT_EQ(e.message(), unitMessage);
}

TEST(ScenarioError, MissingRequiredKeyPointsAtItsMap) {
  const std::string text =
      "name: t\n"
      "sites:\n"
      "  - name: dc\n"
      "fabrics:\n"
      "  - name: ft\n"
      "    site: dc\n";
  expectError(loadError(text), 5, 5, "fabrics[0].builder", "missing required key 'builder'");
}

TEST(ScenarioError, MissingNameAtTopLevel) {
  expectError(loadError("seed: 3\n"), 1, 1, "name", "missing required key 'name'");
  expectError(loadError(""), 1, 1, "name", "missing required key 'name'");
}

TEST(ScenarioError, UnknownSiteWritten) {
  std::string text = kBase;
  text.replace(text.find("site: dc"), 8, "site: nowhere");
  expectError(loadError(text), 7, 11, "fabrics[0].site", "unknown site 'nowhere' (known: dc)");
}

TEST(ScenarioError, UnknownSiteByDefault) {
  // FatTreeParams{}.site is "dc"; with only "east" declared the default dangles,
  // and the error points at the entry that left it out.
  const std::string text =
      "name: t\n"
      "sites:\n"
      "  - name: east\n"
      "fabrics:\n"
      "  - name: ft\n"
      "    builder: fat-tree\n"
      "    k: 2\n";
  expectError(loadError(text), 5, 5, "fabrics[0].site", "unknown site 'dc' (known: east)");
}

TEST(ScenarioError, UnknownNodeInALink) {
  const std::string links =
      "links:\n"                  // 9
      "  - from: nope\n"          // 10: value at column 11
      "    to: dc/core0\n"
      "    module: 400G-DR4\n";
  expectError(loadError(kBase + links), 10, 11, "links[0].from", "unknown node 'nope'");
}

TEST(ScenarioError, UnknownNodeInAJobsGpuList) {
  const std::string jobs =
      "workload:\n"                                            // 9
      "  jobs:\n"                                              // 10
      "    - name: j\n"                                        // 11
      "      ranks: 2\n"                                       // 12
      "      gpus: [dc/pod0/rack0/gpu0, dc/pod0/rack0/gpu9]\n"  // 13: '[' at 13, item 1 at 14, item 2 at 34
      "      collectives:\n"
      "        - op: all-reduce\n";
  expectError(loadError(kBase + jobs), 13, 34, "workload.jobs[0].gpus[1]", "unknown node 'dc/pod0/rack0/gpu9'");
}

TEST(ScenarioError, UnknownCatalogEntry) {
  // "    switch_model: no-such-switch": value at column 4 + 13 + 1 + 1 = 19.
  expectError(loadError(kBase + "    switch_model: no-such-switch\n"), 9, 19, "fabrics[0].switch_model",
              "unknown packet switch 'no-such-switch' (known: ");
}

TEST(ScenarioError, UnknownCatalogBase) {
  const std::string text =
      "name: t\n"
      "catalog:\n"
      "  modules:\n"
      "    - name: my-dr4\n"
      "      base: 400G-DR9\n";
  expectError(loadError(text), 5, 13, "catalog.modules[0].base", "unknown optical module '400G-DR9' (known: ");
}

TEST(ScenarioError, UnknownBuilder) {
  std::string text = kBase;
  text.replace(text.find("fat-tree"), 8, "mesh");
  expectError(loadError(text), 6, 14, "fabrics[0].builder",
              "'mesh' is not one of: fat-tree, clos, rail-pod, dragonfly, torus");
}

TEST(ScenarioError, UnknownEnumValue) {
  const std::string jobs =
      "workload:\n"
      "  jobs:\n"
      "    - name: j\n"
      "      placement: scattered\n"  // 12: value at column 18
      "      collectives:\n"
      "        - op: all-reduce\n";
  expectError(loadError(kBase + jobs), 12, 18, "workload.jobs[0].placement",
              "'scattered' is not one of: contiguous, rail-aligned, random");
}

TEST(ScenarioError, ValueOutOfRange) {
  expectError(loadError("name: t\nsites:\n  - name: dc\n    pue: 0.5\n"), 4, 10, "sites[0].pue",
              "0.5 must be at least 1");
}

TEST(ScenarioError, DuplicateSite) {
  expectError(loadError("name: t\nsites:\n  - name: dc\n  - name: dc\n"), 4, 11, "sites[1].name",
              "site 'dc' is declared twice");
}

TEST(ScenarioError, DuplicateFabric) {
  const std::string second =
      "  - name: ft\n"  // 9
      "    builder: fat-tree\n"
      "    prefix: other\n";
  expectError(loadError(kBase + second), 9, 11, "fabrics[1].name", "fabric 'ft' is declared twice");
}

TEST(ScenarioError, DuplicateNodeName) {
  const std::string nodes =
      "nodes:\n"                  // 9
      "  - name: dc/core0\n"      // 10: value at column 11
      "    model: 51.2T-128x400G\n"
      "    site: dc\n";
  expectError(loadError(kBase + nodes), 10, 11, "nodes[0].name", "node name 'dc/core0' is already taken");
}

TEST(ScenarioError, DuplicateJob) {
  const std::string jobs =
      "workload:\n"
      "  jobs:\n"
      "    - name: j\n"
      "      ranks: 1\n"
      "      collectives: [{op: all-reduce}]\n"
      "    - name: j\n"  // 14: value at column 13
      "      ranks: 1\n"
      "      collectives: [{op: all-reduce}]\n";
  expectError(loadError(kBase + jobs), 14, 13, "workload.jobs[1].name", "job 'j' is declared twice");
}

TEST(ScenarioError, DuplicateCatalogEntry) {
  const std::string text =
      "name: t\n"
      "catalog:\n"
      "  fibres:\n"
      "    - name: lossy\n"
      "      attenuation: 1dB/km\n"
      "    - name: lossy\n";  // 6: value at column 13
  expectError(loadError(text), 6, 13, "catalog.fibres[1].name", "catalog entry 'lossy' is declared twice");
}

TEST(ScenarioError, ParameterRejectedByTheBuilder) {
  // The builder's own message, whatever its wording, is carried after "fat-tree builder: ".
  std::string builderMessage;
  try {
    topology::Fabric fabric;
    topology::FatTreeParams params;
    params.k = 3;
    topology::buildFatTree(fabric, params);
  } catch (const std::invalid_argument& e) {
    builderMessage = e.what();
  }
  ASSERT_FALSE(builderMessage.empty());
  std::string text = kBase;
  text.replace(text.find("k: 2"), 4, "k: 3");
  const ScenarioError e = loadError(text);
  expectError(e, 5, 5, "fabrics[0]", "fat-tree builder: " + builderMessage);
  EXPECT_EQ(e.message(), "fat-tree builder: " + builderMessage);
}

TEST(ScenarioError, SizeAndSizesTogether) {
  const std::string jobs =
      "workload:\n"
      "  jobs:\n"
      "    - name: j\n"
      "      ranks: 2\n"
      "      collectives:\n"
      "        - op: all-reduce\n"
      "          size: 1MiB\n"
      "          sizes: 1KiB..4KiB\n";  // 16: value at column 18
  expectError(loadError(kBase + jobs), 16, 18, "workload.jobs[0].collectives[0].sizes",
              "give either size or sizes, not both");
}

TEST(ScenarioError, MalformedSweep) {
  const std::string jobs =
      "workload:\n"
      "  jobs:\n"
      "    - name: j\n"
      "      ranks: 2\n"
      "      collectives:\n"
      "        - sizes: 1KiB-4KiB\n";  // 14: "        - sizes: " is 17 characters
  expectError(loadError(kBase + jobs), 14, 18, "workload.jobs[0].collectives[0].sizes",
              "invalid size range '1KiB-4KiB': expected '<min>..<max>'");
}

TEST(ScenarioError, MoreRanksThanGpus) {
  const std::string jobs =
      "workload:\n"
      "  jobs:\n"
      "    - name: j\n"
      "      ranks: 3\n"  // 12: value at column 14
      "      collectives: [{op: all-reduce}]\n";
  expectError(loadError(kBase + jobs), 12, 14, "workload.jobs[0].ranks", "3 ranks, but the fabric has 2 GPUs");
}

TEST(ScenarioError, InterSiteLinkNeedsBorderSwitches) {
  const std::string text =
      "name: t\n"
      "sites:\n"
      "  - name: a\n"
      "  - name: b\n"
      "inter_site_links:\n"
      "  - kind: long-haul\n"
      "    name: r\n"
      "    from: a\n"  // 8: value at column 11
      "    to: b\n";
  expectError(loadError(text), 8, 11, "inter_site_links[0].from",
              "site 'a' has no border switches (declare sites[].border)");
}

TEST(ScenarioError, LaunchPowerIsALevelOrAuto) {
  const std::string text =
      "name: t\n"
      "sites:\n"
      "  - name: a\n"
      "    border: {border_switches: 1, switch_model: 51.2T-128x400G, module: 400G-DR4}\n"
      "  - name: b\n"
      "    border: {border_switches: 1, switch_model: 51.2T-128x400G, module: 400G-DR4}\n"
      "fabrics:\n"
      "  - {name: fa, builder: fat-tree, site: a, k: 2}\n"
      "  - {name: fb, builder: fat-tree, site: b, k: 2}\n"
      "inter_site_links:\n"
      "  - kind: long-haul\n"
      "    name: r\n"
      "    from: a\n"
      "    to: b\n"
      "    launch_power: hot\n";  // 15: value at column 19
  expectError(loadError(text), 15, 19, "inter_site_links[0].launch_power", "");
  EXPECT_NE(std::string(loadError(text).message()).find("hot"), std::string::npos);
  std::string band = text;
  band.replace(band.find("launch_power: hot"), 17, "band: x");  // value at column 11
  expectError(loadError(band), 15, 11, "inter_site_links[0].band", "'x' is not one of: c, l, c+l");
  std::string fine = text;
  fine.replace(fine.find("hot"), 3, "auto");
  EXPECT_NO_THROW(ScenarioLoader::loadString(fine, "test.yaml"));
}

TEST(ScenarioError, UnreadableFile) {
  try {
    ScenarioLoader::loadFile("/nonexistent/scenario.yaml");
    FAIL() << "loaded a missing file";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), "/nonexistent/scenario.yaml");
    EXPECT_EQ(e.line(), 0);
    EXPECT_EQ(std::string(e.what()), "/nonexistent/scenario.yaml: cannot read file: No such file or directory");
  }
}

}  // namespace
}  // namespace ofe::scenario
