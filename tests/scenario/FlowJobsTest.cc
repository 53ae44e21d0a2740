// Traffic-matrix jobs in a scenario: `flows:` by pattern, list and size CDF,
// their errors pinned to file, line and key, and their round trip through
// the resolved scenario.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "scenario/ScenarioError.h"
#include "scenario/ScenarioLoader.h"
#include "scenario/ScenarioWriter.h"
#include "tests/scenario/ScenarioTestSupport.h"

namespace ofe::scenario {
namespace {

using testing::expectError;
using testing::loadError;

// A k = 4 fat-tree (16 GPUs); jobs are appended from line 10.
const std::string kBase =
    "name: t\n"                // 1
    "sites:\n"                 // 2
    "  - name: dc\n"           // 3
    "fabrics:\n"               // 4
    "  - name: ft\n"           // 5
    "    builder: fat-tree\n"  // 6
    "    site: dc\n"           // 7
    "    k: 4\n"               // 8
    "workload:\n"              // 9
    "  jobs:\n";               // 10

TEST(FlowJobs, PatternAndListLoadAndRoundTrip) {
  const std::string text = kBase +
                           "    - name: perm\n"
                           "      ranks: 16\n"
                           "      flows: {pattern: permutation, size: 2MB, seed: 3, mean_interval: 1us}\n"
                           "    - name: pair\n"
                           "      flows:\n"
                           "        pattern: list\n"
                           "        list:\n"
                           "          - {src: dc/pod0/rack0/gpu0, dst: dc/pod3/rack1/gpu1, size: 64KiB, start: 5us}\n";
  const Scenario s = ScenarioLoader::loadString(text, "test.yaml");
  ASSERT_EQ(s.jobs.size(), 2u);
  ASSERT_TRUE(s.jobs[0].flows);
  EXPECT_EQ(s.jobs[0].flows->pattern, traffic::FlowPattern::Permutation);
  EXPECT_EQ(s.jobs[0].flows->size, Bytes(2'000'000));
  EXPECT_EQ(s.jobs[0].flows->seed, 3u);
  EXPECT_EQ(s.jobs[0].flows->meanInterval, Duration::microseconds(1));
  EXPECT_TRUE(s.jobs[0].collectives.empty());
  ASSERT_EQ(s.jobs[1].flows->list.size(), 1u);
  EXPECT_EQ(s.jobs[1].flows->list[0].dst, "dc/pod3/rack1/gpu1");
  EXPECT_EQ(s.jobs[1].flows->list[0].size, Bytes(64 * 1024));
  EXPECT_EQ(s.jobs[1].flows->list[0].start, Duration::microseconds(5));
  const Scenario again = ScenarioLoader::loadString(ScenarioWriter::resolvedYaml(s), "resolved.yaml");
  EXPECT_EQ(again.jobs[0].flows->size, Bytes(2'000'000));
  EXPECT_EQ(again.jobs[1].flows->list[0].src, "dc/pod0/rack0/gpu0");
  EXPECT_EQ(again.jobs[1].flows->list[0].start, Duration::microseconds(5));
}

TEST(FlowJobs, CollectivesOrFlowsNotBoth) {
  expectError(loadError(kBase +
                        "    - name: j\n"                     // 11
                        "      flows: {pattern: incast}\n"    // 12: value at column 14
                        "      collectives:\n"
                        "        - op: all-reduce\n"),
              12, 14, "workload.jobs[0].flows", "give `collectives` or `flows`, not both");
  expectError(loadError(kBase + "    - name: j\n"), 11, 7, "workload.jobs[0]", "a job needs `collectives` or `flows`");
}

TEST(FlowJobs, ListEntriesAreGpus) {
  expectError(loadError(kBase +
                        "    - name: j\n"                                           // 11
                        "      flows:\n"                                            // 12
                        "        pattern: list\n"                                   // 13
                        "        list:\n"                                           // 14
                        "          - {src: dc/pod0/rack0/gpu0, dst: dc/core0}\n"),  // 15: dst value at 44
              15, 44, "workload.jobs[0].flows.list[0].dst", "node 'dc/core0' is a packet-switch, not a gpu");
  expectError(loadError(kBase +
                        "    - name: j\n"
                        "      flows:\n"                          // 12
                        "        pattern: permutation\n"
                        "        list: []\n"),                    // 14: value at 15
              14, 15, "workload.jobs[0].flows.list", "a `list` needs `pattern: list`");
}

TEST(FlowJobs, SizeCdfIsReadRelativeToTheScenario) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "ofe-flowjobs-test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream cdf(dir / "sizes.csv");
    cdf << "bytes,cdf\n# web-search-like, made up\n1000,0.5\n64KB,0.9\n1MB,1\n";
    std::ofstream bad(dir / "bad.csv");
    bad << "bytes,cdf\n1000,0.5\n2000,oops\n";
  }
  const std::string job = "    - name: j\n      ranks: 16\n      flows: {pattern: uniform-random, count: 50, size_cdf: ";
  {
    std::ofstream scenario(dir / "s.yaml");
    scenario << kBase << job << "sizes.csv}\n";
  }
  const Scenario s = ScenarioLoader::loadFile((dir / "s.yaml").string());
  ASSERT_EQ(s.jobs[0].flows->sizeCdf.size(), 3u);
  EXPECT_DOUBLE_EQ(s.jobs[0].flows->sizeCdf[1].bytes, 64000.0);
  EXPECT_DOUBLE_EQ(s.jobs[0].flows->sizeCdf[1].probability, 0.9);
  {
    std::ofstream scenario(dir / "s.yaml");
    scenario << kBase << job << "bad.csv}\n";
  }
  try {
    ScenarioLoader::loadFile((dir / "s.yaml").string());
    FAIL() << "a bad CDF line loads";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), (dir / "bad.csv").string());
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(std::string(e.what()).find("bad CDF point '2000,oops'"), std::string::npos) << e.what();
  }
  {
    std::ofstream scenario(dir / "s.yaml");
    scenario << kBase << job << "missing.csv}\n";
  }
  try {
    ScenarioLoader::loadFile((dir / "s.yaml").string());
    FAIL() << "a missing CDF loads";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), (dir / "missing.csv").string());
    EXPECT_NE(std::string(e.what()).find("cannot read size CDF"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ofe::scenario
