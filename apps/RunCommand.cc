#include "apps/RunCommand.h"

#include <fmt/format.h>

#include <filesystem>
#include <ostream>

#include "analysis/NcclTable.h"
#include "analysis/ReportJson.h"
#include "analysis/RunReport.h"
#include "apps/CommandSupport.h"
#include "core/PacketEngine.h"
#include "scenario/ScenarioWriter.h"
#include "topology/Routing.h"
#include "traffic/Workload.h"

namespace ofe::apps {

int runCommand(const RunOptions& options, std::ostream& out, std::ostream& err) {
  scenario::Scenario scenario = loadScenario(options.scenarioPath);
  if (options.seed) scenario.settings.seed = *options.seed;
  if (scenario.jobs.empty()) throw InputError(scenario.sourcePath + ": the scenario has no workload jobs to run");
  if (scenario.settings.engine != "packet") {
    throw InputError(fmt::format("{}: engine '{}' is not available in this build (only 'packet')",
                                 scenario.sourcePath, scenario.settings.engine));
  }

  traffic::WorkloadPlan workload;
  try {
    workload = traffic::buildWorkload(scenario.fabric, scenario.jobs);
  } catch (const std::invalid_argument& e) {
    throw InputError(fmt::format("{}: workload: {}", scenario.sourcePath, e.what()));
  }
  const topology::Routing routing = topology::Routing::compute(scenario.fabric);

  core::PacketEngineOptions engineOptions;
  if (!options.outDir.empty()) {
    std::filesystem::create_directories(options.outDir);
    engineOptions.pcapPrefix = (std::filesystem::path(options.outDir) / "").string();
  }
  for (std::uint32_t id : options.pcapLinks) {
    if (id >= scenario.fabric.linkCount()) {
      throw InputError(fmt::format("--pcap {}: the fabric has links 0..{}", id, scenario.fabric.linkCount() - 1));
    }
    if (options.outDir.empty()) throw InputError("--pcap needs --out DIR to write the captures into");
    engineOptions.pcapLinks.push_back(id);
  }

  core::PacketEngine engine(scenario.fabric, routing, scenario.settings, engineOptions);
  const core::RunResult run = engine.run(workload.plan);
  const analysis::RunReport report = analysis::makeRunReport(scenario, routing, workload, run, engine.name());

  out << fmt::format("# ofe run: {} ({}), seed {}, {} transfers\n", report.scenario, report.sourcePath,
                     report.seed, report.transfers);
  out << analysis::ncclTable(report.table);
  if (!run.completed) err << "ofe run: the run did not complete:\n" << run.diagnosis << "\n";

  if (!options.outDir.empty()) {
    const std::filesystem::path dir(options.outDir);
    writeFileWhole((dir / "report.json").string(), analysis::reportJson(report, scenario.fabric).dump(2) + "\n");
    writeFileWhole((dir / "scenario.resolved.yaml").string(), scenario::ScenarioWriter::resolvedYaml(scenario));
    if (!options.quiet) err << "ofe run: reports written to " << dir.string() << "\n";
  }
  return run.completed ? kExitOk : kExitFailed;
}

}  // namespace ofe::apps
