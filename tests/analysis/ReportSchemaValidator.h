#pragma once
/// @file ReportSchemaValidator.h
/// @brief Reads the field table of docs/report-schema.md and checks a report.json against it.
/// Shared by tests/analysis and tests/apps (included as "tests/analysis/ReportSchemaValidator.h").

#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace ofe::analysis::test {

/// Documented type of every field path ("collectives[].time_s" -> "number").
inline std::map<std::string, std::string> loadReportSchema(const std::string& markdownPath) {
  std::ifstream in(markdownPath);
  std::map<std::string, std::string> fields;
  // | `path` | type | meaning |
  const std::regex row(R"(^\|\s*`([^`]+)`\s*\|\s*([a-z ]+?)\s*\|)");
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, row)) fields[m[1].str()] = m[2].str();
  }
  return fields;
}

inline bool typeMatches(const nlohmann::json& v, const std::string& type) {
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "number or null") return v.is_number() || v.is_null();
  if (type == "string") return v.is_string();
  if (type == "string or null") return v.is_string() || v.is_null();
  if (type == "boolean") return v.is_boolean();
  if (type == "array") return v.is_array();
  if (type == "object") return v.is_object();
  return false;
}

/// Problems found, empty when @p report matches: every field present is
/// documented with a matching type, and every documented key is present in
/// every instance of its parent object. Also reports documented fields that
/// never occurred (a sign the table drifted) in @p unseen.
inline std::vector<std::string> validateReport(const nlohmann::json& report,
                                               const std::map<std::string, std::string>& schema,
                                               std::set<std::string>* unseen = nullptr) {
  std::vector<std::string> errors;
  std::set<std::string> seen;
  // Documented children (plain keys) of each parent path.
  std::map<std::string, std::vector<std::string>> keysOf;
  for (const auto& [path, type] : schema) {
    const std::size_t dot = path.rfind('.');
    const std::string last = dot == std::string::npos ? path : path.substr(dot + 1);
    const std::string parent = dot == std::string::npos ? "" : path.substr(0, dot);
    if (last == "*" || last.find("[]") != std::string::npos) continue;
    keysOf[parent].push_back(last);
  }
  std::function<void(const nlohmann::json&, const std::string&)> walk =
      [&](const nlohmann::json& v, const std::string& path) {
        if (!path.empty()) {
          seen.insert(path);
          auto it = schema.find(path);
          if (it == schema.end()) {
            errors.push_back("undocumented field: " + path);
            return;
          }
          if (!typeMatches(v, it->second)) {
            errors.push_back(path + ": documented as " + it->second + ", found " + v.type_name());
          }
        }
        if (v.is_object()) {
          for (const std::string& key : keysOf[path]) {
            if (!v.contains(key))
              errors.push_back("missing field: " + (path.empty() ? key : path + "." + key));
          }
          const bool named = schema.count(path + ".*") != 0;
          for (const auto& [key, child] : v.items()) {
            walk(child, named ? path + ".*" : (path.empty() ? key : path + "." + key));
          }
        } else if (v.is_array()) {
          for (const nlohmann::json& child : v) walk(child, path + "[]");
        }
      };
  walk(report, "");
  if (unseen != nullptr) {
    for (const auto& [path, type] : schema) {
      if (seen.count(path) == 0) unseen->insert(path);
    }
  }
  return errors;
}

}  // namespace ofe::analysis::test
