#include "analysis/ReportCharts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "analysis/ReportDocument.h"
#include "analysis/RunChecks.h"
#include "analysis/SvgCanvas.h"
#include "traffic/CollectiveNames.h"

namespace ofe::analysis {

namespace {

const char* const kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
constexpr std::size_t kColours = sizeof(kPalette) / sizeof(kPalette[0]);

/// A round step giving at most @p ticks intervals up to @p max (1, 2 or 5 x 10^k).
double niceStep(double max, int ticks) {
  if (max <= 0.0) return 1.0;
  const double raw = max / ticks;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * magnitude >= raw) return m * magnitude;
  }
  return 10.0 * magnitude;
}

std::string tickLabel(double v) {
  std::string s = fmt::format("{:.6g}", v);
  return s;
}

struct Legend {
  std::vector<std::pair<std::string, std::string>> entries;  ///< colour, text
  /// Lays the entries out left to right from (x, y), wrapping at @p right; returns the height used.
  double draw(SvgCanvas& svg, double x, double y, double right) const {
    double cx = x;
    double cy = y;
    for (const auto& [colour, text] : entries) {
      const double w = 22.0 + 6.5 * static_cast<double>(text.size());
      if (cx + w > right && cx > x) {
        cx = x;
        cy += 18.0;
      }
      svg.rect(cx, cy - 10.0, 12.0, 12.0, colour);
      svg.text(cx + 16.0, cy, text, "start", 12.0);
      cx += w + 10.0;
    }
    return cy - y + 18.0;
  }
  double height(double x, double right) const {
    double cx = x;
    double rows = entries.empty() ? 0.0 : 1.0;
    for (const auto& [colour, text] : entries) {
      const double w = 22.0 + 6.5 * static_cast<double>(text.size());
      if (cx + w > right && cx > x) {
        cx = x;
        rows += 1.0;
      }
      cx += w + 10.0;
    }
    return rows * 18.0;
  }
};

}  // namespace

