#include "analysis/RunChecks.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "analysis/FabricQueries.h"
#include "analysis/LatencyCheck.h"
#include "traffic/CollectiveNames.h"

namespace ofe::analysis {

namespace {

double percent(Duration part, Duration whole) {
  return whole.ps() > 0 ? 100.0 * static_cast<double>(part.ps()) / static_cast<double>(whole.ps())
                        : 0.0;
}

/// Why a collective took its time: its critical path's queueing share and
/// the link on it with the deepest queue (the busiest when no queue formed).
std::string responsible(const RunReport& report, const topology::Fabric& fabric, int collective) {
  if (collective < 0 || static_cast<std::size_t>(collective) >= report.criticalPaths.size())
    return "";
  const CriticalPath& cp = report.criticalPaths[static_cast<std::size_t>(collective)];
  if (!cp.complete || cp.steps.empty()) return "";
  const Duration total = cp.total.total();
  std::string text = fmt::format(
      "critical path {} transfers, queueing {:.0f}%, serialisation {:.0f}%", cp.steps.size(),
      percent(cp.total.queueing, total), percent(cp.total.serialisation, total));
  topology::LinkId worst = topology::kNoLink;
  for (topology::LinkId l : cp.links) {
    if (l >= report.links.size()) continue;
    const LinkUsage& u = report.links[l];
    if (worst == topology::kNoLink ||
        std::tie(u.maxQueue, u.utilization) >
            std::tie(report.links[worst].maxQueue, report.links[worst].utilization)) {
      worst = l;
    }
  }
  if (worst != topology::kNoLink) {
    const LinkUsage& u = report.links[worst];
    text += fmt::format("; deepest queue on it: {} (max {}, {:.0f}% busy)",
                        linkLabel(fabric, worst), u.maxQueue, 100.0 * u.utilization);
  }
  return text;
}

}  // namespace

std::string collectiveLabel(const std::string& job, traffic::CollectiveOp op,
                            traffic::Algorithm algorithm, Bytes bytes) {
  return fmt::format("{}: {} {} {}", job, traffic::toString(op), traffic::toString(algorithm),
                     bytes);
}

CheckResult checkRunCompleted(const RunReport& report) {
  CheckResult r;
  r.id = "run-completed";
  r.title = "Run completed";
  r.addMetric("transfers", static_cast<double>(report.transfers), "count");
  r.addMetric("delivered", static_cast<double>(report.transfersCompleted), "count");
  r.addMetric("simulated_time", report.simulatedTime.seconds(), "s");
  if (report.completed) {
    r.summary = fmt::format("all {} transfers delivered in {} simulated; {} retransmissions",
                            report.transfers, report.simulatedTime, report.retransmissions);
    return r;
  }
  r.status = CheckStatus::Fail;
  r.summary = fmt::format("stopped at {}: {} of {} transfers delivered", report.simulatedTime,
                          report.transfersCompleted, report.transfers);
  const std::string firstLine = report.diagnosis.substr(0, report.diagnosis.find('\n'));
  r.addOffender(firstLine.empty() ? "run: stopped before every transfer was delivered"
                                  : "run: " + firstLine);
  return r;
}

CheckResult checkCollectiveTime(const RunReport& report, const topology::Fabric& fabric) {
  CheckResult r;
  r.id = "collective-time";
  r.title = "Collective time";
  const std::optional<Duration> target = report.targets.maxCollectiveTime;
  const CollectiveResult* slowest = nullptr;
  std::vector<const CollectiveResult*> over;
  std::vector<const CollectiveResult*> unfinished;
  for (const CollectiveResult& c : report.collectives) {
    if (!c.completed) {
      unfinished.push_back(&c);
      continue;
    }
    if (slowest == nullptr || c.time > slowest->time) slowest = &c;
    if (target && c.time > *target) over.push_back(&c);
  }
  if (slowest != nullptr) r.addMetric("slowest", slowest->time.seconds(), "s");
  if (target) r.addMetric("target", target->seconds(), "s");
  r.addMetric("over", static_cast<double>(over.size()), "count");
  r.addMetric("unfinished", static_cast<double>(unfinished.size()), "count");
  r.summary = slowest == nullptr ? "no collective completed"
                                 : fmt::format("slowest {} ({})", slowest->time,
                                               collectiveLabel(slowest->job, slowest->op,
                                                               slowest->algorithm, slowest->bytes));
  if (!unfinished.empty()) {
    r.summary +=
        fmt::format("; {} of {} did not complete", unfinished.size(), report.collectives.size());
  }
  if (!target) {
    r.summary += "; no target set";
    return r;
  }
  r.summary +=
      fmt::format("; target <= {}; {} of {} over", *target, over.size(), report.collectives.size());
  std::stable_sort(
      over.begin(), over.end(),
      [](const CollectiveResult* a, const CollectiveResult* b) { return a->time > b->time; });
  for (const CollectiveResult* c : over) {
    r.status = CheckStatus::Fail;
    std::string text = fmt::format("{} (iteration {}): {} > {}",
                                   collectiveLabel(c->job, c->op, c->algorithm, c->bytes),
                                   c->iteration, c->time, *target);
    const std::string why = responsible(report, fabric, c->index);
    if (!why.empty()) text += "; " + why;
    r.addOffender(std::move(text));
  }
  // A collective that never finished did not finish within the target either.
  for (const CollectiveResult* c : unfinished) {
    r.status = CheckStatus::Fail;
    r.addOffender(fmt::format("{} (iteration {}): did not complete",
                              collectiveLabel(c->job, c->op, c->algorithm, c->bytes),
                              c->iteration));
  }
  return r;
}

CheckResult checkBusBandwidth(const RunReport& report, const topology::Fabric& fabric) {
  CheckResult r;
  r.id = "busbw";
  r.title = "Bus bandwidth";
  const std::optional<DataRate> target = report.targets.minBusBandwidth;
  // The largest size of each (job, collective) group of the table.
  using Key = std::tuple<std::string, int>;
  std::map<Key, const NcclRow*> largest;
  std::vector<Key> order;
  for (const NcclRow& row : report.table) {
    const Key key{row.job, row.spec};
    auto [it, fresh] = largest.emplace(key, &row);
    if (fresh) order.push_back(key);
    if (row.bytes > it->second->bytes) it->second = &row;
  }
  const NcclRow* lowest = nullptr;
  std::string figures;
  for (const Key& key : order) {
    const NcclRow* row = largest.at(key);
    if (!figures.empty()) figures += ", ";
    const std::string label = collectiveLabel(row->job, row->op, row->algorithm, row->bytes);
    figures += row->completed ? fmt::format("{} {:.2f} GB/s", label, row->busbw.gigabytesPerSecond())
                              : label + " stalled";
    if (lowest == nullptr || row->busbw < lowest->busbw) lowest = row;
  }
  if (lowest == nullptr) {
    r.summary = "no collectives";
    return r;
  }
  r.addMetric("lowest_largest_size", static_cast<double>(lowest->busbw.bps()), "bps");
  if (target) r.addMetric("target", static_cast<double>(target->bps()), "bps");
  r.summary = "largest sizes: " + figures;
  if (!target) {
    r.summary += "; no target set";
    return r;
  }
  r.summary += fmt::format("; target >= {:.2f} GB/s", target->gigabytesPerSecond());
  for (const Key& key : order) {
    const NcclRow* row = largest.at(key);
    if (row->completed && row->busbw >= *target) continue;
    r.status = CheckStatus::Fail;
    if (!row->completed) {
      r.addOffender(collectiveLabel(row->job, row->op, row->algorithm, row->bytes) +
                    ": did not complete");
      continue;
    }
    std::string text = fmt::format("{}: busbw {:.2f} GB/s < {:.2f} GB/s",
                                   collectiveLabel(row->job, row->op, row->algorithm, row->bytes),
                                   row->busbw.gigabytesPerSecond(), target->gigabytesPerSecond());
    if (row->ceiling.bps() > 0) text += fmt::format(" (ceiling {:.2f} GB/s)", row->ceiling.gigabytesPerSecond());
    const std::string why = responsible(report, fabric, row->first);
    if (!why.empty()) text += "; " + why;
    r.addOffender(std::move(text));
  }
  return r;
}

CheckResult checkSiteLatency(const RunReport& report, const topology::Fabric& fabric) {
  CheckResult r;
  r.id = "site-latency";
  r.title = "Latency between sites";
  const std::optional<Duration> target = report.targets.maxSiteLatency;
  const GpuLatencyStats stats = computeGpuLatency(fabric);
  Duration worst;
  std::string worstPair;
  std::size_t pairs = 0;
  for (const auto& [sites, latency] : stats.worstBetweenSites) {
    if (sites.first == sites.second) continue;
    ++pairs;
    if (worstPair.empty() || latency > worst) {
      worst = latency;
      worstPair = sites.first + " <-> " + sites.second;
    }
  }
  if (pairs == 0) {
    r.summary = "one site: no inter-site latency";
    if (target) r.summary += fmt::format(" (target <= {} not applicable)", *target);
    return r;
  }
  r.addMetric("worst", worst.seconds(), "s");
  if (target) r.addMetric("target", target->seconds(), "s");
  r.summary = fmt::format("worst {} one-way ({}) over {} site pair{}", worst, worstPair, pairs,
                          pairs == 1 ? "" : "s");
  if (stats.sampled) r.summary += " (sampled)";
  if (!target) {
    r.summary += "; no target set";
    return r;
  }
  r.summary += fmt::format("; target <= {}", *target);
  for (const auto& [sites, latency] : stats.worstBetweenSites) {
    if (sites.first == sites.second || latency <= *target) continue;
    r.status = CheckStatus::Fail;
    r.addOffender(fmt::format("{} <-> {}: {} > {}", sites.first, sites.second, latency, *target));
  }
  return r;
}

CheckResult checkLinkUtilization(const RunReport& report, const topology::Fabric& fabric) {
  CheckResult r;
  r.id = "link-utilization";
  r.title = "Link utilisation";
  const std::optional<double> target = report.targets.maxLinkUtilization;
  std::vector<const LinkUsage*> sorted;
  for (const LinkUsage& u : report.links) sorted.push_back(&u);
  std::stable_sort(sorted.begin(), sorted.end(), [](const LinkUsage* a, const LinkUsage* b) {
    return a->utilization > b->utilization;
  });
  if (sorted.empty()) {
    r.summary = "no links";
    return r;
  }
  const LinkUsage& busiest = *sorted.front();
  r.addMetric("max", busiest.utilization, "ratio");
  if (target) r.addMetric("target", *target, "ratio");
  r.summary = fmt::format("busiest {:.1f}% ({})", 100.0 * busiest.utilization,
                          linkLabel(fabric, busiest.link));
  if (!target) {
    r.summary += "; no target set";
    return r;
  }
  r.summary += fmt::format("; target <= {:.1f}%", 100.0 * *target);
  for (const LinkUsage* u : sorted) {
    if (u->utilization <= *target) break;
    r.status = CheckStatus::Fail;
    r.addOffender(fmt::format("{}: {:.1f}% > {:.1f}%", linkLabel(fabric, u->link),
                              100.0 * u->utilization, 100.0 * *target));
  }
  return r;
}

CheckResult checkLossless(const RunReport& report, const topology::Fabric& fabric) {
  CheckResult r;
  r.id = "lossless";
  r.title = "No drops when lossless";
  std::uint64_t drops = 0;
  std::uint64_t lost = 0;
  std::vector<const LinkUsage*> dropping;
  for (const LinkUsage& u : report.links) {
    drops += u.drops;
    lost += u.lost;
    if (u.drops > 0) dropping.push_back(&u);
  }
  r.addMetric("drops", static_cast<double>(drops), "count");
  r.addMetric("lost", static_cast<double>(lost), "count");
  const bool required = report.targets.lossless || report.pfc;
  const std::string why = report.targets.lossless ? "targets.lossless" : "PFC on";
  r.summary = fmt::format("{} drops, {} frames lost on the wire", drops, lost);
  if (!required) {
    r.summary += "; lossy fabric (PFC off, no lossless target)";
    return r;
  }
  r.summary += fmt::format("; lossless required ({})", why);
  std::stable_sort(dropping.begin(), dropping.end(),
                   [](const LinkUsage* a, const LinkUsage* b) { return a->drops > b->drops; });
  for (const LinkUsage* u : dropping) {
    r.status = CheckStatus::Fail;
    r.addOffender(fmt::format("{}: {} drops", linkLabel(fabric, u->link), u->drops));
  }
  return r;
}

CheckResult checkTransport(const RunReport& report) {
  CheckResult r;
  r.id = "transport";
  r.title = "Transport health";
  std::uint64_t drops = 0;
  std::uint64_t lost = 0;
  for (const LinkUsage& u : report.links) {
    drops += u.drops;
    lost += u.lost;
  }
  const double share = report.packets > 0 ? static_cast<double>(report.retransmissions) /
                                                static_cast<double>(report.packets)
                                          : 0.0;
  r.addMetric("retransmissions", static_cast<double>(report.retransmissions), "count");
  r.addMetric("timeouts", static_cast<double>(report.timeouts), "count");
  r.addMetric("spurious", static_cast<double>(report.spuriousRetransmissions), "count");
  r.addMetric("drops", static_cast<double>(drops), "count");
  r.addMetric("lost", static_cast<double>(lost), "count");
  r.addMetric("retransmitted", share, "ratio");
  r.summary = fmt::format("{} retransmissions ({:.3f}% of {} data packets), {} timeouts, {} shown unneeded by DSACK",
                          report.retransmissions, 100.0 * share, report.packets, report.timeouts,
                          report.spuriousRetransmissions);
  if (report.retransmissions > 0 && drops == 0 && lost == 0) {
    // Sprayed frames overtake each other by design; loss detection tuned
    // for it still resends a few. Up to 1 % of the packets is that price.
    constexpr double kSprayAllowance = 0.01;
    const bool reordering = report.sprayed && share <= kSprayAllowance;
    r.status = reordering ? CheckStatus::Warn : CheckStatus::Fail;
    r.summary += reordering ? "; spurious retransmissions from reordering under packet spraying (at most 1 %)"
                            : "; spurious retransmissions: nothing was dropped or lost";
    r.addOffender(fmt::format("run: {} retransmissions, {} timeouts with 0 drops and 0 frames lost on the wire",
                              report.retransmissions, report.timeouts));
  }
  return r;
}

CheckResult checkEstimates(const RunReport& report, const topology::Fabric& fabric) {
  constexpr double kLow = 0.5;
  constexpr double kHigh = 2.0;
  CheckResult r;
  r.id = "estimate";
  r.title = "Measured against the estimate";
  double lo = 0.0;
  double hi = 0.0;
  std::size_t compared = 0;
  std::size_t outside = 0;
  for (const NcclRow& row : report.table) {
    if (!row.completed || row.estimate <= Duration() || row.time <= Duration()) continue;
    const double ratio = static_cast<double>(row.time.ps()) / static_cast<double>(row.estimate.ps());
    lo = compared == 0 ? ratio : std::min(lo, ratio);
    hi = compared == 0 ? ratio : std::max(hi, ratio);
    ++compared;
    if (ratio >= kLow && ratio <= kHigh) continue;
    ++outside;
    r.escalate(CheckStatus::Warn);
    std::string cause;
    if (ratio < kLow) {
      cause = "faster than the estimate: its bound or latency terms do not hold for this fabric";
    } else {
      const CriticalPath* cp = row.first >= 0 && static_cast<std::size_t>(row.first) < report.criticalPaths.size()
                                   ? &report.criticalPaths[static_cast<std::size_t>(row.first)]
                                   : nullptr;
      const Duration total = cp != nullptr ? cp->total.total() : Duration();
      if (report.retransmissions > 0) {
        cause = fmt::format("{} retransmissions in the run", report.retransmissions);
      } else if (cp != nullptr && cp->complete && cp->total.wait * 2 > total) {
        cause = "the critical path mostly waits (dependencies, a connection's earlier transfers)";
      } else {
        cause = "queues and shared links the estimate leaves out";
      }
      const std::string why = responsible(report, fabric, row.first);
      if (!why.empty()) cause += "; " + why;
    }
    r.addOffender(fmt::format("{}: measured {} = {:.2f} x the estimate {}; {}",
                              collectiveLabel(row.job, row.op, row.algorithm, row.bytes), row.time, ratio,
                              row.estimate, cause));
  }
  r.addMetric("min_ratio", lo, "ratio");
  r.addMetric("max_ratio", hi, "ratio");
  r.addMetric("outside", static_cast<double>(outside), "count");
  r.summary = compared == 0 ? "no sizes with an estimate"
                            : fmt::format("measured / estimate from {:.2f} to {:.2f} over {} sizes; {} outside "
                                          "[{}, {}]",
                                          lo, hi, compared, outside, kLow, kHigh);
  return r;
}

}  // namespace ofe::analysis
