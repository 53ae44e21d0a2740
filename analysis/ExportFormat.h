#pragma once
/// @file ExportFormat.h
/// @brief The formats of `ofe export` and one entry point for all of them.

#include <optional>
#include <string>

#include "topology/Fabric.h"

namespace ofe::analysis {

/// Output formats of `ofe export --format`.
enum class ExportFormat { Dot, GraphMl, Json };

/// "dot", "graphml", "json".
const char* toString(ExportFormat format);

/// Parses "dot", "graphml" or "json" (lower case, as on the command line); nullopt otherwise.
std::optional<ExportFormat> parseExportFormat(const std::string& text);

/// Conventional file extension without the dot: "dot", "graphml", "json".
const char* fileExtension(ExportFormat format);

/// The fabric in @p format (exportDot, exportGraphMl or exportJson).
std::string exportFabric(const topology::Fabric& fabric, ExportFormat format);

}  // namespace ofe::analysis
