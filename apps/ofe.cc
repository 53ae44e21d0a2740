// ofe: the command line. Each subcommand lives in apps/*Command*.cc; this file
// only parses arguments and maps errors to exit statuses (0 ok, 1 a check or
// run failed, 2 bad input with nothing written).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "apps/CommandSupport.h"
#include "apps/CompareCommand.h"
#include "apps/DesignCommands.h"
#include "apps/RunCommand.h"
#include "scenario/ScenarioError.h"
#include "units/UnitError.h"

int main(int argc, char** argv) {
  using namespace ofe::apps;
  CLI::App app{"ofe: optical interconnect and network fabric emulator"};
  app.require_subcommand(1);

  RunOptions run;
  auto* runCmd = app.add_subcommand("run", "simulate a scenario's workloads at packet level and report");
  runCmd->add_option("scenario", run.scenarioPath, "scenario YAML file (default: the built-in 64-GPU pod)");
  runCmd->add_option("--out,-o", run.outDir, "directory for the reports (report.json/.html/.md, CSVs, topology.dot, resolved scenario)");
  runCmd->add_option("--seed", run.seed, "override the scenario's simulation seed");
  runCmd->add_option("--pcap", run.pcapLinks, "link id(s) to capture as pcap into --out");
  runCmd->add_flag("--quiet,-q", run.quiet, "no progress or notes on stderr");

  std::string path;
  bool json = false;
  auto* validateCmd = app.add_subcommand("validate", "check a fabric design: reach, radix, bisection, latency, power");
  validateCmd->add_option("scenario", path, "scenario YAML file")->required();
  validateCmd->add_flag("--json", json, "print JSON instead of a table");

  auto* qotCmd = app.add_subcommand(
      "qot", "quality of transmission of amplified coherent links: GSNR, margin, BER, CD, PMD (GN model)");
  qotCmd->add_option("scenario", path, "scenario YAML file")->required();
  qotCmd->add_flag("--json", json, "print JSON instead of a table");

  std::string format;
  std::string outPath;
  auto* exportCmd = app.add_subcommand("export", "write the fabric as Graphviz DOT, GraphML or JSON");
  exportCmd->add_option("scenario", path, "scenario YAML file")->required();
  exportCmd->add_option("--format,-f", format, "dot | graphml | json")->required();
  exportCmd->add_option("--output,-o", outPath, "output file (default: standard output)");

  auto* catalogCmd = app.add_subcommand("catalog", "list optical modules, fibres, switches, OCS, amplifiers, GPUs");
  catalogCmd->add_option("scenario", path, "list this scenario's catalog (builtin plus its entries)");
  catalogCmd->add_flag("--json", json, "print JSON instead of tables");

  auto* schemaCmd = app.add_subcommand("schema", "print the reference of every scenario key (Markdown)");

  std::string compareA;
  std::string compareB;
  auto* compareCmd = app.add_subcommand("compare", "compare two runs' reports side by side (busbw, times, power, cost, verdict)");
  compareCmd->add_option("dir_a", compareA, "directory written by `ofe run --out` (or its report.json)")->required();
  compareCmd->add_option("dir_b", compareB, "the other run's directory (or report.json)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitBadInput;
  }

  try {
    if (*runCmd) return runCommand(run, std::cout, std::cerr);
    if (*validateCmd) return validateCommand(path, json, std::cout);
    if (*qotCmd) return qotCommand(path, json, std::cout);
    if (*exportCmd) return exportCommand(path, format, outPath, std::cout);
    if (*catalogCmd) return catalogCommand(path, json, std::cout);
    if (*schemaCmd) return schemaCommand(std::cout);
    if (*compareCmd) return compareCommand(compareA, compareB, std::cout);
  } catch (const ofe::scenario::ScenarioError& e) {
    std::cerr << "ofe: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const InputError& e) {
    std::cerr << "ofe: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const ofe::UnitError& e) {
    std::cerr << "ofe: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    // I/O failures and violated engine invariants: say what happened, never abort.
    std::cerr << "ofe: error: " << e.what() << "\n";
    return kExitError;
  }
  return kExitBadInput;
}
