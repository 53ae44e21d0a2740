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

void writeFileWhole(const std::string& path, const std::string& text) { writeFilesWhole({{path, text}}); }

void writeFilesWhole(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> temporaries;
  const auto removeTemporaries = [&temporaries] {
    for (const std::string& t : temporaries) std::remove(t.c_str());
  };
  for (const auto& [path, text] : files) {
    const std::string temporary = path + ".partial";
    temporaries.push_back(temporary);
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      removeTemporaries();
      throw std::runtime_error("cannot write " + temporary);
    }
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (std::rename(temporaries[i].c_str(), files[i].first.c_str()) != 0) {
      removeTemporaries();
      throw std::runtime_error("cannot move " + temporaries[i] + " to " + files[i].first);
    }
  }
}

}  // namespace ofe::apps
