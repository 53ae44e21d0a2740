#pragma once
/// @file DesignCommands.h
/// @brief `ofe validate`, `ofe qot`, `ofe export`, `ofe catalog` and `ofe schema`: commands that do not simulate.

#include <iosfwd>
#include <string>

namespace ofe::apps {

/// Runs every design check on the scenario's fabric (with its targets) and
/// prints the table or, with @p json, JSON. @returns kExitFailed when a check fails.
int validateCommand(const std::string& scenarioPath, bool json, std::ostream& out);

/// Prints the quality of transmission of every amplified coherent link
/// (analysis/QotReport.h) as a table or, with @p json, JSON.
/// @returns kExitFailed when a link's GSNR margin is negative or its channels do not fit the band.
int qotCommand(const std::string& scenarioPath, bool json, std::ostream& out);

/// Writes the fabric as dot, graphml or json to @p outPath, or to @p out when empty.
int exportCommand(const std::string& scenarioPath, const std::string& format, const std::string& outPath,
                  std::ostream& out);

/// Lists the builtin catalog, or the catalog of a scenario (with its additions), as text or JSON.
int catalogCommand(const std::string& scenarioPath, bool json, std::ostream& out);

/// Prints the reference of every scenario key (the text of docs/scenario-reference.md).
int schemaCommand(std::ostream& out);

}  // namespace ofe::apps
