#include "apps/RunCommand.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <ostream>

#include "analysis/ExportFormat.h"
#include "analysis/ProgressLine.h"
#include "analysis/ReportCsv.h"
#include "analysis/ReportDocument.h"
#include "analysis/ReportHtml.h"
#include "analysis/ReportJson.h"
#include "analysis/ReportMarkdown.h"
#include "analysis/RunReport.h"
#include "analysis/TerminalReport.h"
#include "apps/CommandSupport.h"
#include "core/PacketEngine.h"
#include "scenario/ScenarioWriter.h"
#include "topology/Routing.h"
#include "traffic/Workload.h"

namespace ofe::apps {

const std::vector<std::string>& reportFileNames() {
  static const std::vector<std::string> names = {
      "report.json", "collectives.csv", "links.csv", "flows.csv", "report.md", "report.html",
      "topology.dot", "scenario.resolved.yaml"};
  return names;
}

bool stderrIsTerminal() {
  return isatty(STDERR_FILENO) == 1;
}

std::function<void(const std::string&)> progressSink(bool quiet, bool terminal, std::ostream& err) {
  if (quiet || !terminal) return {};
  return [&err](const std::string& line) { err << '\r' << line << "\x1b[K" << std::flush; };
}

namespace {

/// Feeds the engine's progress ticks to @p sink at most four times a wall
/// second. Wall-clock figures reach the terminal only, never a report.
std::function<void(const core::EngineProgress&)> progressFeed(std::function<void(const std::string&)> sink,
                                                              const traffic::WorkloadPlan& workload) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point started = Clock::now();
  auto lastShown = std::make_shared<Clock::time_point>(started);
  auto firstOpen = std::make_shared<std::size_t>(0);  // instances before it are done
  return [sink = std::move(sink), &workload, started, lastShown, firstOpen](const core::EngineProgress& p) {
    const Clock::time_point now = Clock::now();
    if (now - *lastShown < std::chrono::milliseconds(250)) return;
    *lastShown = now;
    const auto& collectives = workload.collectives;
    const auto finished = [&](const traffic::CollectiveInstance& c) {
      for (traffic::TransferId id = c.first; id != traffic::kNoTransfer && id <= c.last; ++id) {
        if (!(*p.transfers)[id].completed) return false;
      }
      return true;
    };
    while (*firstOpen < collectives.size() && finished(collectives[*firstOpen])) ++*firstOpen;
    std::size_t done = *firstOpen;
    for (std::size_t i = *firstOpen + 1; i < collectives.size(); ++i) done += finished(collectives[i]) ? 1 : 0;
    const double seconds = std::chrono::duration<double>(now - started).count();
    const Duration elapsed = Duration::fromSeconds(seconds);
    sink(analysis::progressLine(p.simulated, done, collectives.size(),
                                seconds > 0 ? static_cast<double>(p.events) / seconds : -1.0,
                                analysis::progressEta(elapsed, done, collectives.size())));
  };
}

}  // namespace

int runCommand(const RunOptions& options, std::ostream& out, std::ostream& err) {
  scenario::Scenario scenario = loadScenario(options.scenarioPath);
  if (options.seed) scenario.settings.seed = *options.seed;
  if (scenario.jobs.empty())
    throw InputError(scenario.sourcePath + ": the scenario has no workload jobs to run");
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
  for (std::uint32_t id : options.pcapLinks) {
    if (id >= scenario.fabric.linkCount()) {
      throw InputError(fmt::format("--pcap {}: the fabric has {} links", id, scenario.fabric.linkCount()));
    }
    if (options.outDir.empty())
      throw InputError("--pcap needs --out DIR to write the captures into");
    engineOptions.pcapLinks.push_back(id);
  }
  if (!options.outDir.empty()) {
    engineOptions.pcapPrefix = (std::filesystem::path(options.outDir) / "").string();
  }

  engineOptions.linkEvents = scenario.linkEvents();  // OCS reconfigurations

  const auto sink = progressSink(options.quiet, stderrIsTerminal(), err);
  if (sink) engineOptions.progress = progressFeed(sink, workload);

  std::optional<core::PacketEngine> engine;
  try {
    engine.emplace(scenario.fabric, routing, scenario.settings, engineOptions);
  } catch (const std::invalid_argument& e) {
    throw InputError(fmt::format("{}: simulation: {}", scenario.sourcePath, e.what()));
  }
  // The directory is made only once the input is known good (captures go there during the run).
  if (!options.outDir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.outDir, ec);
    if (ec || !std::filesystem::is_directory(options.outDir)) {
      throw InputError(fmt::format("--out {}: cannot create the directory{}", options.outDir,
                                   ec ? ": " + ec.message() : ""));
    }
  }
  const core::RunResult run = engine->run(workload.plan);
  if (sink) err << "\r\x1b[K" << std::flush;  // clear the progress line
  const analysis::RunReport report =
      analysis::makeRunReport(scenario, routing, workload, run, engine->name());

  out << analysis::terminalReport(report);
  if (!run.completed && !options.quiet)
    err << "ofe run: the run did not complete:\n" << run.diagnosis << "\n";

  if (!options.outDir.empty()) {
    // Everything is rendered before the first file is written, so a failure
    // while rendering leaves no partial set of reports behind.
    const analysis::ReportDocument document = analysis::reportDocument(report, scenario.fabric);
    const std::vector<std::string> texts = {
        analysis::reportJson(report, scenario.fabric).dump(2) + "\n",
        analysis::collectivesCsv(report),
        analysis::linksCsv(report, scenario.fabric),
        analysis::flowsCsv(report, scenario.fabric),
        analysis::reportMarkdown(document),
        analysis::reportHtml(document, report),
        analysis::exportFabric(scenario.fabric, analysis::ExportFormat::Dot),
        scenario::ScenarioWriter::resolvedYaml(scenario),
    };
    const std::filesystem::path dir(options.outDir);
    std::vector<std::pair<std::string, std::string>> files;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      files.emplace_back((dir / reportFileNames().at(i)).string(), texts[i]);
    }
    writeFilesWhole(files);
    if (!options.quiet) err << "ofe run: reports written to " << dir.string() << "\n";
  }
  return report.verdict.worstStatus() == analysis::CheckStatus::Fail ? kExitFailed : kExitOk;
}

}  // namespace ofe::apps