std::string busBandwidthChart(const RunReport& report) {
  constexpr double kW = 760.0;
  constexpr double kLeft = 64.0;
  constexpr double kRight = 24.0;
  constexpr double kPlotH = 280.0;
  constexpr double kBottom = 48.0;

  // One series per collective of a job: its sweep, whichever algorithm ran at each size.
  using Key = std::tuple<std::string, int>;
  std::vector<Key> order;
  std::map<Key, std::vector<const NcclRow*>> series;
  double yMax = 0.0;
  std::set<std::int64_t> sizes;
  for (const NcclRow& r : report.table) {
    const Key k{r.job, r.spec};
    if (series.find(k) == series.end()) order.push_back(k);
    series[k].push_back(&r);
    sizes.insert(r.bytes.count());
    yMax = std::max({yMax, r.busbw.gigabytesPerSecond(), r.ceiling.gigabytesPerSecond()});
  }
  Legend legend;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::vector<const NcclRow*>& rows = series[order[i]];
    const NcclRow& head = *rows.front();
    const bool oneAlgorithm = std::all_of(rows.begin(), rows.end(), [&](const NcclRow* r) {
      return r->algorithm == head.algorithm && r->protocol == head.protocol;
    });
    legend.entries.emplace_back(kPalette[i % kColours],
                                fmt::format("{}: {} {}", head.job, traffic::toString(head.op),
                                            oneAlgorithm ? traffic::toString(head.algorithm) : "(NCCL's choice)"));
  }
  legend.entries.emplace_back("#555", "ceiling of the schedule that ran (dashed)");
  const double top = 16.0 + legend.height(kLeft, kW - kRight) + 8.0;
  const double height = top + kPlotH + kBottom;
  SvgCanvas svg("chart-busbw", kW, height,
                "Bus bandwidth against message size, with the link rate ceiling");
  legend.draw(svg, kLeft, 22.0, kW - kRight);
  if (sizes.empty()) {
    svg.text(kW / 2, top + kPlotH / 2, "no collectives", "middle");
    return svg.str();
  }

  const double plotW = kW - kLeft - kRight;
  double xMin = std::log2(static_cast<double>(*sizes.begin()));
  double xMax = std::log2(static_cast<double>(*sizes.rbegin()));
  if (xMax - xMin < 1.0) {
    xMin -= 0.5;
    xMax += 0.5;
  }
  const double step = niceStep(yMax * 1.05, 5);
  const double yTop = std::max(step, std::ceil(yMax * 1.05 / step) * step);
  const auto px = [&](std::int64_t bytes) {
    return kLeft + (std::log2(static_cast<double>(bytes)) - xMin) / (xMax - xMin) * plotW;
  };
  const auto py = [&](double gb) { return top + kPlotH - gb / yTop * kPlotH; };

  // Grid and axes.
  const int ticks = static_cast<int>(std::lround(yTop / step));
  for (int i = 0; i <= ticks; ++i) {
    const double v = step * i;
    svg.line(kLeft, py(v), kW - kRight, py(v), "#e3e3e3");
    svg.text(kLeft - 6.0, py(v) + 4.0, tickLabel(v), "end", 11.0, "#444");
  }
  const std::size_t every = std::max<std::size_t>(1, (sizes.size() + 9) / 10);
  std::size_t k = 0;
  for (std::int64_t s : sizes) {
    if (k++ % every != 0) continue;
    svg.line(px(s), top + kPlotH, px(s), top + kPlotH + 4.0, "#444");
    svg.text(px(s), top + kPlotH + 18.0, Bytes(s).toString(), "middle", 11.0, "#444");
  }
  svg.line(kLeft, top, kLeft, top + kPlotH, "#444");
  svg.line(kLeft, top + kPlotH, kW - kRight, top + kPlotH, "#444");
  svg.text(kLeft + plotW / 2, height - 8.0, "message size S (bytes, log scale)", "middle", 12.0);
  svg.text(16.0, top + kPlotH / 2, "busbw (GB/s)", "middle", 12.0, "#222", false, -90.0);

  // Ceilings: per series, the bound of the schedule that ran at each size
  // (it moves with the algorithm and protocol), dashed in the series' colour.
  for (std::size_t i = 0; i < order.size(); ++i) {
    std::vector<std::pair<double, double>> points;
    double last = -1.0;
    for (const NcclRow* r : series[order[i]]) {
      if (r->ceiling.bps() <= 0) continue;
      last = r->ceiling.gigabytesPerSecond();
      points.emplace_back(px(r->bytes.count()), py(last));
    }
    if (points.empty()) continue;
    if (points.size() == 1) points.emplace_back(points.front().first + 12.0, points.front().second);
    svg.polyline(points, kPalette[i % kColours], 1.2, "6 4");
    svg.text(points.back().first - 4.0, points.back().second - 5.0, fmt::format("ceiling {:.2f} GB/s", last),
             "end", 11.0, "#555");
  }
  // Series.
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::string colour = kPalette[i % kColours];
    std::vector<std::pair<double, double>> points;
    for (const NcclRow* r : series[order[i]]) {
      if (!r->completed) continue;
      const double gb = r->busbw.gigabytesPerSecond();
      points.emplace_back(px(r->bytes.count()), py(gb));
    }
    if (points.size() > 1) svg.polyline(points, colour, 2.0);
    for (const NcclRow* r : series[order[i]]) {
      if (!r->completed) continue;
      const double gb = r->busbw.gigabytesPerSecond();
      svg.circle(px(r->bytes.count()), py(gb), 3.5, colour,
                 fmt::format("{}{}: busbw {:.2f} GB/s, time {}",
                             collectiveLabel(r->job, r->op, r->algorithm, r->bytes),
                             r->protocol == traffic::Protocol::Auto ? "" : std::string(" ") + traffic::toString(r->protocol),
                             gb, readableTime(r->time)));
    }
  }
  return svg.str();
}

