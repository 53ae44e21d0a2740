#pragma once
/// @file ReportDocument.h
/// @brief The content of report.md and report.html, built once so both show the same things.

#include <string>
#include <utility>
#include <vector>

#include "analysis/CheckResult.h"
#include "analysis/ReportSection.h"
#include "analysis/RunReport.h"

namespace ofe::analysis {

/// Title, facts, verdict and sections of a run report.
struct ReportDocument {
  std::string title;
  std::string description;
  std::vector<std::pair<std::string, std::string>> facts;  ///< "Scenario", "Seed", ...
  CheckStatus status = CheckStatus::Pass;                  ///< overall verdict
  std::string verdictLine;              ///< e.g. "FAIL: 1 failed, 2 warned, 11 passed"
  std::vector<ReportSection> sections;  ///< "verdict" first
};

/// Builds the document: sections verdict, collectives (one table per job
/// and collective), breakdown, links (per tier and the busiest links) and
/// power (by kind, per site, the workload at each site, per collective).
/// Times in the cells use "us"/"ms"/"s", rates GB/s (1e9 bytes per second).
ReportDocument reportDocument(const RunReport& report, const topology::Fabric& fabric);

/// "12.35 us", "1.234 ms", "2.500 s", "850 ns": a time with a readable unit.
std::string readableTime(Duration d);

}  // namespace ofe::analysis
