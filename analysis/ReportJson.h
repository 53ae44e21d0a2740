#pragma once
/// @file ReportJson.h
/// @brief report.json: the run report as versioned JSON (layout in docs/report-schema.md).

#include <nlohmann/json.hpp>

#include "analysis/RunReport.h"

namespace ofe::analysis {

/// The report as JSON. Times are seconds, rates bits per second except the
/// nccl-tests figures (GB/s = 1e9 bytes per second), sizes bytes.
nlohmann::json reportJson(const RunReport& report, const topology::Fabric& fabric);

}  // namespace ofe::analysis
