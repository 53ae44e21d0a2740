#pragma once
/// @file ScenarioError.h
/// @brief The one error a scenario load throws: where in which file, which key, what is wrong.

#include <stdexcept>
#include <string>

namespace ofe::scenario {

/// Raised for every problem found while loading a scenario (YAML syntax,
/// unknown or missing keys, bad values, dangling references, topology errors).
/// what() reads "FILE:LINE:COL: KEY.PATH: message", line and column 1-based;
/// the location is left out when unknown (line 0) and the key path when empty.
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(std::string file, int line, int column, std::string keyPath, std::string message);

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  /// Dotted path of the offending key, list items as "[i]", e.g. "fabrics[0].k".
  const std::string& keyPath() const { return keyPath_; }
  /// The message alone, without location and key path.
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string keyPath_;
  std::string message_;
};

}  // namespace ofe::scenario
