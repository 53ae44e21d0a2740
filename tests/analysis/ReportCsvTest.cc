// collectives.csv and links.csv read back with a standard (RFC 4180) CSV reader.

#include <gtest/gtest.h>

#include <stdexcept>

#include "ReportTestSupport.h"
#include "analysis/CsvWriter.h"
#include "analysis/ReportCsv.h"
#include "traffic/CollectiveNames.h"

namespace ofe::analysis {
namespace {

/// A small RFC 4180 reader: fields separated by commas, quoted fields may
/// hold commas, doubled quotes and line breaks; records end at LF or CRLF.
std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool fieldStarted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      if (fieldStarted) throw std::runtime_error("quote inside an unquoted field");
      quoted = true;
      fieldStarted = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
      fieldStarted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      record.push_back(field);
      records.push_back(record);
      record.clear();
      field.clear();
      fieldStarted = false;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw std::runtime_error("unterminated quote");
  if (fieldStarted || !record.empty()) {
    record.push_back(field);
    records.push_back(record);
  }
  return records;
}

TEST(ReportCsv, AwkwardFieldsRoundTrip) {
  const std::vector<std::string> awkward = {"plain",    "a,b", "say \"hi\"", "two\nlines",
                                            " padded ", "",    "x\r\ny"};
  CsvWriter csv({"c0", "c1", "c2", "c3", "c4", "c5", "c6"});
  csv.row(awkward);
  EXPECT_EQ(CsvWriter::escape("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvWriter::escape("plain"), "plain");
  const auto records = parseCsv(csv.text());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1], awkward);
  EXPECT_THROW(csv.row({"too", "few"}), std::invalid_argument);
}

TEST(ReportCsv, NumbersReadBackExactly) {
  for (double v : {0.1, 3.0350612e-05, 1.0 / 3.0, 2.5e-12, 123456789.0}) {
    EXPECT_EQ(std::stod(CsvWriter::number(v)), v) << CsvWriter::number(v);
  }
}

TEST(ReportCsv, RunFilesParseWithOneHeaderAndConsistentColumns) {
  scenario::Scenario s = test::shippedScenario("leaf-spine-1to1");
  // A job name a naive writer would break: comma and quotes.
  s.jobs[0].name = "a2a, \"big\"";
  const test::ScenarioRun r = test::runScenario(s);
  ASSERT_TRUE(r.run.completed) << r.run.diagnosis;

  const auto collectives = parseCsv(collectivesCsv(r.report));
  ASSERT_EQ(collectives.size(), 1 + r.report.collectives.size());  // header + 3 sizes
  const std::vector<std::string>& header = collectives[0];
  EXPECT_EQ(header.front(), "index");
  const auto column = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    EXPECT_NE(it, header.end()) << name;
    return static_cast<std::size_t>(it - header.begin());
  };
  for (std::size_t i = 1; i < collectives.size(); ++i) {
    const auto& row = collectives[i];
    ASSERT_EQ(row.size(), header.size());
    EXPECT_EQ(row[column("job")], "a2a, \"big\"");
    EXPECT_EQ(row[column("op")], "all-to-all");
    EXPECT_EQ(std::stoll(row[column("bytes")]), r.report.collectives[i - 1].bytes.count());
    // Direct all-to-all is NCCL point-to-point: it always runs with a protocol.
    EXPECT_EQ(row[column("algorithm")], "direct");
    ASSERT_NE(r.report.collectives[i - 1].protocol, traffic::Protocol::Auto);
    EXPECT_EQ(row[column("protocol")], traffic::toString(r.report.collectives[i - 1].protocol));
    EXPECT_EQ(std::stoi(row[column("nccl_channels")]), r.report.collectives[i - 1].channels);
    // The breakdown columns (protocol overheads included) add up to the
    // measured time, to the picosecond.
    std::int64_t sum = 0;
    for (const char* c : {"serialisation_ps", "propagation_ps", "module_ps", "switching_ps",
                          "nic_ps", "protocol_ps", "queueing_ps", "wait_ps"}) {
      sum += std::stoll(row[column(c)]);
    }
    EXPECT_EQ(sum, std::stoll(row[column("time_ps")]));
    EXPECT_EQ(std::stoll(row[column("time_ps")]), r.report.collectives[i - 1].time.ps());
  }

  const auto links = parseCsv(linksCsv(r.report, r.scenario.fabric));
  // 32 GPU-leaf + 4 leaves x 8 uplinks = 64 links, plus the header.
  ASSERT_EQ(links.size(), 65u);
  for (const auto& row : links) ASSERT_EQ(row.size(), links[0].size());
  EXPECT_EQ(links[1][0], "0");
  EXPECT_EQ(links[1][3], "gpu-leaf");
  EXPECT_EQ(links[64][3], "leaf-spine");
}

}  // namespace
}  // namespace ofe::analysis
