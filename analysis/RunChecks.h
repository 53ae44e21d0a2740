#pragma once
/// @file RunChecks.h
/// @brief The checks a run adds to the design checks: completion, SLAs, site latency, utilisation,
/// losses.

#include <string>

#include "analysis/CheckResult.h"
#include "analysis/RunReport.h"
#include "topology/Fabric.h"

namespace ofe::analysis {

/// "run-completed": FAIL when the run stalled or hit its time limit (offender:
/// the first line of the watchdog diagnosis); PASS with the simulated time.
CheckResult checkRunCompleted(const RunReport& report);

/// "collective-time": with targets.maxCollectiveTime, FAIL for every
/// collective instance slower than it (offenders name the instance and the
/// link with the deepest queue on its critical path); without it PASS with the slowest.
/// Metrics: slowest (s), target (s, when set), over (count).
CheckResult checkCollectiveTime(const RunReport& report, const topology::Fabric& fabric);

/// "busbw": with targets.minBusBandwidth, FAIL when the largest size of any
/// (job, collective) table group has a lower busbw (nccl-tests bus
/// bandwidth of the iterations' mean time); without it PASS with the
/// figures. Metrics: lowest_largest_size (bps), target (bps, when set).
CheckResult checkBusBandwidth(const RunReport& report, const topology::Fabric& fabric);

/// "site-latency": the worst one-way GPU-to-GPU latency between two
/// different sites (computeGpuLatency: links, amplifiers and switches on
/// shortest-latency paths). FAIL when above targets.maxSiteLatency
/// (offenders: the site pairs over it); PASS otherwise or with one site.
CheckResult checkSiteLatency(const RunReport& report, const topology::Fabric& fabric);

/// "link-utilization": the busiest link's utilisation (LinkUsage::utilization,
/// over the whole run). FAIL above targets.maxLinkUtilization (offenders:
/// the links above it, busiest first). Metrics: max (ratio), target (ratio).
CheckResult checkLinkUtilization(const RunReport& report, const topology::Fabric& fabric);

/// "lossless": when targets.lossless is set or PFC is on, FAIL on any
/// buffer drop (offenders: links with drops, most first). A lossy fabric
/// passes with its drop count. Frames lost on the wire (bit errors) are not
/// drops; they are reported in the summary. Metrics: drops, lost (count).
CheckResult checkLossless(const RunReport& report, const topology::Fabric& fabric);

/// "transport": FAIL on spurious retransmissions, i.e. any retransmission in
/// a run with no buffer drop and no frame lost on the wire (nothing needed
/// resending: the timers or loss detection mistook queueing or reordering
/// for loss); only WARN when packets were sprayed and at most 1 % of them
/// were resent (reordering by design); PASS otherwise, with retransmissions per data packet, the
/// timeouts and the retransmissions DSACKs showed unneeded. Metrics:
/// retransmissions, timeouts, spurious, drops, lost (count), retransmitted
/// (ratio of data packets).
CheckResult checkTransport(const RunReport& report);

/// "estimate": WARN for every table row whose measured time is outside
/// [0.5, 2] x the alpha-beta estimate of its schedule on this fabric, with
/// the likely cause read from its critical path (queueing on a named link,
/// retransmissions, waiting, or latency the estimate leaves out); PASS
/// with the range of ratios otherwise. Rows without an estimate are skipped.
/// Metrics: min_ratio, max_ratio (ratio), outside (count).
CheckResult checkEstimates(const RunReport& report, const topology::Fabric& fabric);

/// "<job>: <op> <algorithm> <size>", e.g. "train: all-reduce ring 256 MiB".
std::string collectiveLabel(const std::string& job, traffic::CollectiveOp op,
                            traffic::Algorithm algorithm, Bytes bytes);

}  // namespace ofe::analysis
