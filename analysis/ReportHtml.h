#pragma once
/// @file ReportHtml.h
/// @brief report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched).

#include <string>

#include "analysis/ReportDocument.h"
#include "analysis/RunReport.h"

namespace ofe::analysis {

/// The page: the verdict banner (id "verdict-status", class pass/warn/fail)
/// and the facts first, then each section of @p document with its chart
/// (busBandwidthChart, breakdownChart, utilizationHeatmap, powerChart drawn
/// from @p report) and tables (their ReportTable ids). CSS limits the width
/// and lets wide tables scroll, so it reads at laptop widths; charts scale
/// with their viewBox.
std::string reportHtml(const ReportDocument& document, const RunReport& report);

}  // namespace ofe::analysis
