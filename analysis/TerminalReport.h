#pragma once
/// @file TerminalReport.h
/// @brief What `ofe run` prints on standard output.

#include <string>

#include "analysis/RunReport.h"

namespace ofe::analysis {

/// The run line, the nccl-tests-style table (ncclTable), the critical-path
/// breakdown of each size in one line, the checks (ValidationReport::renderTable)
/// and the power, energy and cost lines.
std::string terminalReport(const RunReport& report);

}  // namespace ofe::analysis
