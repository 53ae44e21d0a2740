#pragma once
/// @file RunCommand.h
/// @brief `ofe run`: simulate a scenario's workloads and write the reports.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace ofe::apps {

/// Command-line options of `ofe run`.
struct RunOptions {
  std::string scenarioPath;             ///< empty: the built-in default scenario
  std::string outDir;                   ///< empty: print only, write no files
  std::optional<std::uint64_t> seed;    ///< overrides simulation.seed
  std::vector<std::uint32_t> pcapLinks; ///< link ids to capture into outDir
  bool quiet = false;                   ///< no progress or summary on stderr
};

/// Loads the scenario, plans its jobs, runs them on the packet engine, prints
/// the nccl-tests-style table to @p out and writes the reports into outDir.
/// @returns kExitOk, kExitFailed when the run stalled, kExitBadInput on bad input
///          (then nothing is written).
int runCommand(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ofe::apps
