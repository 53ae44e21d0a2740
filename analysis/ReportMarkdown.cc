#include "analysis/ReportMarkdown.h"

#include <fmt/format.h>

namespace ofe::analysis {

namespace {

std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

const char* chartName(ReportChart chart) {
  switch (chart) {
    case ReportChart::BusBandwidth:
      return "busbw vs size per collective, with the link rate ceiling";
    case ReportChart::LatencyBreakdown:
      return "latency breakdown of each critical path, stacked";
    case ReportChart::UtilizationHeatmap:
      return "mean link utilisation between tiers (heatmap)";
    case ReportChart::PowerByKind:
      return "power by kind of equipment";
    case ReportChart::None:
      return "";
  }
  return "";
}

std::string table(const ReportTable& t) {
  std::string out = fmt::format("**{}**\n\n", cell(t.caption));
  out += "|";
  for (const std::string& h : t.header) out += " " + cell(h) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < t.header.size(); ++i)
    out += i < t.numeric.size() && t.numeric[i] ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (const std::string& c : row) out += " " + cell(c) + " |";
    out += "\n";
  }
  if (!t.note.empty()) out += "\n" + t.note + "\n";
  return out + "\n";
}

}  // namespace

std::string reportMarkdown(const ReportDocument& d) {
  std::string out = fmt::format("# {}\n\n", d.title);
  out += fmt::format("**Verdict: {}**\n\n", d.verdictLine);
  if (!d.description.empty()) out += d.description + "\n\n";
  for (const auto& [key, value] : d.facts) out += fmt::format("- {}: {}\n", key, value);
  out += "\n";
  for (const ReportSection& s : d.sections) {
    out += fmt::format("## {}\n\n", s.title);
    for (const std::string& p : s.paragraphs) out += p + "\n\n";
    if (s.chart != ReportChart::None)
      out += fmt::format("*Chart in report.html: {}.*\n\n", chartName(s.chart));
    for (const ReportTable& t : s.tables) out += table(t);
  }
  return out;
}

}  // namespace ofe::analysis
