#pragma once
/// @file AppsTestSupport.h
/// @brief Shared by the apps tests: fresh output directories under the build tree, file reading.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ofe::apps::test {

/// OFE_BINARY_DIR/artifacts/<name>, emptied.
inline std::filesystem::path freshDir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(OFE_BINARY_DIR) / "artifacts" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::string shipped(const std::string& name) {
  return std::string(OFE_SOURCE_DIR) + "/scenarios/" + name + ".yaml";
}

}  // namespace ofe::apps::test
