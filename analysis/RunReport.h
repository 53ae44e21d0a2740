#pragma once
/// @file RunReport.h
/// @brief Everything a run's reports show, gathered once; writers only format it.

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/CollectiveResult.h"
#include "analysis/CriticalPath.h"
#include "analysis/EnergyReport.h"
#include "analysis/FlowResults.h"
#include "analysis/LinkTiers.h"
#include "analysis/LinkUsage.h"
#include "analysis/NcclTable.h"
#include "analysis/ValidationReport.h"
#include "core/RunResult.h"
#include "scenario/Scenario.h"
#include "scenario/Targets.h"
#include "traffic/Workload.h"

namespace ofe::analysis {

/// Version of report.json's layout (docs/report-schema.md); bumped on any
/// incompatible change.
inline constexpr int kReportVersion = 2;

/// The measured outcome of `ofe run`, ready for the terminal, JSON, CSV,
/// Markdown and HTML writers. Holds no wall-clock figures, so the same
/// scenario and seed give identical reports.
struct RunReport {
  std::string scenario;
  std::string description;
  std::string sourcePath;
  std::uint64_t seed = 0;
  std::string engine;
  bool completed = false;
  std::string diagnosis;   ///< watchdog report when not completed
  Duration simulatedTime;  ///< RunResult::end
  std::uint64_t events = 0;
  std::uint64_t packetHops = 0;
  std::uint64_t transfers = 0;
  std::uint64_t transfersCompleted = 0;
  std::uint64_t packets = 0;
  std::uint64_t retransmissions = 0;
  std::uint64_t timeouts = 0;
  std::uint64_t spuriousRetransmissions = 0;  ///< shown unneeded by DSACKs
  std::vector<CollectiveResult> collectives;
  /// Flows of traffic-matrix jobs, in plan order, and their percentiles.
  std::vector<FlowResult> flows;
  FlowSummary flowSummary;
  std::vector<NcclRow> table;
  std::vector<LinkUsage> links;
  /// Critical path of each collective, same order as `collectives`.
  std::vector<CriticalPath> criticalPaths;
  /// True when paths come from the engine; false: the routing's first ECMP choice (TransferPath).
  bool pathsRecorded = false;
  LinkTiers tiers;
  EnergyReport energy;
  scenario::Targets targets;
  bool pfc = false;  ///< SwitchQueueModel::pfc of the run
  bool sprayed = false;  ///< packets sprayed over equal-cost paths (SwitchQueueModel::ecmp)
  std::vector<topology::LinkEvent> linkEvents;  ///< topology changes applied (OCS reconfigurations)
  std::vector<Duration> reroutes;               ///< when routing was recomputed after them
  /// Every check of validateDesign plus the run's own (runVerdict).
  ValidationReport verdict;
};

/// Gathers a report from a loaded scenario, its workload and an engine run,
/// including the verdict (runVerdict).
RunReport makeRunReport(const scenario::Scenario& scenario, const topology::Routing& routing,
                        const traffic::WorkloadPlan& workload, const core::RunResult& run,
                        const std::string& engineName);

}  // namespace ofe::analysis
