#pragma once
/// @file ReportComparison.h
/// @brief `ofe compare`: two report.json side by side, with the winner of each metric.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace ofe::analysis {

/// Which report did better on one metric.
enum class Winner {
  A,
  B,
  Tie,
  None
};  ///< None: not comparable (missing on one side, other currency)

/// "A", "B", "=", "-".
const char* toString(Winner winner);

/// One line of a comparison.
struct ComparisonRow {
  std::string section;  ///< "busbw (GB/s)", "time", "run", "power", "cost", "verdict", "links"
  std::string metric;   ///< e.g. "mix: all-reduce ring 32 ranks 4 MiB"
  std::string a;        ///< formatted value of report A ("-" when absent)
  std::string b;
  Winner winner = Winner::None;
};

/// Compares report.json @p a with @p b. Collectives are matched by (job,
/// op, algorithm, ranks, size) from their `table`: busbw higher wins, time
/// lower wins. Then simulated time, total power, workload energy and cost
/// (only when both use the same currency), the busiest link's utilisation,
/// drops and the verdict (PASS better than WARN better than FAIL; then
/// fewer failed, then fewer warned checks), lower winning. Values within a
/// relative 1e-9 of each other tie.
/// @throws std::invalid_argument when a report lacks a field or has another version.
std::vector<ComparisonRow> compareReports(const nlohmann::json& a, const nlohmann::json& b);

/// The rows as an aligned text table under a header naming A and B (e.g.
/// the directories), with the tally of wins at the end.
std::string renderComparison(const std::vector<ComparisonRow>& rows, const std::string& nameA,
                             const std::string& nameB);

}  // namespace ofe::analysis
