#include "scenario/ScenarioError.h"

#include <fmt/format.h>

namespace ofe::scenario {

namespace {

std::string render(const std::string& file, int line, int column, const std::string& keyPath,
                   const std::string& message) {
  std::string out = file;
  if (line > 0) out += fmt::format(":{}:{}", line, column);
  out += ": ";
  if (!keyPath.empty()) out += keyPath + ": ";
  return out + message;
}

}  // namespace

ScenarioError::ScenarioError(std::string file, int line, int column, std::string keyPath,
                             std::string message)
    : std::runtime_error(render(file, line, column, keyPath, message)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      keyPath_(std::move(keyPath)),
      message_(std::move(message)) {}

}  // namespace ofe::scenario
