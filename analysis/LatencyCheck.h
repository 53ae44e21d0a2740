#pragma once
/// @file LatencyCheck.h
/// @brief Check: worst-case and median GPU-to-GPU one-way latency on shortest-latency paths.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/CheckResult.h"
#include "topology/Fabric.h"

namespace ofe::analysis {

/// GPU pairs sharing one latency: a representative pair and how many pairs it stands for.
struct LatencyPairGroup {
  topology::NodeId from = topology::kNoNode;
  topology::NodeId to = topology::kNoNode;
  Duration latency;
  std::uint64_t pairs = 0;  ///< ordered pairs it stands for (both directions unless sampled)
};

/// Latency over all (or sampled) ordered GPU pairs.
struct GpuLatencyStats {
  std::size_t gpus = 0;
  std::uint64_t pairs = 0;             ///< ordered pairs in the fabric, n(n-1)
  std::uint64_t pairsMeasured = 0;     ///< ordered pairs measured (all unless sampled)
  std::uint64_t unreachablePairs = 0;  ///< ordered pairs measured with no path
  Duration worst;
  Duration median;  ///< over reachable measured pairs; mean of the middle two for an even count
  topology::NodeId worstFrom = topology::kNoNode;
  topology::NodeId worstTo = topology::kNoNode;
  bool sampled = false;
  std::size_t sourceGroups = 0;  ///< groups of GPUs with identical attachment
  std::size_t sourceGroupsMeasured = 0;
  /// Worst latency between the GPUs of two sites (names ordered), including a site with itself.
  std::map<std::pair<std::string, std::string>, Duration> worstBetweenSites;
  std::uint64_t pairsOverLimit = 0;  ///< ordered pairs measured above the limit, if one was given
  std::vector<LatencyPairGroup>
      overLimit;  ///< the first kMaxOffenders groups of them, slowest first
};

/// One-way latency of GPU pairs over shortest-latency paths: the sum of the
/// link latencies (propagation + both modules + amplifiers) plus the
/// SwitchModel::portToPort of every switch passed. NIC/host pipeline latency is
/// not included. Only up links count and GPUs never forward (as in Routing).
///
/// GPUs attached by equal links to the same switches have equal latencies to
/// everyone, so one multi-source Dijkstra runs per such group. When the work
/// (groups x switch-graph size) exceeds @p maxWork, an evenly strided subset of
/// source groups is measured (towards every GPU) and `sampled` is set.
/// Pairs above @p limit, when given, are counted and the slowest groups kept.
GpuLatencyStats computeGpuLatency(const topology::Fabric& fabric,
                                  std::optional<Duration> limit = std::nullopt,
                                  std::uint64_t maxWork = 50'000'000);

/// Informational PASS with worst pair and median; WARN when some measured pairs
/// have no path; FAIL when the worst exceeds @p maxLatency (offenders: the pairs
/// over it) or when the worst between two different sites exceeds
/// @p maxSiteLatency (offenders: those site pairs). Metrics: gpus, pairs_measured,
/// unreachable_pairs, worst (s), median (s), sampled (0/1), and
/// worst:<siteA><-><siteB> (s) for every site pair when there are several sites.
CheckResult checkLatency(const topology::Fabric& fabric,
                         std::optional<Duration> maxLatency = std::nullopt,
                         std::optional<Duration> maxSiteLatency = std::nullopt,
                         std::uint64_t maxWork = 50'000'000);

}  // namespace ofe::analysis
