#pragma once
/// @file CheckResult.h
/// @brief The outcome of one design check: status, numbers and the elements at fault.

#include <cstddef>
#include <string>
#include <vector>

namespace ofe::analysis {

/// Verdict of a check, ordered so that the worse verdict compares greater.
enum class CheckStatus { Pass = 0, Warn = 1, Fail = 2 };

/// "PASS", "WARN", "FAIL".
const char* toString(CheckStatus status);

/// The worse of two verdicts.
CheckStatus worse(CheckStatus a, CheckStatus b);

/// One named figure a check measured, with the unit it is expressed in
/// ("bps", "s", "W", "ratio", "count", ...), so JSON consumers need not parse text.
struct Metric {
  std::string name;
  double value = 0.0;
  std::string unit;
};

/// Result of one design check.
///
/// Offenders are kept up to `kMaxOffenders` entries; the rest are only counted
/// in `moreOffenders`, so a fabric with 10,000 bad links still yields a short report.
struct CheckResult {
  static constexpr std::size_t kMaxOffenders = 10;

  std::string id;     ///< stable machine name, e.g. "reach"
  std::string title;  ///< human title, e.g. "Reach and link budget"
  CheckStatus status = CheckStatus::Pass;
  std::string summary;                 ///< one line with the key numbers
  std::vector<Metric> metrics;         ///< in the order the check produced them
  std::vector<std::string> offenders;  ///< "element: reason", at most kMaxOffenders
  std::size_t moreOffenders = 0;       ///< offenders beyond the cap

  /// Records an offender, or only counts it once the cap is reached.
  void addOffender(std::string text);
  /// Total offenders seen (listed + counted).
  std::size_t offenderCount() const { return offenders.size() + moreOffenders; }
  /// Appends a metric.
  void addMetric(std::string name, double value, std::string unit);
  /// The metric called @p name, or nullptr.
  const Metric* metric(const std::string& name) const;
  /// Raises the status to @p s if @p s is worse.
  void escalate(CheckStatus s) { status = worse(status, s); }
};

}  // namespace ofe::analysis
