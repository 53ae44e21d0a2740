#pragma once
/// @file CommandSupport.h
/// @brief What every `ofe` subcommand shares: exit codes, loading, writing files whole.

#include <string>
#include <utility>
#include <vector>

#include "scenario/Scenario.h"

namespace ofe::apps {

/// Exit statuses of every subcommand.
enum ExitCode : int {
  kExitOk = 0,        ///< done, nothing failed
  kExitFailed = 1,    ///< a design check or a run failed (reports are still written)
  kExitBadInput = 2,  ///< bad command line or scenario; nothing written
  kExitError = 3,     ///< I/O error or a violated engine invariant (a bug): reported, not aborted
};

/// Thrown for bad command-line input that CLI11 cannot see (e.g. a missing
/// file); main() prints it and exits with kExitBadInput.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Loads @p path, or the built-in default scenario when @p path is empty.
/// @throws scenario::ScenarioError on bad input.
scenario::Scenario loadScenario(const std::string& path);

/// Writes @p text to @p path via a temporary file renamed into place, so a
/// reader never sees a half-written file. @throws std::runtime_error on I/O errors.
void writeFileWhole(const std::string& path, const std::string& text);

/// Writes every (path, text) as a set: all temporary files first, then all
/// renamed into place, so an I/O error leaves the old set (or none), never a
/// mix of new and stale files. @throws std::runtime_error on I/O errors.
void writeFilesWhole(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace ofe::apps
