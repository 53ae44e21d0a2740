#pragma once
/// @file FlowResults.h
/// @brief Completion times of a traffic matrix's flows against their ideal.

#include <cstdint>
#include <string>
#include <vector>

#include "core/RunResult.h"
#include "models/EngineSettings.h"
#include "topology/Fabric.h"
#include "topology/Routing.h"
#include "traffic/JobSpec.h"
#include "traffic/Workload.h"

namespace ofe::analysis {

/// One flow of a `flows:` job.
struct FlowResult {
  std::string job;
  traffic::TransferId transfer = traffic::kNoTransfer;
  topology::NodeId src = topology::kNoNode;
  topology::NodeId dst = topology::kNoNode;
  Bytes bytes;
  Duration start;   ///< when it was due to start
  Duration finish;  ///< last byte at the application
  bool completed = false;
  Duration fct;     ///< finish - start
  Duration ideal;   ///< idealFct
  double slowdown = 0.0;  ///< fct / ideal
  std::uint64_t retransmissions = 0;
};

/// Percentiles (nearest rank: the ceil(p n)-th smallest) of the completed flows.
struct FlowSummary {
  std::size_t count = 0;
  std::size_t completed = 0;
  Duration fctP50, fctP99, fctMax;
  double slowdownP50 = 0.0;
  double slowdownP99 = 0.0;
  double slowdownMax = 0.0;
};

/// The flow alone on an idle fabric, along the routing's path
/// (routedPath): both NICs' latency, every link's propagation and module
/// latency and every switch's port-to-port latency, the first frame's
/// serialisation on the first link and again after every store-and-forward
/// switch (a cut-through switch forwards it as it arrives), then the other
/// frames (headers and wire overhead included) one after another at the
/// path's slowest link. This is the FCT the slowdown of the HPCC and Homa
/// papers divides by.
Duration idealFct(const topology::Fabric& fabric, const topology::Routing& routing,
                  const models::EngineSettings& settings, topology::NodeId src, topology::NodeId dst, Bytes bytes);

/// Every flow of @p workload with its time in @p run, in plan order.
std::vector<FlowResult> flowResults(const topology::Fabric& fabric, const topology::Routing& routing,
                                    const models::EngineSettings& settings, const std::vector<traffic::JobSpec>& jobs,
                                    const traffic::WorkloadPlan& workload, const core::RunResult& run);

FlowSummary summarizeFlows(const std::vector<FlowResult>& flows);

}  // namespace ofe::analysis
