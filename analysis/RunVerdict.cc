#include "analysis/RunVerdict.h"

#include <fmt/format.h>

#include "analysis/DesignValidator.h"
#include "analysis/RunChecks.h"

namespace ofe::analysis {

ValidationReport runVerdict(const scenario::Scenario& scenario, const RunReport& report) {
  const ValidationReport design = validateDesign(scenario.fabric);
  ValidationReport verdict;
  verdict.setSubject(fmt::format("{}; run: {} transfers, {} simulated", design.subject(),
                                 report.transfers, report.simulatedTime));
  for (const CheckResult& r : design.results()) verdict.add(r);
  verdict.add(checkRunCompleted(report));
  verdict.add(checkCollectiveTime(report, scenario.fabric));
  verdict.add(checkBusBandwidth(report, scenario.fabric));
  verdict.add(checkEstimates(report, scenario.fabric));
  verdict.add(checkSiteLatency(report, scenario.fabric));
  verdict.add(checkLinkUtilization(report, scenario.fabric));
  verdict.add(checkLossless(report, scenario.fabric));
  verdict.add(checkTransport(report));
  return verdict;
}

}  // namespace ofe::analysis
