#pragma once
/// @file ScenarioWriter.h
/// @brief Writes a loaded scenario back as YAML with every default spelled out.

#include <string>

#include "scenario/Scenario.h"

namespace ofe::scenario {

/// Emits the "resolved scenario": the same sections as the input with every
/// key of every entry written (defaults filled in, catalog entries in full,
/// no `base`). Loading the result builds the same fabric, jobs and settings,
/// so a run can be reproduced from its output directory alone.
class ScenarioWriter {
 public:
  static std::string resolvedYaml(const Scenario& scenario);
};

}  // namespace ofe::scenario
