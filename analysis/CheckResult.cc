#include "analysis/CheckResult.h"

#include <algorithm>
#include <utility>

namespace ofe::analysis {

const char* toString(CheckStatus status) {
  switch (status) {
    case CheckStatus::Pass:
      return "PASS";
    case CheckStatus::Warn:
      return "WARN";
    case CheckStatus::Fail:
      return "FAIL";
  }
  return "?";
}

CheckStatus worse(CheckStatus a, CheckStatus b) {
  return std::max(a, b);
}

void CheckResult::addOffender(std::string text) {
  if (offenders.size() < kMaxOffenders) {
    offenders.push_back(std::move(text));
  } else {
    ++moreOffenders;
  }
}

void CheckResult::addMetric(std::string name, double value, std::string unit) {
  metrics.push_back(Metric{std::move(name), value, std::move(unit)});
}

const Metric* CheckResult::metric(const std::string& name) const {
  auto it =
      std::find_if(metrics.begin(), metrics.end(), [&](const Metric& m) { return m.name == name; });
  return it == metrics.end() ? nullptr : &*it;
}

}  // namespace ofe::analysis
