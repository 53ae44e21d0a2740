#include <gtest/gtest.h>

#include "AnalysisTestSupport.h"
#include "analysis/DesignValidator.h"
#include "analysis/ValidationReport.h"
#include "topology/FatTreeBuilder.h"

namespace ofe::analysis {
namespace {

ValidationReport sample() {
  ValidationReport report;
  CheckResult ok;
  ok.id = "connectivity";
  ok.summary = "ok";
  ok.addMetric("gpus", 4, "count");
  CheckResult bad;
  bad.id = "reach";
  bad.status = CheckStatus::Fail;
  bad.summary = "bad";
  bad.addOffender("x: y");
  bad.moreOffenders = 2;
  CheckResult meh;
  meh.id = "bisection";
  meh.status = CheckStatus::Warn;
  meh.summary = "half";
  report.add(ok);
  report.add(bad);
  report.add(meh);
  return report;
}

TEST(ValidationReport, WorstStatusDecidesExitCode) {
  ValidationReport empty;
  EXPECT_EQ(empty.worstStatus(), CheckStatus::Pass);
  const ValidationReport r = sample();
  EXPECT_EQ(r.worstStatus(), CheckStatus::Fail);
  EXPECT_EQ(r.count(CheckStatus::Warn), 1u);
  ASSERT_NE(r.find("reach"), nullptr);
  EXPECT_EQ(r.find("nothing"), nullptr);
}

TEST(ValidationReport, TableIsAligned) {
  // "connectivity" (12) sets the first column; offenders start under SUMMARY (12 + 2 + 6 + 2 = 22).
  const std::string expected =
      "CHECK         STATUS  SUMMARY\n"
      "connectivity  PASS    ok\n"
      "reach         FAIL    bad\n"
      "                      - x: y\n"
      "                      - ... and 2 more\n"
      "bisection     WARN    half\n"
      "overall: FAIL (1 failed, 1 warned, 1 passed)\n";
  EXPECT_EQ(sample().renderTable(), expected);
}

TEST(ValidationReport, Json) {
  const nlohmann::json j = sample().toJson();
  EXPECT_EQ(j["status"], "FAIL");
  EXPECT_EQ(j["counts"]["fail"], 1);
  EXPECT_EQ(j["counts"]["pass"], 1);
  ASSERT_EQ(j["checks"].size(), 3u);
  EXPECT_EQ(j["checks"][0]["metrics"]["gpus"]["value"], 4.0);
  EXPECT_EQ(j["checks"][0]["metrics"]["gpus"]["unit"], "count");
  EXPECT_EQ(j["checks"][1]["offenders"][0], "x: y");
  EXPECT_EQ(j["checks"][1]["more_offenders"], 2);
  EXPECT_EQ(j["checks"][2]["status"], "WARN");
}

TEST(DesignValidator, FatTreePassesEveryCheck) {
  topology::Fabric f;
  topology::FatTreeParams p;
  p.k = 4;
  topology::buildFatTree(f, p);
  const ValidationReport r = validateDesign(f);
  const std::vector<std::string> ids = {
      "connectivity",     "reach",     "amplifier-spacing", "radix",
      "oversubscription", "bisection", "latency",           "power"};
  ASSERT_EQ(r.results().size(), ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(r.results()[i].id, ids[i]);
    EXPECT_EQ(r.results()[i].status, CheckStatus::Pass) << ids[i] << ": " << r.results()[i].summary;
  }
  EXPECT_EQ(r.worstStatus(), CheckStatus::Pass);
  // 16 GPUs, 20 switches, 48 links (k^3/4 = 16 host + 2 x 16 fabric).
  EXPECT_EQ(r.subject(), "fabric: 16 GPUs, 20 switches, 0 passive nodes, 48 links");
}

TEST(DesignValidator, TooLongLinkAndTargetsFail) {
  topology::Fabric f;
  topology::FatTreeParams p;
  p.k = 4;
  topology::buildFatTree(f, p);
  // An extra edge-core link of 600 m: beyond the 500 m of 400G-DR4.
  test::fabricLink(f, *f.findNode("dc/pod0/edge0"), *f.findNode("dc/core0"), Length::metres(600));
  DesignTargets targets;
  targets.maxLatency = Duration::nanoseconds(100);  // any GPU pair crosses a switch: > 100 ns
  const ValidationReport r = validateDesign(f, targets);
  EXPECT_EQ(r.worstStatus(), CheckStatus::Fail);
  EXPECT_EQ(r.find("reach")->status, CheckStatus::Fail);
  EXPECT_EQ(r.find("latency")->status, CheckStatus::Fail);
  EXPECT_EQ(r.find("connectivity")->status, CheckStatus::Pass);
  EXPECT_TRUE(test::contains(r.renderTable(), "dc/pod0/edge0 - dc/core0 (link 48): FAIL"));
}

}  // namespace
}  // namespace ofe::analysis
