#include "analysis/CollectiveResult.h"

#include <algorithm>
#include <limits>

#include "core/PathProfiler.h"
#include "traffic/CostModel.h"
#include "traffic/ScaleUpDomains.h"

namespace ofe::analysis {

namespace {

using topology::NodeId;
using topology::NodeKind;

std::vector<std::int64_t> portToPortLatencies(const topology::Fabric& fabric) {
  std::vector<std::int64_t> ps(fabric.nodeCount(), 0);
  for (const topology::Node& n : fabric.nodes()) {
    if (n.kind == NodeKind::PacketSwitch || n.kind == NodeKind::ScaleUpSwitch) {
      ps[n.id] = fabric.catalog().packetSwitch(n.model).portToPort.ps();
    }
  }
  return ps;
}

/// Latency and payload rate between consecutive members of @p group (a ring over them).
struct PairFigures {
  Duration alpha;
  DataRate bandwidth;
  DataRate ceiling;
};

class EstimateInputs {
 public:
  EstimateInputs(const topology::Fabric& fabric, const topology::Routing& routing,
                 const models::TransportModel& transport)
      : fabric_(fabric),
        profiler_(fabric, routing, portToPortLatencies(fabric),
                  (transport.headerBytes + transport.wireOverhead).count(),
                  (transport.ackBytes + transport.wireOverhead).count()),
        // Per ackEvery data frames the link direction also carries one ACK of
        // the data flowing the other way (every rank sends and receives).
        wireBytes_((transport.mtu + transport.headerBytes + transport.wireOverhead).count() *
                       std::max(1, transport.ackEvery) +
                   (transport.ackBytes + transport.wireOverhead).count()),
        payloadBytes_(transport.mtu.count() * std::max(1, transport.ackEvery)),
        frameBytes_((transport.mtu + transport.headerBytes + transport.wireOverhead).count()),
        mtuBytes_(transport.mtu.count()) {}

  /// The pairs of a ring over @p nodes. Alpha is the one-way time of a frame
  /// without payload (a zero-byte message) NIC to NIC plus both NICs'
  /// latencies, the classic alpha-beta latency:
  /// the mean over the pairs when @p mean (a ring's steps chain around every
  /// link in turn, so its latency term is the sum of the pair latencies), the
  /// slowest pair otherwise. Bandwidth is the slowest pair's bottleneck rate
  /// times the share of the wire that is payload.
  PairFigures ring(const std::vector<NodeId>& nodes, bool mean) {
    const DataRate unbounded = DataRate::bitsPerSecond(std::numeric_limits<std::int64_t>::max());
    PairFigures figures{Duration(), unbounded, unbounded};
    std::int64_t sumPs = 0;
    std::int64_t pairs = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const NodeId src = nodes[i];
      const NodeId dst = nodes[(i + 1) % nodes.size()];
      const core::PathProfile p = profiler_.profile(src, dst);
      if (!p.reachable || p.rateBps <= 0) continue;
      // The sending NIC starts a message, and the receiving one delivers it, a NIC latency late.
      const std::int64_t alphaPs = p.forwardPs + nicLatencyPs(src) + nicLatencyPs(dst);
      figures.alpha = std::max(figures.alpha, Duration::picoseconds(alphaPs));
      sumPs += alphaPs;
      ++pairs;
      const DataRate payload = DataRate::bitsPerSecond(
          static_cast<std::int64_t>(static_cast<long double>(p.rateBps) * payloadBytes_ / wireBytes_));
      figures.bandwidth = std::min(figures.bandwidth, payload);
      // No ACKs in the bound: on some hops they travel other links (a ring's NVLink side).
      figures.ceiling = std::min(figures.ceiling, DataRate::bitsPerSecond(static_cast<std::int64_t>(
                                                      static_cast<long double>(p.rateBps) * mtuBytes_ / frameBytes_)));
    }
    if (pairs == 0) return PairFigures{};  // nothing reachable: no figures rather than "unbounded"
    if (mean) figures.alpha = Duration::picoseconds(sumPs / pairs);
    return figures;
  }

 private:
  std::int64_t nicLatencyPs(NodeId gpu) const {
    return fabric_.catalog().gpu(fabric_.node(gpu).model).nicLatency.ps();
  }

  const topology::Fabric& fabric_;
  core::PathProfiler profiler_;
  std::int64_t wireBytes_;
  std::int64_t payloadBytes_;
  std::int64_t frameBytes_;
  std::int64_t mtuBytes_;
};

}  // namespace

