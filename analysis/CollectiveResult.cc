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
};

class EstimateInputs {
 public:
  EstimateInputs(const topology::Fabric& fabric, const topology::Routing& routing,
                 const models::TransportModel& transport)
      : profiler_(fabric, routing, portToPortLatencies(fabric),
                  (transport.headerBytes + transport.wireOverhead).count(),
                  (transport.ackBytes + transport.wireOverhead).count()),
        frame_(transport.mtu + transport.headerBytes + transport.wireOverhead),
        mtu_(transport.mtu) {}

  /// Slowest consecutive pair of a ring over @p nodes. Alpha is the one-way
  /// time of a frame without payload (a zero-byte message), the classic
  /// alpha-beta definition; bandwidth is the bottleneck rate times the share
  /// of a full frame that is payload.
  PairFigures ring(const std::vector<NodeId>& nodes) {
    PairFigures worst{Duration(), DataRate::bitsPerSecond(std::numeric_limits<std::int64_t>::max())};
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const core::PathProfile p = profiler_.profile(nodes[i], nodes[(i + 1) % nodes.size()]);
      if (!p.reachable || p.rateBps <= 0) continue;
      worst.alpha = std::max(worst.alpha, Duration::picoseconds(p.forwardPs));
      const DataRate payload =
          DataRate::bitsPerSecond(static_cast<std::int64_t>(static_cast<long double>(p.rateBps) *
                                                            mtu_.count() / frame_.count()));
      worst.bandwidth = std::min(worst.bandwidth, payload);
    }
    return worst;
  }

 private:
  core::PathProfiler profiler_;
  Bytes frame_;
  Bytes mtu_;
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
    r.time = span.time();
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

    const PairFigures scaleOut = inputs.ring(c.nodes);
    r.alpha = scaleOut.alpha;
    r.bandwidth = scaleOut.bandwidth;
    traffic::CostParameters cost;
    cost.alpha = scaleOut.alpha;
    cost.bandwidth = scaleOut.bandwidth;
    if (c.algorithm == traffic::Algorithm::Hierarchical) {
      const traffic::ScaleUpDomains domains = traffic::ScaleUpDomains::of(fabric, c.nodes);
      std::vector<NodeId> firstServer;
      for (int rank : domains.groups().front()) firstServer.push_back(c.nodes[static_cast<std::size_t>(rank)]);
      const PairFigures scaleUp = inputs.ring(firstServer);
      cost.scaleUpAlpha = scaleUp.alpha;
      cost.scaleUpBandwidth = scaleUp.bandwidth;
      cost.gpusPerServer = static_cast<int>(firstServer.size());
      // Inter-server steps go between same-slot GPUs of different servers.
      std::vector<NodeId> rail;
      for (const auto& group : domains.groups()) rail.push_back(c.nodes[static_cast<std::size_t>(group.front())]);
      if (rail.size() > 1) {
        const PairFigures inter = inputs.ring(rail);
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
