#pragma once
/// @file RunCommand.h
/// @brief `ofe run`: simulate a scenario's workloads and write the reports.

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace ofe::apps {

/// Command-line options of `ofe run`.
struct RunOptions {
  std::string scenarioPath;              ///< empty: the built-in default scenario
  std::string outDir;                    ///< empty: print only, write no files
  std::optional<std::uint64_t> seed;     ///< overrides simulation.seed
  std::vector<std::uint32_t> pcapLinks;  ///< link ids to capture into outDir
  bool quiet = false;                    ///< no progress or summary on stderr
};

/// The files `ofe run --out DIR` writes, in the order they are written.
/// (Captures, link<id>.pcap, are written by the engine while it runs.)
const std::vector<std::string>& reportFileNames();

/// Loads the scenario, plans its jobs, runs them on the packet engine, prints
/// the nccl-tests-style table, the latency breakdown, the checks and the
/// energy lines to @p out and, with outDir, writes every file of
/// reportFileNames() there once everything is computed.
/// @returns kExitOk; kExitFailed when a check of the verdict fails (the run
///          stalled, a target was missed, a design check failed), after writing
///          the reports; kExitBadInput on bad input (then nothing is written).
int runCommand(const RunOptions& options, std::ostream& out, std::ostream& err);

/// True when standard error is a terminal (isatty).
bool stderrIsTerminal();

/// Where the engine's progress goes: a function that rewrites one status
/// line on @p err ("\r" + line + clear to end of line), or an empty function
/// when progress must stay silent: with @p quiet, or when @p terminal is
/// false (stderr redirected to a file or pipe). Lines come from
/// analysis::progressLine.
std::function<void(const std::string& line)> progressSink(bool quiet, bool terminal,
                                                          std::ostream& err);

}  // namespace ofe::apps
