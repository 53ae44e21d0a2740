#include "analysis/ReportHtml.h"

#include "analysis/XmlText.h"

#include <fmt/format.h>

#include "analysis/ReportCharts.h"
#include "analysis/SvgCanvas.h"

namespace ofe::analysis {

namespace {

const char* const kStyle = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       margin: 0; color: #222; background: #f4f5f7; line-height: 1.45; }
main { max-width: 1280px; margin: 0 auto; padding: 16px 28px 48px; background: #fff; }
h1 { font-size: 1.6rem; margin: 0.3em 0 0.2em; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #ddd; padding-bottom: 4px; margin-top: 1.8em; }
p { max-width: 80em; }
.description { color: #555; margin-top: 0; }
.verdict { padding: 12px 16px; border-radius: 6px; font-size: 1.25rem; font-weight: 600; margin: 12px 0; }
.verdict.pass { background: #e6f4ea; border-left: 8px solid #1e8e3e; }
.verdict.warn { background: #fef7e0; border-left: 8px solid #f9ab00; }
.verdict.fail { background: #fce8e6; border-left: 8px solid #d93025; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 18px; margin: 8px 0; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; }
.table-wrap { overflow-x: auto; margin: 6px 0 18px; }
table { border-collapse: collapse; font-size: 0.85rem; min-width: 60%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #dcdcdc; padding: 4px 8px; vertical-align: top; }
th { background: #f3f4f6; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.PASS { color: #1e8e3e; font-weight: 600; }
td.WARN { color: #b06000; font-weight: 600; }
td.FAIL { color: #d93025; font-weight: 600; }
.note { color: #555; font-size: 0.85rem; margin-top: 2px; }
figure { margin: 8px 0 16px; max-width: 900px; }
svg.chart { width: 100%; height: auto; display: block; }
footer { color: #777; font-size: 0.8rem; margin-top: 3em; }
)";

std::string esc(const std::string& s) {
  return xmlEscaped(s);
}

std::string chart(ReportChart c, const RunReport& report) {
  switch (c) {
    case ReportChart::BusBandwidth:
      return busBandwidthChart(report);
    case ReportChart::LatencyBreakdown:
      return breakdownChart(report);
    case ReportChart::UtilizationHeatmap:
      return utilizationHeatmap(report);
    case ReportChart::PowerByKind:
      return powerChart(report);
    case ReportChart::None:
      return "";
  }
  return "";
}

std::string table(const ReportTable& t) {
  std::string out =
      fmt::format("<div class=\"table-wrap\"><table id=\"{}\">\n<caption>{}</caption>\n<thead><tr>",
                  esc(t.id), esc(t.caption));
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    const bool num = i < t.numeric.size() && t.numeric[i];
    out += fmt::format("<th{}>{}</th>", num ? " class=\"num\"" : "", esc(t.header[i]));
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool num = i < t.numeric.size() && t.numeric[i];
      const std::string& c = row[i];
      const bool status = c == "PASS" || c == "WARN" || c == "FAIL";
      std::string cls = num ? "num" : "";
      if (status) cls = c;
      out += fmt::format("<td{}>{}</td>", cls.empty() ? "" : " class=\"" + cls + "\"", esc(c));
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  if (!t.note.empty()) out += fmt::format("<p class=\"note\">{}</p>\n", esc(t.note));
  return out;
}

const char* statusClass(CheckStatus s) {
  switch (s) {
    case CheckStatus::Pass:
      return "pass";
    case CheckStatus::Warn:
      return "warn";
    case CheckStatus::Fail:
      return "fail";
  }
  return "fail";
}

}  // namespace

std::string reportHtml(const ReportDocument& d, const RunReport& report) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
                     esc(d.title), kStyle);
  out += fmt::format("<h1>{}</h1>\n", esc(d.title));
  if (!d.description.empty())
    out += fmt::format("<p class=\"description\">{}</p>\n", esc(d.description));
  out += fmt::format("<div id=\"verdict-status\" class=\"verdict {}\">Verdict: {}</div>\n",
                     statusClass(d.status), esc(d.verdictLine));
  out += "<dl class=\"facts\">\n";
  for (const auto& [key, value] : d.facts)
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", esc(key), esc(value));
  out += "</dl>\n";
  for (const ReportSection& s : d.sections) {
    out += fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", esc(s.id), esc(s.title));
    for (const std::string& p : s.paragraphs) out += fmt::format("<p>{}</p>\n", esc(p));
    if (s.chart != ReportChart::None)
      out += "<figure>\n" + chart(s.chart, report) + "\n</figure>\n";
    for (const ReportTable& t : s.tables) out += table(t);
    out += "</section>\n";
  }
  out +=
      "<footer>Written by ofe from the scenario and seed above; the same inputs give the same "
      "file. "
      "Field definitions: docs/reports.md and docs/report-schema.md.</footer>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace ofe::analysis
