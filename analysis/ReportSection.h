#pragma once
/// @file ReportSection.h
/// @brief A section of a run report: prose, an optional chart and tables.

#include <string>
#include <vector>

#include "analysis/ReportTable.h"

namespace ofe::analysis {

/// Charts the HTML report draws (as inline SVG); the Markdown report names them.
enum class ReportChart { None, BusBandwidth, LatencyBreakdown, UtilizationHeatmap, PowerByKind };

/// One section, rendered in this order: title, paragraphs, chart, tables.
struct ReportSection {
  std::string id;  ///< HTML id, e.g. "collectives"
  std::string title;
  std::vector<std::string> paragraphs;
  ReportChart chart = ReportChart::None;
  std::vector<ReportTable> tables;
};

}  // namespace ofe::analysis
