#pragma once
/// @file ReportJson.h
/// @brief report.json: the run report as versioned JSON (every field in docs/report-schema.md).

#include <nlohmann/json.hpp>

#include "analysis/RunReport.h"

namespace ofe::analysis {

/// The report as JSON. Times are seconds (`_s`) except the latency
/// breakdowns, which are integer picoseconds (`_ps`) so that they add up
/// exactly; rates are bits per second (`_bps`) except the nccl-tests figures
/// (`_GBps`, 1e9 bytes per second); sizes bytes; power W, energy J and kWh;
/// costs in the scenario's currency. Keys of objects are sorted (nlohmann's
/// default), so the text is deterministic.
nlohmann::json reportJson(const RunReport& report, const topology::Fabric& fabric);

}  // namespace ofe::analysis
