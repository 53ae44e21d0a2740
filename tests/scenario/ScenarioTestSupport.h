#pragma once
// Helpers shared by the scenario tests.

#include <gtest/gtest.h>

#include <string>

#include "scenario/Scenario.h"
#include "scenario/ScenarioError.h"
#include "scenario/ScenarioLoader.h"

namespace ofe::scenario::testing {

/// Path of a file in the source tree.
inline std::string sourcePath(const std::string& relative) { return std::string(OFE_SOURCE_DIR) + "/" + relative; }

/// Loads @p text as "test.yaml" and returns the error it must raise.
inline ScenarioError loadError(const std::string& text) {
  try {
    ScenarioLoader::loadString(text, "test.yaml");
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a ScenarioError, the scenario loaded";
  return ScenarioError("", 0, 0, "", "");
}

/// Checks @p e's location and key path exactly, that its message starts with
/// @p message (the whole message where it is short), and that what() is
/// "test.yaml:LINE:COL: PATH: MESSAGE".
inline void expectError(const ScenarioError& e, int line, int column, const std::string& keyPath,
                        const std::string& message) {
  EXPECT_EQ(e.file(), "test.yaml");
  EXPECT_EQ(e.line(), line) << e.what();
  EXPECT_EQ(e.column(), column) << e.what();
  EXPECT_EQ(e.keyPath(), keyPath) << e.what();
  EXPECT_EQ(e.message().substr(0, message.size()), message) << e.what();
  EXPECT_EQ(std::string(e.what()), "test.yaml:" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                                       (keyPath.empty() ? "" : keyPath + ": ") + e.message());
}

}  // namespace ofe::scenario::testing
