#pragma once
/// @file SizeCdfReader.h
/// @brief Reads a flow-size CDF from a CSV file.

#include <string>
#include <vector>

#include "traffic/FlowSpec.h"

namespace ofe::scenario {

/// Reads `bytes,probability` lines (probability in [0, 1]; a first line
/// that is not numeric is a header; blank lines and lines starting with '#'
/// are skipped). Sizes may carry units ("64KB"), as everywhere in a scenario.
/// @throws ScenarioError naming @p path and the line of the first bad value,
/// or line 0 when the file cannot be read or has no point.
std::vector<traffic::SizeCdfPoint> readSizeCdf(const std::string& path);

}  // namespace ofe::scenario
