#include "analysis/RunReport.h"

#include "analysis/RunVerdict.h"
#include "analysis/TransferPath.h"

namespace ofe::analysis {

RunReport makeRunReport(const scenario::Scenario& scenario, const topology::Routing& routing,
                        const traffic::WorkloadPlan& workload, const core::RunResult& run,
                        const std::string& engineName) {
  RunReport report;
  report.scenario = scenario.name;
  report.description = scenario.description;
  report.sourcePath = scenario.sourcePath;
  report.seed = scenario.settings.seed;
  report.engine = engineName;
  report.completed = run.completed;
  report.diagnosis = run.diagnosis;
  report.simulatedTime = run.end;
  report.events = run.events;
  report.packetHops = run.packetHops;
  report.linkEvents = run.linkEvents;
  report.reroutes = run.reroutes;
  report.transfers = run.transfers.size();
  for (const core::TransferResult& t : run.transfers) {
    report.packets += t.packets;
    report.retransmissions += t.retransmissions;
    report.timeouts += t.timeouts;
    report.spuriousRetransmissions += t.spurious;
    if (t.completed) ++report.transfersCompleted;
  }
  report.collectives = collectiveResults(scenario.fabric, routing, scenario.settings.transport,
                                         scenario.jobs, workload, run);
  report.table = ncclRows(report.collectives);
  report.flows = flowResults(scenario.fabric, routing, scenario.settings, scenario.jobs, workload, run);
  report.flowSummary = summarizeFlows(report.flows);
  report.links = linkUsage(scenario.fabric, run);
  report.criticalPaths = criticalPaths(scenario.fabric, routing, scenario.settings, workload, run);
  report.pathsRecorded = pathsAreRecorded<core::TransferResult>();
  report.tiers = linkTiers(scenario.fabric, report.links);
  report.energy = makeEnergyReport(scenario, routing, workload, run, report.collectives);
  report.targets = scenario.targets;
  report.pfc = scenario.settings.queues.pfc;
  report.sprayed = scenario.settings.queues.ecmp == models::EcmpMode::PacketSpray;
  report.verdict = runVerdict(scenario, report);
  return report;
}

}  // namespace ofe::analysis
