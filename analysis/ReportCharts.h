#pragma once
/// @file ReportCharts.h
/// @brief The charts of report.html as inline SVG, drawn from a RunReport.

#include <string>

#include "analysis/RunReport.h"

namespace ofe::analysis {

/// id "chart-busbw": busbw (GB/s) against size (log2 axis), one line per
/// (job, op, algorithm) table group, and a dashed line at each group's ceiling.
std::string busBandwidthChart(const RunReport& report);

/// id "chart-breakdown": one 100 % stacked bar per table row (its first
/// iteration's critical path), segments serialisation .. wait, total time at the right.
std::string breakdownChart(const RunReport& report);

/// id "chart-heatmap": tiers' groups on both axes, each cell coloured by the
/// mean utilisation of the links between the two groups (text: mean and max).
std::string utilizationHeatmap(const RunReport& report);

/// id "chart-power": one bar per kind of equipment with its power.
std::string powerChart(const RunReport& report);

}  // namespace ofe::analysis
