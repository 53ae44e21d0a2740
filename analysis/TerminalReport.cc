#include "analysis/TerminalReport.h"

#include <fmt/format.h>

#include "analysis/ReportDocument.h"
#include "analysis/RunChecks.h"

namespace ofe::analysis {

namespace {

std::string pct(Duration part, Duration whole) {
  return whole.ps() > 0
             ? fmt::format("{:.0f}%", 100.0 * static_cast<double>(part.ps()) / whole.ps())
             : "-";
}

}  // namespace

std::string terminalReport(const RunReport& report) {
  std::string out = fmt::format("# ofe run: {} ({}), seed {}, {} transfers, {} simulated\n",
                                report.scenario, report.sourcePath, report.seed, report.transfers,
                                readableTime(report.simulatedTime));
  out += ncclTable(report.table);

  out +=
      "# critical path per size (first iteration): serialisation / propagation+module / "
      "switching+nic / protocol / queueing / wait\n";
  for (const NcclRow& r : report.table) {
    if (r.first < 0 || static_cast<std::size_t>(r.first) >= report.criticalPaths.size()) continue;
    const CriticalPath& cp = report.criticalPaths[static_cast<std::size_t>(r.first)];
    if (!cp.complete) continue;
    const LatencyBreakdown& b = cp.total;
    const Duration t = b.total();
    out += fmt::format(
        "#  {:<40} {:>11}  ser {:>4}  prop {:>4}  sw {:>4}  proto {:>4}  queue {:>4}  wait {:>4}  ({} "
        "transfers)\n",
        collectiveLabel(r.job, r.op, r.algorithm, r.bytes), readableTime(t),
        pct(b.serialisation, t), pct(b.propagation + b.module, t), pct(b.switching + b.nic, t),
        pct(b.protocol, t), pct(b.queueing, t), pct(b.wait, t), cp.steps.size());
  }
  if (report.flowSummary.count > 0) {
    const FlowSummary& f = report.flowSummary;
    out += fmt::format(
        "# flows: {} of {} completed; FCT p50 {} p99 {} max {}; slowdown (FCT / ideal) p50 {:.2f} p99 {:.2f} max "
        "{:.2f}\n",
        f.completed, f.count, readableTime(f.fctP50), readableTime(f.fctP99), readableTime(f.fctMax), f.slowdownP50,
        f.slowdownP99, f.slowdownMax);
  }
  out += "\n" + report.verdict.renderTable() + "\n";

  const EnergyReport& e = report.energy;
  out += fmt::format(
      "power {}; energy = power x {} simulated = {:.4g} J ({:.4g} kWh); electricity cost {:.4g} "
      "{}\n",
      e.total, readableTime(e.time), e.energy.joulesValue(), e.energy.kilowattHours(), e.cost,
      e.currency);
  for (const SiteCostIf& s : e.ifRunAt) {
    out += fmt::format("  if run at {}: {:.4g} {} (PUE {:.2f}, {:.4f} {}/kWh)\n", s.site, s.cost,
                       e.currency, s.pue, s.pricePerKwh, e.currency);
  }
  return out;
}

}  // namespace ofe::analysis
