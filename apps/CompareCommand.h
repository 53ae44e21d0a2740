#pragma once
/// @file CompareCommand.h
/// @brief `ofe compare DIR_A DIR_B`: two runs' reports side by side.

#include <iosfwd>
#include <string>

namespace ofe::apps {

/// Reads @p a and @p b (each an `ofe run --out` directory, or a report.json
/// file), prints busbw and time per collective and size, simulated time,
/// power, energy, cost, link figures and verdicts side by side with the
/// winner of each (analysis::compareReports).
/// @returns kExitOk. @throws InputError when a report is missing, not JSON,
/// or of another version.
int compareCommand(const std::string& a, const std::string& b, std::ostream& out);

}  // namespace ofe::apps
