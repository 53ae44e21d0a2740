// `ofe run --out DIR`: every report file written, deterministic, exit status
// from the verdict, and the progress sink's silence rules.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "AppsTestSupport.h"
#include "apps/CommandSupport.h"
#include "apps/RunCommand.h"
#include "tests/analysis/ReportSchemaValidator.h"

namespace ofe::apps {
namespace {

int run(const std::string& scenario, const std::filesystem::path& dir,
        std::string* stdoutText = nullptr) {
  RunOptions o;
  o.scenarioPath = scenario;
  o.outDir = dir.string();
  o.quiet = true;
  std::ostringstream out;
  std::ostringstream err;
  const int rc = runCommand(o, out, err);
  if (stdoutText != nullptr) *stdoutText = out.str();
  return rc;
}

TEST(RunCommand, WritesEveryReportFile) {
  const auto dir = test::freshDir("run-leaf-spine-1to1");
  std::string text;
  ASSERT_EQ(run(test::shipped("leaf-spine-1to1"), dir, &text), kExitOk);
  EXPECT_EQ(reportFileNames(),
            (std::vector<std::string>{"report.json", "collectives.csv", "links.csv", "flows.csv", "report.md",
                                      "report.html", "topology.dot", "scenario.resolved.yaml"}));
  for (const std::string& name : reportFileNames()) {
    EXPECT_GT(std::filesystem::file_size(dir / name), 0u) << name;
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    EXPECT_NE(entry.path().extension(), ".partial") << "left behind: " << entry.path();
  }
  // The written report.json matches docs/report-schema.md.
  const auto schema =
      analysis::test::loadReportSchema(std::string(OFE_SOURCE_DIR) + "/docs/report-schema.md");
  const nlohmann::json report = nlohmann::json::parse(test::readFile(dir / "report.json"));
  for (const std::string& e : analysis::test::validateReport(report, schema)) ADD_FAILURE() << e;
  EXPECT_EQ(report.at("verdict").at("status"), "PASS");
  EXPECT_EQ(test::readFile(dir / "topology.dot").rfind("graph", 0), 0u);
  EXPECT_NE(test::readFile(dir / "report.md").find("**Verdict: PASS"), std::string::npos);
  // Terminal: the nccl-tests table, the breakdown lines and the checks.
  EXPECT_NE(text.find("# Avg bus bandwidth"), std::string::npos);
  EXPECT_NE(text.find("# critical path per size"), std::string::npos);
  EXPECT_NE(text.find("overall: PASS"), std::string::npos);
}

TEST(RunCommand, SameScenarioAndSeedGiveIdenticalFiles) {
  const auto a = test::freshDir("run-determinism-a");
  const auto b = test::freshDir("run-determinism-b");
  ASSERT_EQ(run(test::shipped("leaf-spine-2to1"), a), kExitOk);
  ASSERT_EQ(run(test::shipped("leaf-spine-2to1"), b), kExitOk);
  for (const std::string& name : reportFileNames()) {
    EXPECT_TRUE(test::readFile(a / name) == test::readFile(b / name))
        << name << " differs between runs";
  }
}

TEST(RunCommand, AMissedTargetExitsOneAfterWritingTheReports) {
  const auto dir = test::freshDir("run-missed-target");
  // leaf-spine-2to1 asking for 45 GB/s busbw, which its 400G NICs (ceiling
  // about 49 GB/s) and 2:1 spines do not give an all-to-all (about 11 GB/s).
  std::string yaml = test::readFile(test::shipped("leaf-spine-2to1"));
  yaml += "\ntargets:\n  min_busbw: 45GBps\n";
  test::writeFile(dir / "scenario.yaml", yaml);
  const auto out = dir / "out";
  std::string text;
  EXPECT_EQ(run((dir / "scenario.yaml").string(), out, &text), kExitFailed);
  for (const std::string& name : reportFileNames())
    EXPECT_TRUE(std::filesystem::exists(out / name)) << name;
  const nlohmann::json report = nlohmann::json::parse(test::readFile(out / "report.json"));
  EXPECT_EQ(report.at("verdict").at("status"), "FAIL");
  EXPECT_DOUBLE_EQ(report.at("targets").at("min_busbw_GBps").get<double>(), 45.0);
  EXPECT_NE(text.find("overall: FAIL"), std::string::npos);
}

TEST(RunCommand, ProgressIsSilentWhenQuietOrNotATerminal) {
  std::ostringstream err;
  EXPECT_FALSE(progressSink(true, true, err));
  EXPECT_FALSE(progressSink(false, false, err));
  const auto sink = progressSink(false, true, err);
  ASSERT_TRUE(sink);
  sink("simulated 1.00 us | collectives 1/2 (50%) | 950 events/s | ETA 0:01");
  EXPECT_EQ(err.str(),
            "\rsimulated 1.00 us | collectives 1/2 (50%) | 950 events/s | ETA 0:01\x1b[K");
}

}  // namespace
}  // namespace ofe::apps