std::string breakdownChart(const RunReport& report) {
  constexpr double kW = 760.0;
  constexpr double kLabelW = 250.0;
  constexpr double kBarX = 258.0;
  constexpr double kBarW = 400.0;
  constexpr double kRowH = 22.0;
  struct Component {
    const char* name;
    const char* colour;
    Duration LatencyBreakdown::*field;
  };
  const Component components[] = {{"serialisation", "#1f77b4", &LatencyBreakdown::serialisation},
                                  {"propagation", "#2ca02c", &LatencyBreakdown::propagation},
                                  {"module", "#9467bd", &LatencyBreakdown::module},
                                  {"switching", "#8c564b", &LatencyBreakdown::switching},
                                  {"nic", "#17becf", &LatencyBreakdown::nic},
                                  {"protocol", "#e377c2", &LatencyBreakdown::protocol},
                                  {"queueing", "#d62728", &LatencyBreakdown::queueing},
                                  {"wait", "#bcbd22", &LatencyBreakdown::wait}};
  Legend legend;
  for (const Component& c : components) legend.entries.emplace_back(c.colour, c.name);
  const double top = 16.0 + legend.height(16.0, kW - 16.0) + 10.0;

  std::vector<std::pair<const NcclRow*, const CriticalPath*>> rows;
  for (const NcclRow& r : report.table) {
    if (r.first < 0 || static_cast<std::size_t>(r.first) >= report.criticalPaths.size()) continue;
    rows.emplace_back(&r, &report.criticalPaths[static_cast<std::size_t>(r.first)]);
  }
  const double height =
      top + std::max<double>(1.0, static_cast<double>(rows.size())) * kRowH + 28.0;
  SvgCanvas svg("chart-breakdown", kW, height,
                "Latency breakdown of each collective's critical path");
  legend.draw(svg, 16.0, 22.0, kW - 16.0);
  double y = top;
  for (const auto& [row, cp] : rows) {
    svg.text(kLabelW, y + 15.0, collectiveLabel(row->job, row->op, row->algorithm, row->bytes),
             "end", 11.0);
    if (!cp->complete) {
      svg.text(kBarX, y + 15.0, "stalled", "start", 11.0, "#d62728");
      y += kRowH;
      continue;
    }
    const LatencyBreakdown& b = cp->total;
    // Shares of the positive parts (queueing can only be negative by model error; it is drawn as
    // 0).
    double positive = 0.0;
    for (const Component& c : components)
      positive += std::max<double>(0.0, static_cast<double>((b.*c.field).ps()));
    double x = kBarX;
    for (const Component& c : components) {
      const Duration d = b.*c.field;
      if (d.ps() <= 0 || positive <= 0.0) continue;
      const double w = static_cast<double>(d.ps()) / positive * kBarW;
      svg.rect(x, y + 3.0, w, kRowH - 6.0, c.colour,
               fmt::format("{}: {} ({:.1f}%)", c.name, readableTime(d),
                           100.0 * static_cast<double>(d.ps()) / positive));
      x += w;
    }
    svg.text(kBarX + kBarW + 6.0, y + 15.0, readableTime(b.total()), "start", 11.0);
    y += kRowH;
  }
  svg.line(kBarX, top, kBarX, y, "#444");
  for (int p = 0; p <= 100; p += 25) {
    const double x = kBarX + kBarW * p / 100.0;
    svg.line(x, y, x, y + 4.0, "#444");
    svg.text(x, y + 16.0, fmt::format("{}%", p), "middle", 10.0, "#444");
  }
  return svg.str();
}

