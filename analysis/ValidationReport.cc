#include "analysis/ValidationReport.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace ofe::analysis {

void ValidationReport::add(CheckResult result) {
  results_.push_back(std::move(result));
}

const CheckResult* ValidationReport::find(const std::string& id) const {
  auto it = std::find_if(results_.begin(), results_.end(),
                         [&](const CheckResult& r) { return r.id == id; });
  return it == results_.end() ? nullptr : &*it;
}

CheckStatus ValidationReport::worstStatus() const {
  CheckStatus s = CheckStatus::Pass;
  for (const CheckResult& r : results_) s = worse(s, r.status);
  return s;
}

std::size_t ValidationReport::count(CheckStatus s) const {
  return static_cast<std::size_t>(std::count_if(
      results_.begin(), results_.end(), [s](const CheckResult& r) { return r.status == s; }));
}

std::string ValidationReport::renderTable() const {
  std::size_t idWidth = 5;  // "CHECK"
  for (const CheckResult& r : results_) idWidth = std::max(idWidth, r.id.size());
  std::string out;
  if (!subject_.empty()) out += subject_ + "\n";
  out += fmt::format("{:<{}}  {:<6}  {}\n", "CHECK", idWidth, "STATUS", "SUMMARY");
  for (const CheckResult& r : results_) {
    out += fmt::format("{:<{}}  {:<6}  {}\n", r.id, idWidth, toString(r.status), r.summary);
    const std::string indent(idWidth + 2 + 6 + 2, ' ');
    for (const std::string& o : r.offenders) out += fmt::format("{}- {}\n", indent, o);
    if (r.moreOffenders != 0) out += fmt::format("{}- ... and {} more\n", indent, r.moreOffenders);
  }
  out += fmt::format("overall: {} ({} failed, {} warned, {} passed)\n", toString(worstStatus()),
                     count(CheckStatus::Fail), count(CheckStatus::Warn), count(CheckStatus::Pass));
  return out;
}

nlohmann::json ValidationReport::toJson() const {
  nlohmann::json checks = nlohmann::json::array();
  for (const CheckResult& r : results_) {
    nlohmann::json metrics = nlohmann::json::object();
    for (const Metric& m : r.metrics) metrics[m.name] = {{"value", m.value}, {"unit", m.unit}};
    checks.push_back({{"id", r.id},
                      {"title", r.title},
                      {"status", toString(r.status)},
                      {"summary", r.summary},
                      {"metrics", metrics},
                      {"offenders", r.offenders},
                      {"more_offenders", r.moreOffenders}});
  }
  return {{"subject", subject_},
          {"status", toString(worstStatus())},
          {"counts",
           {{"pass", count(CheckStatus::Pass)},
            {"warn", count(CheckStatus::Warn)},
            {"fail", count(CheckStatus::Fail)}}},
          {"checks", checks}};
}

}  // namespace ofe::analysis
