#include "analysis/ReportDocument.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "analysis/FabricQueries.h"
#include "analysis/QotReport.h"
#include "analysis/RunChecks.h"
#include "traffic/CollectiveNames.h"

namespace ofe::analysis {

namespace {

std::string gbps(DataRate r) {
  return fmt::format("{:.2f}", static_cast<double>(r.bps()) / 8e9);
}

std::string share(Duration part, Duration whole) {
  return whole.ps() > 0
             ? fmt::format("{:.1f}%", 100.0 * static_cast<double>(part.ps()) / whole.ps())
             : "-";
}

std::string percent(double ratio) {
  return fmt::format("{:.1f}%", 100.0 * ratio);
}

/// Four significant digits: the runs are short, so energies and costs are often tiny.
std::string sig(double v) {
  return fmt::format("{:.4g}", v);
}

std::string money(double v, const std::string& currency) {
  return sig(v) + " " + currency;
}

std::string kwh(Energy e) {
  return sig(e.kilowattHours());
}

std::string joules(Energy e) {
  return sig(e.joulesValue()) + " J";
}

/// A table of the report: one collective of one job (its sweep, whatever ran per size).
using GroupKey = std::tuple<std::string, int>;

GroupKey groupOf(const NcclRow& r) { return {r.job, r.spec}; }

std::string protocolName(traffic::Protocol p) {
  return p == traffic::Protocol::Auto ? "-" : traffic::toString(p);
}

/// Mean energy over the iterations of a table row.
Energy rowEnergy(const RunReport& report, const NcclRow& row) {
  double sum = 0.0;
  int n = 0;
  for (std::size_t i = 0; i < report.collectives.size() && i < report.energy.collectives.size();
       ++i) {
    const CollectiveResult& c = report.collectives[i];
    if (c.job == row.job && c.op == row.op && c.algorithm == row.algorithm &&
        c.ranks == row.ranks && c.bytes == row.bytes) {
      sum += report.energy.collectives[i].energy.joulesValue();
      ++n;
    }
  }
  return Energy::joules(n > 0 ? sum / n : 0.0);
}

ReportSection verdictSection(const RunReport& report) {
  ReportSection s;
  s.id = "verdict";
  s.title = "Verdict";
  s.paragraphs.push_back(report.verdict.subject());
  s.paragraphs.push_back(
      "Design checks are those of `ofe validate`; run-completed, collective-time, busbw, estimate, "
      "site-latency, link-utilization, lossless and transport judge the run against the scenario's "
      "targets and its own estimates.");
  ReportTable t;
  t.id = "table-verdict";
  t.caption = "Checks";
  t.header = {"Check", "Status", "Summary", "Elements responsible"};
  t.numeric = {false, false, false, false};
  for (const CheckResult& r : report.verdict.results()) {
    std::string details;
    for (const std::string& o : r.offenders) details += (details.empty() ? "" : "; ") + o;
    if (r.moreOffenders > 0) details += fmt::format("; ... and {} more", r.moreOffenders);
    t.rows.push_back({r.id, toString(r.status), r.summary, details});
  }
  s.tables.push_back(std::move(t));
  return s;
}

ReportSection collectivesSection(const RunReport& report) {
  ReportSection s;
  s.id = "collectives";
  s.title = "Collectives";
  s.paragraphs.push_back(
      "nccl-tests definitions: algbw = size / time; busbw = algbw x the operation's bus factor "
      "(all-reduce "
      "2(n-1)/n; all-gather, reduce-scatter, all-to-all (n-1)/n; others 1), comparable across rank "
      "counts. "
      "Algorithm, protocol and channels: what ran at each size (NCCL's choice when the scenario "
      "says auto). Ceiling: the busbw the schedule that ran cannot exceed on this fabric (for an "
      "NCCL ring, the NICs of a server together; for a flat ring, its slowest hop). Estimate: the "
      "alpha-beta model of the same schedule on this fabric; NCCL model: what NCCL's own tuning "
      "model predicts for it (docs/collectives.md). GB/s = 1e9 bytes/s.");
  s.chart = ReportChart::BusBandwidth;
  std::size_t i = 0;
  int group = 0;
  while (i < report.table.size()) {
    const NcclRow& head = report.table[i];
    ReportTable t;
    t.id = fmt::format("table-collectives-{}", group++);
    t.caption = fmt::format("{}: {} over {} ranks", head.job, traffic::toString(head.op), head.ranks);
    t.header = {"Size",         "Algorithm",    "Protocol",       "Channels",        "Iterations",
                "Time",         "algbw (GB/s)", "busbw (GB/s)",   "Ceiling (GB/s)", "busbw / ceiling",
                "Estimate",     "meas/est",     "NCCL model",     "Slowest rank",   "Fastest rank"};
    t.numeric = {true, false, false, true, true, true, true, true, true, true, true, true, true, true, true};
    for (; i < report.table.size() && groupOf(report.table[i]) == groupOf(head); ++i) {
      const NcclRow& r = report.table[i];
      if (!r.completed) {
        t.rows.push_back({r.bytes.toString(), traffic::toString(r.algorithm), protocolName(r.protocol),
                          std::to_string(r.channels), std::to_string(r.iterations), "stalled", "-", "-",
                          r.ceiling.bps() > 0 ? gbps(r.ceiling) : "-", "-", "-", "-", "-", "-", "-"});
        continue;
      }
      const bool hasEstimate = r.estimate > Duration();
      t.rows.push_back(
          {r.bytes.toString(), traffic::toString(r.algorithm), protocolName(r.protocol), std::to_string(r.channels),
           std::to_string(r.iterations), readableTime(r.time), gbps(r.algbw),
           gbps(r.busbw), r.ceiling.bps() > 0 ? gbps(r.ceiling) : "-",
           r.ceiling.bps() > 0 ? percent(static_cast<double>(r.busbw.bps()) / r.ceiling.bps())
                               : "-",
           hasEstimate ? readableTime(r.estimate) : "-",
           hasEstimate ? fmt::format("{:.3f}", static_cast<double>(r.time.ps()) / r.estimate.ps())
                       : "-",
           r.ncclPredicted > Duration() ? readableTime(r.ncclPredicted) : "-", readableTime(r.slowestRank),
           readableTime(r.fastestRank)});
    }
    s.tables.push_back(std::move(t));
  }
  return s;
}

ReportSection breakdownSection(const RunReport& report, const topology::Fabric& fabric) {
  ReportSection s;
  s.id = "breakdown";
  s.title = "Latency breakdown";
  s.paragraphs.push_back(
      "For each size (first iteration), the critical path: from the last transfer to finish, back "
      "through the dependency that finished last, to the barrier before the size. Serialisation, "
      "propagation, module (FEC/DSP), switching and NIC are computed from the path's links and "
      "elements (inside a scale-up domain: the GPU port's rate and the GPU's scale-up latency); "
      "protocol is the GPU/proxy latency NCCL's protocol charges per hop; queueing is the measured "
      "time minus those (queues, ports shared with other transfers, pacing, retransmissions); "
      "wait is time the path's transfers waited for their start. The columns add up to the time "
      "exactly.");
  s.paragraphs.push_back(
      report.pathsRecorded
          ? "Paths are those the engine recorded for each transfer."
          : "Paths: the engine does not record them yet, so each transfer's path is the "
            "routing's shortest path taking the first equal-cost choice at every hop.");
  s.chart = ReportChart::LatencyBreakdown;
  ReportTable t;
  t.id = "table-breakdown";
  t.caption = "Critical path per collective and size";
  t.header = {"Collective", "Time",     "Serialisation", "Propagation", "Module",         "Switching",
              "NIC",        "Protocol", "Queueing",      "Wait",        "Queueing share", "Transfers"};
  t.numeric = {false, true, true, true, true, true, true, true, true, true, true, true};
  ReportTable links;
  links.id = "table-critical-links";
  links.caption = "Links of each critical path, in the order first crossed";
  links.header = {"Collective", "Links"};
  links.numeric = {false, false};
  constexpr std::size_t kShown = 8;
  for (const NcclRow& r : report.table) {
    if (r.first < 0 || static_cast<std::size_t>(r.first) >= report.criticalPaths.size()) continue;
    const CriticalPath& cp = report.criticalPaths[static_cast<std::size_t>(r.first)];
    const std::string label = collectiveLabel(r.job, r.op, r.algorithm, r.bytes);
    if (!cp.complete) {
      t.rows.push_back({label, "stalled", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"});
      continue;
    }
    const LatencyBreakdown& b = cp.total;
    t.rows.push_back({label, readableTime(b.total()), readableTime(b.serialisation),
                      readableTime(b.propagation), readableTime(b.module),
                      readableTime(b.switching), readableTime(b.nic), readableTime(b.protocol),
                      readableTime(b.queueing),
                      readableTime(b.wait), share(b.queueing, b.total()),
                      std::to_string(cp.steps.size())});
    std::string text;
    for (std::size_t k = 0; k < cp.links.size() && k < kShown; ++k)
      text += (k ? "; " : "") + linkLabel(fabric, cp.links[k]);
    if (cp.links.size() > kShown)
      text += fmt::format("; ... and {} more (report.json)", cp.links.size() - kShown);
    links.rows.push_back({label, text});
  }
  s.tables.push_back(std::move(t));
  s.tables.push_back(std::move(links));
  return s;
}

ReportSection flowsSection(const RunReport& report, const topology::Fabric& fabric) {
  ReportSection s;
  s.id = "flows";
  s.title = "Flows";
  const FlowSummary& f = report.flowSummary;
  s.paragraphs.push_back(fmt::format(
      "{} of {} flows of the traffic-matrix jobs completed. FCT is the last byte at the application minus the "
      "flow's start; the slowdown divides it by the ideal FCT, the flow alone on an idle fabric (NIC latencies, "
      "propagation, switch latencies, the first frame's serialisation per store-and-forward hop, the rest at the "
      "slowest link). Percentiles are nearest-rank; every flow is in flows.csv.",
      f.completed, f.count));
  ReportTable t;
  t.id = "table-flows";
  t.caption = "Flow completion times";
  t.header = {"", "p50", "p99", "max"};
  t.numeric = {false, true, true, true};
  t.rows.push_back({"FCT", readableTime(f.fctP50), readableTime(f.fctP99), readableTime(f.fctMax)});
  t.rows.push_back({"Slowdown (FCT / ideal)", fmt::format("{:.2f}", f.slowdownP50), fmt::format("{:.2f}", f.slowdownP99),
                    fmt::format("{:.2f}", f.slowdownMax)});
  s.tables.push_back(std::move(t));

  constexpr std::size_t kTop = 10;
  std::vector<const FlowResult*> slowest;
  for (const FlowResult& r : report.flows) {
    if (r.completed) slowest.push_back(&r);
  }
  std::stable_sort(slowest.begin(), slowest.end(),
                   [](const FlowResult* a, const FlowResult* b) { return a->slowdown > b->slowdown; });
  ReportTable top;
  top.id = "table-flows-slowest";
  top.caption = fmt::format("Slowest flows (top {})", std::min(kTop, slowest.size()));
  top.header = {"Job", "From", "To", "Bytes", "Start", "FCT", "Ideal", "Slowdown", "Retransmissions"};
  top.numeric = {false, false, false, true, true, true, true, true, true};
  for (std::size_t k = 0; k < slowest.size() && k < kTop; ++k) {
    const FlowResult& r = *slowest[k];
    top.rows.push_back({r.job, fabric.node(r.src).name, fabric.node(r.dst).name, std::to_string(r.bytes.count()),
                        readableTime(r.start), readableTime(r.fct), readableTime(r.ideal),
                        fmt::format("{:.2f}", r.slowdown), std::to_string(r.retransmissions)});
  }
  s.tables.push_back(std::move(top));
  return s;
}

ReportSection linksSection(const RunReport& report, const topology::Fabric& fabric) {
  ReportSection s;
  s.id = "links";
  s.title = "Links";
  s.paragraphs.push_back(
      fmt::format("Utilisation: the busier direction's serialising time over the whole run ({}), "
                  "headers included. Links "
                  "are grouped into tiers by the kind (and site) of their two ends. Queue figures "
                  "are per output port: "
                  "the deepest queue seen and the time-averaged depth.",
                  readableTime(report.simulatedTime)));
  s.chart = ReportChart::UtilizationHeatmap;
  ReportTable tiers;
  tiers.id = "table-tiers";
  tiers.caption = "Per tier";
  tiers.header = {"Tier",       "Links", "Mean util", "Max util",  "Busiest link", "Max queue",
                  "Mean queue", "Drops", "Lost",      "ECN marks", "PFC paused"};
  tiers.numeric = {false, true, true, true, false, true, true, true, true, true, true};
  for (const LinkTier& t : report.tiers.tiers) {
    tiers.rows.push_back(
        {t.name(), std::to_string(t.links), percent(t.meanUtilization), percent(t.maxUtilization),
         t.busiest == topology::kNoLink ? "" : linkLabel(fabric, t.busiest), t.maxQueue.toString(),
         fmt::format("{:.0f} B", t.meanQueueBytes), std::to_string(t.drops), std::to_string(t.lost),
         std::to_string(t.ecnMarks), readableTime(t.pfcPaused)});
  }
  s.tables.push_back(std::move(tiers));

  constexpr std::size_t kTop = 10;
  std::vector<const LinkUsage*> sorted;
  for (const LinkUsage& u : report.links) sorted.push_back(&u);
  std::stable_sort(sorted.begin(), sorted.end(), [](const LinkUsage* a, const LinkUsage* b) {
    return a->utilization > b->utilization;
  });
  ReportTable top;
  top.id = "table-links-top";
  top.caption = fmt::format("Busiest links (top {})", std::min(kTop, sorted.size()));
  top.header = {"Link",      "Tier",  "Rate",      "Bytes",     "Utilisation",
                "Max queue", "Drops", "ECN marks", "PFC paused"};
  top.numeric = {false, false, true, true, true, true, true, true, true};
  for (std::size_t k = 0; k < sorted.size() && k < kTop; ++k) {
    const LinkUsage& u = *sorted[k];
    top.rows.push_back({linkLabel(fabric, u.link), report.tiers.tierName(u.link),
                        fabric.link(u.link).rate.toString(), std::to_string(u.bytes.count()),
                        percent(u.utilization), u.maxQueue.toString(), std::to_string(u.drops),
                        std::to_string(u.ecnMarks), readableTime(u.pfcPaused)});
  }
  if (sorted.size() > kTop)
    top.note = fmt::format("{} more links in links.csv.", sorted.size() - kTop);
  s.tables.push_back(std::move(top));

  ReportTable optical;
  optical.id = "table-links-qot";
  optical.caption = "Amplified coherent lines (GN model, worst channel)";
  optical.header = {"Link", "Module", "Length", "GSNR", "Needed", "Margin", "Pre-FEC BER", "Post-FEC BER",
                    "Packets", "Lost"};
  optical.numeric = {false, false, true, true, true, true, true, true, true, true};
  for (const LinkUsage& u : report.links) {
    const topology::Link& l = fabric.link(u.link);
    if (!l.qot) continue;
    const models::QotEstimate& q = *l.qot;
    optical.rows.push_back({linkLabel(fabric, u.link), l.module.name, l.length.toString(),
                            fmt::format("{:.2f} dB", q.worst.gsnrSignal.db()),
                            q.requiredGsnr ? fmt::format("{:.2f} dB", q.requiredGsnr->db()) : "-",
                            q.margin ? fmt::format("{:+.2f} dB", q.margin->db()) : "-",
                            fmt::format("{:.2e}", q.preFecBer), fmt::format("{:.2e}", l.bitErrorRate),
                            std::to_string(u.packets), std::to_string(u.lost)});
  }
  if (!optical.rows.empty()) {
    optical.note =
        "GSNR over the symbol rate of the worst channel of a fully loaded band; the post-FEC BER is the "
        "link's bit-error rate in the run (an explicit bit_error_rate overrides it). `ofe qot` shows the "
        "ASE and NLI parts (docs/optics.md). WDM capacity:";
    for (const OpticalRoute& route : opticalRoutes(fabric)) {
      optical.note += fmt::format(" {} {} x {} = {} ({} lit);", route.name, route.links.size(),
                                  route.capacityPerPair, route.capacity, route.lit);
    }
    optical.note.back() = '.';
    s.tables.push_back(std::move(optical));
  }
  return s;
}

/// Links that went down or came up during the run, grouped by time, with the
/// capacity left dark: a circuit that comes up was dark since the last change
/// before it (the OCS's reconfiguration time).
ReportSection topologySection(const RunReport& report, const topology::Fabric& fabric) {
  ReportSection s;
  s.id = "topology";
  s.title = "Topology changes";
  std::map<std::int64_t, std::pair<std::vector<topology::LinkId>, std::vector<topology::LinkId>>> byTime;
  for (const topology::LinkEvent& e : report.linkEvents) {
    auto& [down, up] = byTime[e.at.ps()];
    (e.up ? up : down).push_back(e.link);
  }
  Duration dark;
  std::uint64_t darkCircuits = 0;
  std::optional<std::int64_t> lastDown;
  for (const auto& [at, changes] : byTime) {
    const auto ups = static_cast<std::int64_t>(changes.second.size());
    if (lastDown && ups > 0) {
      dark += Duration::picoseconds(at - *lastDown) * ups;
      darkCircuits += static_cast<std::uint64_t>(ups);
    }
    if (!changes.first.empty()) lastDown = at;
  }
  std::set<topology::LinkId> wentDown;
  for (const topology::LinkEvent& e : report.linkEvents) {
    if (!e.up) wentDown.insert(e.link);
  }
  std::uint64_t lostOnChanged = 0;
  for (const LinkUsage& u : report.links) {
    if (wentDown.count(u.link) != 0) lostOnChanged += u.lost;
  }
  std::string reroutes;
  for (Duration at : report.reroutes) reroutes += (reroutes.empty() ? "" : ", ") + readableTime(at);
  s.paragraphs.push_back(fmt::format(
      "{} link changes; routing recomputed at {}. Circuits set up after a teardown were dark {} in all ({} circuits, "
      "the OCS reconfiguration time each); {} frames were lost on links that went down (sent before the reroute).",
      report.linkEvents.size(), reroutes.empty() ? "never" : reroutes, readableTime(dark), darkCircuits,
      lostOnChanged));
  ReportTable t;
  t.id = "table-topology";
  t.caption = "Changes by time";
  t.header = {"At", "Down", "Up", "Links"};
  t.numeric = {true, true, true, false};
  for (const auto& [at, changes] : byTime) {
    std::string names;
    for (const auto* list : {&changes.first, &changes.second}) {
      for (topology::LinkId l : *list) {
        if (names.size() > 200) break;
        names += (names.empty() ? "" : "; ") + std::string(list == &changes.first ? "- " : "+ ") + linkLabel(fabric, l);
      }
    }
    if (names.size() > 200) names += "; ...";
    t.rows.push_back({readableTime(Duration::picoseconds(at)), std::to_string(changes.first.size()),
                      std::to_string(changes.second.size()), names});
  }
  s.tables.push_back(std::move(t));
  return s;
}

ReportSection powerSection(const RunReport& report) {
  const EnergyReport& e = report.energy;
  ReportSection s;
  s.id = "power";
  s.title = "Power, energy and cost";
  s.paragraphs.push_back(
      fmt::format("Total power {} (catalog figures of every GPU, NIC, switch, optical module, OCS "
                  "and amplifier; "
                  "{} elements in report.json). Energy of the workload = total power x simulated "
                  "time {} = {} = {} kWh. "
                  "Electricity cost = energy (kWh) x PUE x price per kWh of the site where each "
                  "element stands: {}.",
                  e.total, e.elements.size(), readableTime(e.time), joules(e.energy), kwh(e.energy),
                  money(e.cost, e.currency)));
  s.paragraphs.push_back(
      "Energy of a collective = power of the elements it involves (its GPUs and their NICs, the "
      "switches and "
      "optics on its transfers' paths, the amplifiers those links pass) x its time; elements "
      "shared by "
      "concurrent collectives are charged to each.");
  s.chart = ReportChart::PowerByKind;

  ReportTable kinds;
  kinds.id = "table-power-kind";
  kinds.caption = "Power by kind";
  kinds.header = {"Kind", "Elements", "Power", "Share"};
  kinds.numeric = {false, true, true, true};
  std::map<PowerKind, std::pair<std::size_t, double>> byKind;
  for (const ElementPower& el : e.elements) {
    auto& [count, watts] = byKind[el.kind];
    ++count;
    watts += el.power.wattsValue();
  }
  for (const auto& [kind, cw] : byKind) {
    kinds.rows.push_back(
        {toString(kind), std::to_string(cw.first), Power::watts(cw.second).toString(),
         e.total.wattsValue() > 0 ? percent(cw.second / e.total.wattsValue()) : "-"});
  }
  s.tables.push_back(std::move(kinds));

  ReportTable sites;
  sites.id = "table-sites";
  sites.caption = "Per site";
  sites.header = {"Site",
                  "Power",
                  "Energy (kWh)",
                  "PUE",
                  fmt::format("Price ({}/kWh)", e.currency),
                  fmt::format("Cost ({})", e.currency)};
  sites.numeric = {false, true, true, true, true, true};
  for (const SiteEnergy& site : e.sites) {
    sites.rows.push_back(
        {site.priced ? site.site : site.site + " (not a scenario site: not priced)",
         site.power.toString(), kwh(site.energy),
         site.priced ? fmt::format("{:.2f}", site.pue) : "-",
         site.priced ? fmt::format("{:.4f}", site.pricePerKwh) : "-",
         site.priced ? sig(site.cost) : "-"});
  }
  sites.note = fmt::format("Total: {}.", money(e.cost, e.currency));
  s.tables.push_back(std::move(sites));

  ReportTable ifRun;
  ifRun.id = "table-if-run-at";
  ifRun.caption = "The whole workload's energy priced at each site";
  ifRun.header = {"Site", "PUE", fmt::format("Price ({}/kWh)", e.currency),
                  fmt::format("Cost ({})", e.currency)};
  ifRun.numeric = {false, true, true, true};
  for (const SiteCostIf& c : e.ifRunAt) {
    ifRun.rows.push_back(
        {c.site, fmt::format("{:.2f}", c.pue), fmt::format("{:.4f}", c.pricePerKwh), sig(c.cost)});
  }
  s.tables.push_back(std::move(ifRun));

  ReportTable energy;
  energy.id = "table-collective-energy";
  energy.caption = "Energy per collective and size (mean over iterations)";
  energy.header = {"Collective", "Elements involved", "Their power", "Time", "Energy"};
  energy.numeric = {false, true, true, true, true};
  for (const NcclRow& r : report.table) {
    if (r.first < 0 || static_cast<std::size_t>(r.first) >= e.collectives.size()) continue;
    const CollectiveEnergy& ce = e.collectives[static_cast<std::size_t>(r.first)];
    energy.rows.push_back({collectiveLabel(r.job, r.op, r.algorithm, r.bytes),
                           std::to_string(ce.elements), ce.power.toString(), readableTime(r.time),
                           joules(rowEnergy(report, r))});
  }
  s.tables.push_back(std::move(energy));
  return s;
}

}  // namespace

std::string readableTime(Duration d) {
  const double ps = static_cast<double>(d.ps());
  const double mag = std::abs(ps);
  if (mag < 1e6) return fmt::format("{:.1f} ns", ps * 1e-3);
  if (mag < 1e9) return fmt::format("{:.2f} us", ps * 1e-6);
  if (mag < 1e12) return fmt::format("{:.3f} ms", ps * 1e-9);
  return fmt::format("{:.3f} s", ps * 1e-12);
}

ReportDocument reportDocument(const RunReport& report, const topology::Fabric& fabric) {
  ReportDocument doc;
  doc.title = "ofe run report: " + report.scenario;
  doc.description = report.description;
  doc.facts = {
      {"Scenario", report.scenario},
      {"Source", report.sourcePath},
      {"Seed", std::to_string(report.seed)},
      {"Engine", report.engine},
      {"Simulated time", readableTime(report.simulatedTime)},
      {"Transfers", fmt::format("{} of {} delivered", report.transfersCompleted, report.transfers)},
      {"Packets", fmt::format("{} ({} retransmitted)", report.packets, report.retransmissions)},
      {"Events", std::to_string(report.events)}};
  doc.status = report.verdict.worstStatus();
  doc.verdictLine =
      fmt::format("{}: {} failed, {} warned, {} passed", toString(doc.status),
                  report.verdict.count(CheckStatus::Fail), report.verdict.count(CheckStatus::Warn),
                  report.verdict.count(CheckStatus::Pass));
  doc.sections.push_back(verdictSection(report));
  doc.sections.push_back(collectivesSection(report));
  doc.sections.push_back(breakdownSection(report, fabric));
  if (!report.flows.empty()) doc.sections.push_back(flowsSection(report, fabric));
  doc.sections.push_back(linksSection(report, fabric));
  if (!report.linkEvents.empty()) doc.sections.push_back(topologySection(report, fabric));
  doc.sections.push_back(powerSection(report));
  return doc;
}

}  // namespace ofe::analysis