std::string utilizationHeatmap(const RunReport& report) {
  constexpr double kW = 760.0;
  const std::vector<std::string>& groups = report.tiers.groups;
  const double n = static_cast<double>(std::max<std::size_t>(1, groups.size()));
  std::size_t longest = 1;
  for (const std::string& g : groups) longest = std::max(longest, g.size());
  // Labels take about 6.5 units per character; column labels are rotated by
  // 45 degrees, so they reach 0.71 x their length up and to the right.
  const double reach = 6.5 * 0.71 * static_cast<double>(longest);
  const double labelW = 16.0 + 6.5 * static_cast<double>(longest);
  const double cell = std::min(90.0, (kW - labelW - reach - 10.0) / n);
  const double top = 24.0 + reach;
  const double height = top + n * cell + 50.0;
  SvgCanvas svg("chart-heatmap", kW, height, "Mean link utilisation between groups of link ends");
  const auto colour = [](double u) {
    u = std::clamp(u, 0.0, 1.0);
    // White to dark red.
    const int r = static_cast<int>(std::lround(255 - u * (255 - 165)));
    const int g = static_cast<int>(std::lround(255 - u * (255 - 15)));
    const int b = static_cast<int>(std::lround(255 - u * (255 - 21)));
    return fmt::format("#{:02x}{:02x}{:02x}", r, g, b);
  };
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const double x = labelW + (static_cast<double>(i) + 0.5) * cell;
    svg.text(x, top - 8.0, groups[i], "start", 11.0, "#222", false, -45.0);
    svg.text(labelW - 8.0, top + (static_cast<double>(i) + 0.5) * cell + 4.0, groups[i], "end",
             11.0);
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    for (std::size_t j = 0; j < groups.size(); ++j) {
      const double x = labelW + static_cast<double>(j) * cell;
      const double y = top + static_cast<double>(i) * cell;
      const LinkTier* t = report.tiers.find(groups[i], groups[j]);
      if (t == nullptr) {
        svg.rect(x + 1.0, y + 1.0, cell - 2.0, cell - 2.0, "#f0f0f0");
        continue;
      }
      svg.rect(x + 1.0, y + 1.0, cell - 2.0, cell - 2.0, colour(t->meanUtilization),
               fmt::format("{}: {} links, mean {:.1f}%, max {:.1f}%", t->name(), t->links,
                           100.0 * t->meanUtilization, 100.0 * t->maxUtilization));
      const std::string ink = t->meanUtilization > 0.5 ? "#fff" : "#222";
      svg.text(x + cell / 2, y + cell / 2 - 2.0, fmt::format("{:.1f}%", 100.0 * t->meanUtilization),
               "middle", 12.0, ink, true);
      svg.text(x + cell / 2, y + cell / 2 + 13.0,
               fmt::format("max {:.1f}%", 100.0 * t->maxUtilization), "middle", 10.0, ink);
    }
  }
  // Colour scale.
  const double scaleY = top + n * cell + 18.0;
  for (int k = 0; k < 10; ++k) {
    svg.rect(labelW + k * 24.0, scaleY, 24.0, 10.0, colour((k + 0.5) / 10.0));
  }
  svg.text(labelW, scaleY + 24.0, "0%", "start", 10.0, "#444");
  svg.text(labelW + 240.0, scaleY + 24.0, "100% mean utilisation", "end", 10.0, "#444");
  svg.text(labelW + 260.0, scaleY + 9.0, "grey: no links between the groups", "start", 10.0,
           "#444");
  return svg.str();
}

std::string powerChart(const RunReport& report) {
  constexpr double kW = 760.0;
  constexpr double kLabelW = 150.0;
  constexpr double kBarX = 158.0;
  constexpr double kBarW = 460.0;
  constexpr double kRowH = 26.0;
  std::map<PowerKind, double> byKind;
  for (const ElementPower& e : report.energy.elements) byKind[e.kind] += e.power.wattsValue();
  double max = 0.0;
  for (const auto& [kind, w] : byKind) max = std::max(max, w);
  const double height =
      16.0 + std::max<double>(1.0, static_cast<double>(byKind.size())) * kRowH + 10.0;
  SvgCanvas svg("chart-power", kW, height, "Power by kind of equipment");
  double y = 12.0;
  std::size_t i = 0;
  for (const auto& [kind, w] : byKind) {
    const double bar = max > 0.0 ? w / max * kBarW : 0.0;
    svg.text(kLabelW, y + 16.0, toString(kind), "end", 12.0);
    svg.rect(kBarX, y + 4.0, bar, kRowH - 8.0, kPalette[i++ % kColours],
             fmt::format("{}: {}", toString(kind), Power::watts(w).toString()));
    const double total = report.energy.total.wattsValue();
    svg.text(kBarX + bar + 6.0, y + 16.0,
             fmt::format("{} ({:.1f}%)", Power::watts(w).toString(),
                         total > 0.0 ? 100.0 * w / total : 0.0),
             "start", 12.0);
    y += kRowH;
  }
  return svg.str();
}

}  // namespace ofe::analysis
