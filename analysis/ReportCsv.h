#pragma once
/// @file ReportCsv.h
/// @brief collectives.csv and links.csv: one header row, one row per collective instance / link.

#include <string>

#include "analysis/RunReport.h"

namespace ofe::analysis {

/// One row per collective instance: identity, times (s), nccl-tests
/// bandwidths (GB/s), the critical path's breakdown (integer ps, adding up
/// to time_ps) and the energy charged to it (J). Columns in docs/reports.md.
std::string collectivesCsv(const RunReport& report);

/// One row per link: ends, tier, module, rate, latency and everything
/// LinkUsage measured. Columns in docs/reports.md.
std::string linksCsv(const RunReport& report, const topology::Fabric& fabric);

/// One row per flow of the traffic-matrix jobs (header only without any):
/// job, src, dst, bytes, start, finish, FCT and ideal FCT (s and ps),
/// slowdown, retransmissions. Columns in docs/reports.md.
std::string flowsCsv(const RunReport& report, const topology::Fabric& fabric);

}  // namespace ofe::analysis
