#pragma once
/// @file ValidationReport.h
/// @brief The results of all design checks, rendered as a terminal table or JSON.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "analysis/CheckResult.h"

namespace ofe::analysis {

/// Check results in the order they ran. `ofe validate` prints renderTable()
/// (or toJson()) and exits 1 when worstStatus() is FAIL, 0 otherwise.
class ValidationReport {
 public:
  /// Appends a result.
  void add(CheckResult result);

  const std::vector<CheckResult>& results() const { return results_; }
  /// The result with this id, or nullptr.
  const CheckResult* find(const std::string& id) const;
  /// The worst status of all results; PASS when there are none.
  CheckStatus worstStatus() const;
  /// Number of results with status @p s.
  std::size_t count(CheckStatus s) const;

  /// One line describing what was validated, shown above the table (optional).
  void setSubject(std::string subject) { subject_ = std::move(subject); }
  const std::string& subject() const { return subject_; }

  /// Aligned columns CHECK / STATUS / SUMMARY, one line per check, its
  /// offenders indented below it ("... and N more" when capped), then an
  /// "overall:" line. Ends with a newline.
  std::string renderTable() const;

  /// {"subject", "status", "counts": {"pass","warn","fail"}, "checks": [{"id", "title",
  /// "status", "summary", "metrics": {name: {"value", "unit"}}, "offenders": [...],
  /// "more_offenders"}]}; statuses are "PASS"/"WARN"/"FAIL".
  nlohmann::json toJson() const;

 private:
  std::string subject_;
  std::vector<CheckResult> results_;
};

}  // namespace ofe::analysis
