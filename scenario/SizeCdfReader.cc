#include "scenario/SizeCdfReader.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "scenario/ScenarioError.h"
#include "units/Bytes.h"

namespace ofe::scenario {

namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

/// A size: plain bytes ("1460", "1.5e6") or with a unit ("64KB").
double parseSize(const std::string& text) {
  std::size_t used = 0;
  const double plain = std::stod(text, &used);
  if (used == text.size()) return plain;
  return static_cast<double>(Bytes::parse(text).count());
}

}  // namespace

std::vector<traffic::SizeCdfPoint> readSizeCdf(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ScenarioError(path, 0, 0, "", fmt::format("cannot read size CDF: {}", std::strerror(errno)));
  std::vector<traffic::SizeCdfPoint> points;
  std::string line;
  int number = 0;
  bool first = true;
  while (std::getline(in, line)) {
    ++number;
    const std::string text = trim(line);
    if (text.empty() || text[0] == '#') continue;
    const auto comma = text.find(',');
    const bool header = first;
    first = false;
    try {
      if (comma == std::string::npos) throw std::invalid_argument("expected 'bytes,probability'");
      traffic::SizeCdfPoint p;
      p.bytes = parseSize(trim(text.substr(0, comma)));
      std::size_t used = 0;
      const std::string probability = trim(text.substr(comma + 1));
      p.probability = std::stod(probability, &used);
      if (used != probability.size()) throw std::invalid_argument(fmt::format("'{}' is not a number", probability));
      points.push_back(p);
    } catch (const std::exception& e) {
      if (header) continue;  // a header line such as "bytes,cdf"
      throw ScenarioError(path, number, 0, "", fmt::format("bad CDF point '{}': {}", text, e.what()));
    }
  }
  if (points.empty()) throw ScenarioError(path, 0, 0, "", "no CDF points");
  return points;
}

}  // namespace ofe::scenario
