#pragma once
/// @file BisectionCheck.h
/// @brief Check: max-flow bisection bandwidth of each pod and each site vs. full bisection.

#include <optional>
#include <string>
#include <vector>

#include "analysis/CheckResult.h"
#include "topology/Fabric.h"

namespace ofe::analysis {

/// One bisection: the GPUs of a scope split in id order into halves.
struct BisectionCut {
  std::string scope;  ///< "dc" (a site) or "dc/pod3"
  std::string site;
  int pod = -1;  ///< -1 for a site-wide cut
  std::size_t gpus = 0;
  DataRate maxFlow;    ///< from the first half to the second, one direction
  DataRate ideal;      ///< min(injection of the first half, injection of the second)
  double ratio = 0.0;  ///< maxFlow / ideal
};

/// What one GPU can put on the scale-out network: the sum of its up NIC
/// (non-scale-up) link rates, capped at GpuModel::nics x nicRate when rated.
DataRate injectionRate(const topology::Fabric& fabric, topology::NodeId gpu);

/// Maximum flow (Boost push_relabel_max_flow) from GPUs @p from to GPUs @p to,
/// one direction, over up scale-out links, each direction of a link with its
/// rate as capacity. Each source GPU may inject at most injectionRate(), each
/// sink absorb as much. GPUs do not forward: other GPUs are left out, sources
/// only send, sinks only receive. When @p site is given, only links with both
/// ends in that site carry flow.
DataRate maxFlowBetween(const topology::Fabric& fabric, const std::vector<topology::NodeId>& from,
                        const std::vector<topology::NodeId>& to,
                        const std::optional<std::string>& site = std::nullopt);

/// Cuts of every site (all its GPUs) and, for sites with more than one pod,
/// of every pod with at least 2 GPUs; paths stay inside the site. Halves are
/// the first floor(n/2) GPUs in id order and the rest. Sorted by site, site cut
/// first, then pods ascending. Cuts whose ideal is 0 are left out.
std::vector<BisectionCut> computeBisections(const topology::Fabric& fabric);

/// PASS when every cut reaches its ideal (ratio 1.0: full bisection), WARN
/// below, FAIL below @p minRatio. Offenders: cuts below the limit in force.
/// Metrics: cuts, min_ratio, worst_max_flow and worst_ideal (bps), and
/// ratio:<site> for each site cut.
CheckResult checkBisection(const topology::Fabric& fabric,
                           std::optional<double> minRatio = std::nullopt);

}  // namespace ofe::analysis
