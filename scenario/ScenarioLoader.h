#pragma once
/// @file ScenarioLoader.h
/// @brief Reads a scenario file (or text) into a Scenario, all or nothing.

#include <string>

#include "scenario/Scenario.h"

namespace ofe::scenario {

/// Parses, checks and builds a scenario. Nothing outside the returned value is
/// touched, so a failed load leaves no trace; every failure is a ScenarioError
/// naming file, line, column and key path (see docs/scenario-reference.md).
class ScenarioLoader {
 public:
  /// Loads @p path. @throws ScenarioError (also when the file cannot be read).
  static Scenario loadFile(const std::string& path);
  /// Loads YAML @p text; @p displayName stands for the file in messages and in sourcePath.
  static Scenario loadString(const std::string& text, const std::string& displayName);
  /// The built-in scenario: one scalable unit of 8 servers x 8 GPUs, rail-optimised with
  /// scale-up, and one 64-rank rail-aligned job sweeping ring all-reduce from 1 KiB to 256 MiB.
  static Scenario defaultScenario();
  /// The YAML text defaultScenario() loads.
  static const char* defaultScenarioText();
};

}  // namespace ofe::scenario
