// report.json against the field table of docs/report-schema.md, both ways.

#include <gtest/gtest.h>

#include "ReportSchemaValidator.h"
#include "ReportTestSupport.h"
#include "analysis/ReportJson.h"

namespace ofe::analysis {
namespace {

const std::string kSchema = std::string(OFE_SOURCE_DIR) + "/docs/report-schema.md";

TEST(ReportSchema, TableIsReadable) {
  const auto schema = test::loadReportSchema(kSchema);
  ASSERT_GT(schema.size(), 150u);
  EXPECT_EQ(schema.at("version"), "integer");
  EXPECT_EQ(schema.at("collectives[].critical_path.breakdown.queueing_ps"), "integer");
  EXPECT_EQ(schema.at("targets.max_collective_time_s"), "number or null");
  EXPECT_EQ(schema.at("verdict.checks[].metrics.*.value"), "number");
}

TEST(ReportSchema, ValidatorCatchesDrift) {
  const std::map<std::string, std::string> schema = {{"version", "integer"},
                                                     {"run", "object"},
                                                     {"run.completed", "boolean"},
                                                     {"list", "array"},
                                                     {"list[]", "number"}};
  nlohmann::json ok = {{"version", 1}, {"run", {{"completed", true}}}, {"list", {1.5, 2}}};
  EXPECT_TRUE(test::validateReport(ok, schema).empty());
  nlohmann::json extra = ok;
  extra["run"]["surprise"] = 1;
  EXPECT_EQ(test::validateReport(extra, schema),
            std::vector<std::string>{"undocumented field: run.surprise"});
  nlohmann::json missing = ok;
  missing["run"].erase("completed");
  EXPECT_EQ(test::validateReport(missing, schema),
            std::vector<std::string>{"missing field: run.completed"});
  nlohmann::json wrong = ok;
  wrong["version"] = "1";
  EXPECT_EQ(test::validateReport(wrong, schema).size(), 1u);
  // "string or null" (a protocol, null for a flat schedule) takes both and nothing else.
  const std::map<std::string, std::string> nullable = {{"protocol", "string or null"}};
  EXPECT_TRUE(test::validateReport(nlohmann::json{{"protocol", "ll128"}}, nullable).empty());
  EXPECT_TRUE(test::validateReport(nlohmann::json{{"protocol", nullptr}}, nullable).empty());
  EXPECT_EQ(test::validateReport(nlohmann::json{{"protocol", 1}}, nullable).size(), 1u);
}

TEST(ReportSchema, ActualReportsMatchTheDocumentedSchema) {
  const auto schema = test::loadReportSchema(kSchema);
  // Two sites, amplified long haul, a site-latency target, unpriced route
  // sites, a WARN with offenders; a one-site Clos with a failing target; and
  // an OCS layer that reconfigures during the run.
  scenario::Scenario twoSite = test::shippedScenario("edwc-two-site");
  scenario::Scenario clos = test::shippedScenario("leaf-spine-2to1");
  clos.targets.minBusBandwidth = DataRate::parse("45GBps");
  scenario::Scenario ocs = test::shippedScenario("ocs-topology-engineering");
  std::set<std::string> unseenBoth;
  bool first = true;
  for (scenario::Scenario* s : {&twoSite, &clos, &ocs}) {
    SCOPED_TRACE(s->name);
    const test::ScenarioRun r = test::runScenario(*s);
    ASSERT_TRUE(r.run.completed) << r.run.diagnosis;
    // The same text a reader gets from report.json.
    const nlohmann::json j = nlohmann::json::parse(reportJson(r.report, r.scenario.fabric).dump(2));
    std::set<std::string> unseen;
    const std::vector<std::string> errors = test::validateReport(j, schema, &unseen);
    for (const std::string& e : errors) ADD_FAILURE() << e;
    if (first) {
      unseenBoth = unseen;
      first = false;
    } else {
      std::set<std::string> both;
      for (const std::string& p : unseen) {
        if (unseenBoth.count(p) != 0) both.insert(p);
      }
      unseenBoth = both;
    }
    EXPECT_EQ(j.at("version").get<int>(), kReportVersion);
  }
  // Every documented field occurs in at least one of the reports.
  for (const std::string& p : unseenBoth) ADD_FAILURE() << "documented but never written: " << p;
}

}  // namespace
}  // namespace ofe::analysis
