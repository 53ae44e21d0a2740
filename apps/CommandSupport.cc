#include "apps/CommandSupport.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "scenario/ScenarioLoader.h"

namespace ofe::apps {

scenario::Scenario loadScenario(const std::string& path) {
  if (path.empty()) return scenario::ScenarioLoader::defaultScenario();
  return scenario::ScenarioLoader::loadFile(path);
}

void writeFileWhole(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + temporary);
    out << text;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + temporary);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw std::runtime_error("cannot move " + temporary + " to " + path);
  }
}

}  // namespace ofe::apps