std::vector<CollectiveResult> collectiveResults(const topology::Fabric& fabric,
                                                const topology::Routing& routing,
                                                const models::TransportModel& transport,
                                                const std::vector<traffic::JobSpec>& jobs,
                                                const traffic::WorkloadPlan& workload,
                                                const core::RunResult& run) {
  EstimateInputs inputs(fabric, routing, transport);
  std::vector<Duration> starts(run.transfers.size());
  std::vector<Duration> finishes(run.transfers.size());
  for (const core::TransferResult& t : run.transfers) {
    starts[t.id] = t.start;
    finishes[t.id] = t.finish;
  }

  std::vector<CollectiveResult> out;
  out.reserve(workload.collectives.size());
  for (const traffic::CollectiveInstance& c : workload.collectives) {
    CollectiveResult r;
    r.index = c.index;
    r.job = jobs.at(static_cast<std::size_t>(c.job)).name;
    r.op = c.op;
    r.algorithm = c.algorithm;
    r.ranks = c.ranks;
    r.bytes = c.bytes;
    r.iteration = c.iteration;
    r.completed = true;
    std::vector<Duration> rankFinish(static_cast<std::size_t>(c.ranks));
    for (traffic::TransferId id = c.first; id <= c.last && id != traffic::kNoTransfer; ++id) {
      const core::TransferResult& t = run.transfers.at(id);
      r.completed = r.completed && t.completed;
      const traffic::Transfer& plan = workload.plan.transfer(id);
      if (plan.dstRank >= 0) {
        Duration& f = rankFinish[static_cast<std::size_t>(plan.dstRank)];
        f = std::max(f, t.finish);
      }
    }
    if (c.transferCount() == 0) {
      out.push_back(r);
      continue;
    }
    const traffic::CollectiveSpan span = traffic::spanOf(c, starts, finishes);
    r.start = span.start;
    // A stalled instance has transfers that never started (start 0): it has no time.
    r.time = r.completed ? span.time() : Duration();
    if (r.completed && r.time > Duration()) {
      r.algbw = traffic::algBandwidth(r.bytes, r.time);
      r.busbw = traffic::busBandwidth(r.op, r.ranks, r.bytes, r.time);
    }
    Duration fastest = Duration::picoseconds(std::numeric_limits<std::int64_t>::max());
    Duration slowest;
    for (Duration f : rankFinish) {
      if (f == Duration()) continue;  // a rank that receives nothing (e.g. a broadcast root)
      fastest = std::min(fastest, f - span.start);
      slowest = std::max(slowest, f - span.start);
    }
    r.fastestRank = slowest == Duration() ? Duration() : fastest;
    r.slowestRank = slowest;

    const bool ring = c.algorithm == traffic::Algorithm::Ring;
    const PairFigures scaleOut = inputs.ring(c.nodes, ring);
    r.alpha = scaleOut.alpha;
    r.bandwidth = scaleOut.bandwidth;
    // A ring sends all of a rank's bytes over its one hop, so that hop bounds busbw.
    // Other algorithms spread a rank's bytes over scale-up and scale-out peers:
    // no single hop bounds them, and no ceiling is claimed (0).
    r.ceiling = ring ? scaleOut.ceiling : DataRate();
    traffic::CostParameters cost;
    cost.alpha = scaleOut.alpha;
    cost.bandwidth = scaleOut.bandwidth;
    if (c.algorithm == traffic::Algorithm::Hierarchical) {
      const traffic::ScaleUpDomains domains = traffic::ScaleUpDomains::of(fabric, c.nodes);
      std::vector<NodeId> firstServer;
      for (int rank : domains.groups().front()) firstServer.push_back(c.nodes[static_cast<std::size_t>(rank)]);
      const PairFigures scaleUp = inputs.ring(firstServer, true);
      cost.scaleUpAlpha = scaleUp.alpha;
      cost.scaleUpBandwidth = scaleUp.bandwidth;
      cost.gpusPerServer = static_cast<int>(firstServer.size());
      // Inter-server steps go between same-slot GPUs of different servers.
      std::vector<NodeId> rail;
      for (const auto& group : domains.groups()) rail.push_back(c.nodes[static_cast<std::size_t>(group.front())]);
      if (rail.size() > 1) {
        const PairFigures inter = inputs.ring(rail, true);
        cost.alpha = inter.alpha;
        cost.bandwidth = inter.bandwidth;
        r.alpha = inter.alpha;
        r.bandwidth = inter.bandwidth;
      }
    }
    try {
      r.estimate = traffic::estimate(c.op, c.algorithm, c.ranks, c.bytes, cost);
    } catch (const std::invalid_argument&) {
      r.estimate = Duration();  // no closed form for this case; reported as absent
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ofe::analysis
