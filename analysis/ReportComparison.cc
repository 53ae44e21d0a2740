#include "analysis/ReportComparison.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>

#include "analysis/RunReport.h"

namespace ofe::analysis {

namespace {

using nlohmann::json;

const json& field(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key))
    throw std::invalid_argument(fmt::format("report.json: no '{}'", key));
  return j.at(key);
}

/// Lower is better unless @p higherWins.
Winner judge(std::optional<double> a, std::optional<double> b, bool higherWins) {
  if (!a || !b) return Winner::None;
  const double scale = std::max(std::abs(*a), std::abs(*b));
  if (std::abs(*a - *b) <= 1e-9 * scale) return Winner::Tie;
  const bool aBetter = higherWins ? *a > *b : *a < *b;
  return aBetter ? Winner::A : Winner::B;
}

std::string show(std::optional<double> v, const char* format) {
  return v ? fmt::format(fmt::runtime(format), *v) : "-";
}

std::string sizeText(std::int64_t bytes) {
  return Bytes(bytes).toString();
}

struct RowKey {
  std::string job;
  std::string op;
  std::string algorithm;
  std::int64_t ranks;
  std::int64_t bytes;
  bool operator<(const RowKey& o) const {
    return std::tie(job, op, algorithm, ranks, bytes) <
           std::tie(o.job, o.op, o.algorithm, o.ranks, o.bytes);
  }
};

std::map<RowKey, const json*> tableRows(const json& report) {
  std::map<RowKey, const json*> rows;
  for (const json& r : field(report, "table")) {
    rows.emplace(RowKey{r.at("job").get<std::string>(), r.at("op").get<std::string>(),
                        r.at("algorithm").get<std::string>(), r.at("ranks").get<std::int64_t>(),
                        r.at("bytes").get<std::int64_t>()},
                 &r);
  }
  return rows;
}

int statusRank(const std::string& s) {
  return s == "PASS" ? 0 : s == "WARN" ? 1 : 2;
}

void checkVersion(const json& report) {
  const json& v = field(report, "version");
  if (!v.is_number_integer() || v.get<int>() != kReportVersion) {
    throw std::invalid_argument(fmt::format("report.json has version {}, this ofe reads version {}",
                                            v.dump(), kReportVersion));
  }
}

}  // namespace

const char* toString(Winner winner) {
  switch (winner) {
    case Winner::A:
      return "A";
    case Winner::B:
      return "B";
    case Winner::Tie:
      return "=";
    case Winner::None:
      return "-";
  }
  return "-";
}

