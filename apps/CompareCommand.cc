#include "apps/CompareCommand.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <stdexcept>

#include "analysis/ReportComparison.h"
#include "apps/CommandSupport.h"

namespace ofe::apps {

namespace {

std::filesystem::path reportPath(const std::string& where) {
  const std::filesystem::path p(where);
  std::error_code ec;  // an unreadable path is reported by readReport, not thrown here
  return std::filesystem::is_directory(p, ec) ? p / "report.json" : p;
}

nlohmann::json readReport(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path.string() + ": cannot read (is it an `ofe run --out` directory?)");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path.string() + ": not JSON: " + e.what());
  }
}

}  // namespace

int compareCommand(const std::string& a, const std::string& b, std::ostream& out) {
  const std::filesystem::path pathA = reportPath(a);
  const std::filesystem::path pathB = reportPath(b);
  const nlohmann::json reportA = readReport(pathA);
  const nlohmann::json reportB = readReport(pathB);
  std::vector<analysis::ComparisonRow> rows;
  try {
    rows = analysis::compareReports(reportA, reportB);
  } catch (const std::invalid_argument& e) {
    throw InputError(std::string(e.what()) + " (" + pathA.string() + ", " + pathB.string() + ")");
  } catch (const nlohmann::json::exception& e) {
    throw InputError(std::string("report.json: ") + e.what() + " (" + pathA.string() + ", " +
                     pathB.string() + ")");
  }
  const auto name = [](const nlohmann::json& r, const std::filesystem::path& p) {
    const nlohmann::json scenario = r.value("scenario", nlohmann::json::object());
    return scenario.value("name", std::string("?")) + " (" + p.string() + ")";
  };
  out << analysis::renderComparison(rows, name(reportA, pathA), name(reportB, pathB));
  return kExitOk;
}

}  // namespace ofe::apps
