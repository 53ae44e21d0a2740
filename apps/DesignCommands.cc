#include "apps/DesignCommands.h"

#include <ostream>

#include "analysis/CatalogListing.h"
#include "analysis/DesignTargets.h"
#include "analysis/DesignValidator.h"
#include "analysis/ExportFormat.h"
#include "analysis/QotReport.h"
#include "apps/CommandSupport.h"
#include "scenario/ParameterRegistry.h"

namespace ofe::apps {

namespace {

analysis::DesignTargets designTargets(const scenario::Scenario& s) {
  analysis::DesignTargets t;
  t.maxSiteLatency = s.targets.maxSiteLatency;
  return t;
}

}  // namespace

int validateCommand(const std::string& scenarioPath, bool json, std::ostream& out) {
  const scenario::Scenario s = loadScenario(scenarioPath);
  const analysis::ValidationReport report = analysis::validateDesign(s.fabric, designTargets(s));
  if (json) {
    out << report.toJson().dump(2) << "\n";
  } else {
    out << report.renderTable();
  }
  return report.worstStatus() == analysis::CheckStatus::Fail ? kExitFailed : kExitOk;
}

int qotCommand(const std::string& scenarioPath, bool json, std::ostream& out) {
  const scenario::Scenario s = loadScenario(scenarioPath);
  if (json) {
    out << analysis::qotJson(s.fabric).dump(2) << "\n";
  } else {
    out << analysis::qotTable(s.fabric);
  }
  for (const topology::Link& link : s.fabric.links()) {
    if (!link.qot) continue;
    if (!link.qot->spectrumProblem.empty() || (link.qot->margin && link.qot->margin->db() < 0.0)) return kExitFailed;
  }
  return kExitOk;
}

int exportCommand(const std::string& scenarioPath, const std::string& format, const std::string& outPath,
                  std::ostream& out) {
  const std::optional<analysis::ExportFormat> f = analysis::parseExportFormat(format);
  if (!f) throw InputError("--format must be dot, graphml or json, got '" + format + "'");
  const scenario::Scenario s = loadScenario(scenarioPath);
  const std::string text = analysis::exportFabric(s.fabric, *f);
  if (outPath.empty()) {
    out << text;
  } else {
    writeFileWhole(outPath, text);
  }
  return kExitOk;
}

int catalogCommand(const std::string& scenarioPath, bool json, std::ostream& out) {
  const models::Catalog catalog =
      scenarioPath.empty() ? models::Catalog::builtin() : loadScenario(scenarioPath).catalog;
  if (json) {
    out << analysis::catalogJson(catalog).dump(2) << "\n";
  } else {
    out << analysis::catalogTable(catalog);
  }
  return kExitOk;
}

int schemaCommand(std::ostream& out) {
  const scenario::ParameterRegistry registry;
  out << registry.markdown();
  return kExitOk;
}

}  // namespace ofe::apps