std::vector<ComparisonRow> compareReports(const json& a, const json& b) {
  checkVersion(a);
  checkVersion(b);
  std::vector<ComparisonRow> out;
  const auto add = [&](const std::string& section, const std::string& metric,
                       std::optional<double> va, std::optional<double> vb, const char* format,
                       bool higherWins) {
    out.push_back({section, metric, show(va, format), show(vb, format), judge(va, vb, higherWins)});
  };

  // Collectives, in A's order, then those only B has.
  const auto rowsA = tableRows(a);
  const auto rowsB = tableRows(b);
  std::vector<RowKey> keys;
  for (const json& r : field(a, "table")) {
    keys.push_back({r.at("job").get<std::string>(), r.at("op").get<std::string>(),
                    r.at("algorithm").get<std::string>(), r.at("ranks").get<std::int64_t>(),
                    r.at("bytes").get<std::int64_t>()});
  }
  for (const json& r : field(b, "table")) {
    RowKey k{r.at("job").get<std::string>(), r.at("op").get<std::string>(),
             r.at("algorithm").get<std::string>(), r.at("ranks").get<std::int64_t>(),
             r.at("bytes").get<std::int64_t>()};
    if (rowsA.find(k) == rowsA.end()) keys.push_back(k);
  }
  const auto value = [](const std::map<RowKey, const json*>& rows, const RowKey& k,
                        const char* name) -> std::optional<double> {
    auto it = rows.find(k);
    if (it == rows.end() || !it->second->at("completed").get<bool>()) return std::nullopt;
    return it->second->at(name).get<double>();
  };
  for (const char* section : {"busbw (GB/s)", "time (us)"}) {
    const bool bus = std::string(section) == "busbw (GB/s)";
    for (const RowKey& k : keys) {
      const std::string metric = fmt::format("{}: {} {} {} ranks {}", k.job, k.op, k.algorithm,
                                             k.ranks, sizeText(k.bytes));
      std::optional<double> va = value(rowsA, k, bus ? "busbw_GBps" : "time_s");
      std::optional<double> vb = value(rowsB, k, bus ? "busbw_GBps" : "time_s");
      if (!bus) {
        if (va) *va *= 1e6;
        if (vb) *vb *= 1e6;
      }
      add(section, metric, va, vb, "{:.2f}", bus);
    }
  }

  const json& runA = field(a, "run");
  const json& runB = field(b, "run");
  add("run", "simulated time (us)", runA.at("simulated_time_s").get<double>() * 1e6,
      runB.at("simulated_time_s").get<double>() * 1e6, "{:.2f}", false);
  out.push_back({"run", "completed", runA.at("completed").get<bool>() ? "yes" : "no",
                 runB.at("completed").get<bool>() ? "yes" : "no",
                 judge(runA.at("completed").get<bool>() ? 1.0 : 0.0,
                       runB.at("completed").get<bool>() ? 1.0 : 0.0, true)});

  const json& powerA = field(a, "power");
  const json& powerB = field(b, "power");
  add("power", "total (kW)", powerA.at("total_W").get<double>() / 1e3,
      powerB.at("total_W").get<double>() / 1e3, "{:.3f}", false);
  for (const auto& [kind, watts] : powerA.at("by_kind_W").items()) {
    const double wa = watts.get<double>();
    const double wb = powerB.at("by_kind_W").value(kind, 0.0);
    if (wa == 0.0 && wb == 0.0) continue;
    add("power", kind + " (kW)", wa / 1e3, wb / 1e3, "{:.3f}", false);
  }

  const json& energyA = field(a, "energy");
  const json& energyB = field(b, "energy");
  add("cost", "workload energy (J)", energyA.at("energy_J").get<double>(),
      energyB.at("energy_J").get<double>(), "{:.4g}", false);
  const std::string curA = energyA.at("currency").get<std::string>();
  const std::string curB = energyB.at("currency").get<std::string>();
  const double costA = energyA.at("cost").get<double>();
  const double costB = energyB.at("cost").get<double>();
  out.push_back({"cost", "electricity", fmt::format("{:.4g} {}", costA, curA),
                 fmt::format("{:.4g} {}", costB, curB),
                 curA == curB ? judge(costA, costB, false) : Winner::None});

  add("transport", "retransmissions", runA.at("retransmissions").get<double>(),
      runB.at("retransmissions").get<double>(), "{:.0f}", false);
  add("transport", "timeouts", runA.at("timeouts").get<double>(), runB.at("timeouts").get<double>(), "{:.0f}",
      false);

  struct LinkFigures {
    double maxUtil = 0.0;
    double drops = 0.0;
    double lost = 0.0;
    double pausedUs = 0.0;
  };
  const auto linkFigures = [](const json& report) {
    LinkFigures f;
    for (const json& l : field(report, "links")) {
      f.maxUtil = std::max(f.maxUtil, l.at("utilization").get<double>());
      f.drops += l.at("drops").get<double>();
      f.lost += l.at("lost").get<double>();
      f.pausedUs += l.at("pfc_paused_s").get<double>() * 1e6;
    }
    return f;
  };
  const LinkFigures la = linkFigures(a);
  const LinkFigures lb = linkFigures(b);
  add("links", "busiest link utilisation (%)", la.maxUtil * 100.0, lb.maxUtil * 100.0, "{:.1f}", false);
  add("links", "drops", la.drops, lb.drops, "{:.0f}", false);
  add("links", "frames lost on the wire", la.lost, lb.lost, "{:.0f}", false);
  add("links", "PFC pause, summed over links (us)", la.pausedUs, lb.pausedUs, "{:.2f}", false);

  const json& verdictA = field(a, "verdict");
  const json& verdictB = field(b, "verdict");
  const auto verdictScore = [](const json& v) {
    // Status first, then failed and warned counts; lower is better.
    return statusRank(v.at("status").get<std::string>()) * 1e6 +
           v.at("counts").at("fail").get<double>() * 1e3 + v.at("counts").at("warn").get<double>();
  };
  const auto verdictText = [](const json& v) {
    return fmt::format("{} ({} fail, {} warn)", v.at("status").get<std::string>(),
                       v.at("counts").at("fail").dump(), v.at("counts").at("warn").dump());
  };
  out.push_back({"verdict", "overall", verdictText(verdictA), verdictText(verdictB),
                 judge(verdictScore(verdictA), verdictScore(verdictB), false)});
  // Per check, where the statuses differ.
  std::map<std::string, std::string> statusB;
  for (const json& c : verdictB.at("checks"))
    statusB[c.at("id").get<std::string>()] = c.at("status").get<std::string>();
  for (const json& c : verdictA.at("checks")) {
    const std::string id = c.at("id").get<std::string>();
    const std::string sa = c.at("status").get<std::string>();
    auto it = statusB.find(id);
    if (it == statusB.end() || it->second == sa) continue;
    out.push_back({"verdict", id, sa, it->second,
                   judge(static_cast<double>(statusRank(sa)),
                         static_cast<double>(statusRank(it->second)), false)});
  }
  return out;
}

std::string renderComparison(const std::vector<ComparisonRow>& rows, const std::string& nameA,
                             const std::string& nameB) {
  std::size_t wMetric = 6;
  std::size_t wA = 1;
  std::size_t wB = 1;
  for (const ComparisonRow& r : rows) {
    wMetric = std::max(wMetric, r.metric.size());
    wA = std::max(wA, r.a.size());
    wB = std::max(wB, r.b.size());
  }
  std::string out = fmt::format("A: {}\nB: {}\n", nameA, nameB);
  std::string section;
  int winsA = 0;
  int winsB = 0;
  int ties = 0;
  for (const ComparisonRow& r : rows) {
    if (r.section != section) {
      section = r.section;
      out += fmt::format("\n{:<{}}  {:>{}}  {:>{}}  winner\n", section, wMetric, "A", wA, "B", wB);
    }
    out += fmt::format("{:<{}}  {:>{}}  {:>{}}  {}\n", r.metric, wMetric, r.a, wA, r.b, wB,
                       toString(r.winner));
    winsA += r.winner == Winner::A;
    winsB += r.winner == Winner::B;
    ties += r.winner == Winner::Tie;
  }
  out += fmt::format("\nA better on {}, B better on {}, {} equal.\n", winsA, winsB, ties);
  return out;
}

}  // namespace ofe::analysis
