#include "analysis/CollectiveResult.h"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <tuple>

#include "core/PathProfiler.h"
#include "traffic/CostModel.h"
#include "traffic/NcclEstimate.h"
#include "traffic/NcclTopology.h"
#include "traffic/NcclTuner.h"
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

  /// One pair: inside a scale-up domain the engine's fluid model (scale-up
  /// latency, the GPU port's whole rate); otherwise the one-way time of a
  /// frame without payload NIC to NIC plus both NICs' latencies, and the
  /// bottleneck rate times the payload share of the wire.
  PairFigures pair(NodeId src, NodeId dst) {
    const NodeId sw = fabric_.scaleUpSwitchOf(src);
    if (sw != topology::kNoNode && sw == fabric_.scaleUpSwitchOf(dst)) {
      const DataRate rate = DataRate::bitsPerSecond(std::min(portRate(src, sw), portRate(dst, sw)));
      return {gpu(src).scaleUpLatency, rate, rate};
    }
    const core::PathProfile p = profiler_.profile(src, dst);
    if (!p.reachable || p.rateBps <= 0) return PairFigures{};
    // The sending NIC starts a message, and the receiving one delivers it, a NIC latency late.
    const Duration alpha = Duration::picoseconds(p.forwardPs + gpu(src).nicLatency.ps() + gpu(dst).nicLatency.ps());
    const DataRate payload = DataRate::bitsPerSecond(
        static_cast<std::int64_t>(static_cast<long double>(p.rateBps) * payloadBytes_ / wireBytes_));
    // No ACKs in the bound: on some hops they travel other links (a ring's NVLink side).
    const DataRate ceiling = DataRate::bitsPerSecond(
        static_cast<std::int64_t>(static_cast<long double>(p.rateBps) * mtuBytes_ / frameBytes_));
    return {alpha, payload, ceiling};
  }

  /// The pairs of a ring over @p nodes: mean alpha when @p mean (a ring's
  /// steps chain around every link in turn, so its latency term is the sum
  /// of the pair latencies), the slowest pair's otherwise; the slowest
  /// pair's rates.
  PairFigures ring(const std::vector<NodeId>& nodes, bool mean) {
    const DataRate unbounded = DataRate::bitsPerSecond(std::numeric_limits<std::int64_t>::max());
    PairFigures figures{Duration(), unbounded, unbounded};
    std::int64_t sumPs = 0;
    std::int64_t pairs = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const PairFigures p = pair(nodes[i], nodes[(i + 1) % nodes.size()]);
      if (p.bandwidth.bps() <= 0) continue;
      figures.alpha = std::max(figures.alpha, p.alpha);
      sumPs += p.alpha.ps();
      ++pairs;
      figures.bandwidth = std::min(figures.bandwidth, p.bandwidth);
      figures.ceiling = std::min(figures.ceiling, p.ceiling);
    }
    if (pairs == 0) return PairFigures{};  // nothing reachable: no figures rather than "unbounded"
    if (mean) figures.alpha = Duration::picoseconds(sumPs / pairs);
    return figures;
  }

  /// What an NCCL schedule sees: scale-up latency and rate of the slowest
  /// GPU, and the slowest pair between servers on ring channel 0. @p bound
  /// leaves the ACK share out of the NIC rate (a hard bound).
  traffic::NcclFabricFigures nccl(const traffic::NcclTopology& t, const std::vector<NodeId>& nodes, bool bound) {
    traffic::NcclFabricFigures f;
    f.scaleUp = DataRate::bitsPerSecond(static_cast<std::int64_t>(t.scaleUpGBps() * 8e9));
    f.reductionEfficiency = t.reductionEfficiency();
    if (t.scaleUp()) f.intraAlpha = gpu(nodes.front()).scaleUpLatency;
    const std::vector<int> order = t.ringOrder(0);
    DataRate nic = DataRate::bitsPerSecond(std::numeric_limits<std::int64_t>::max());
    bool crossed = false;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const int a = order[i];
      const int b = order[(i + 1) % order.size()];
      if (t.serverOf(a) == t.serverOf(b)) continue;
      const PairFigures p = pair(nodes[static_cast<std::size_t>(a)], nodes[static_cast<std::size_t>(b)]);
      if (p.bandwidth.bps() <= 0) continue;
      crossed = true;
      f.interAlpha = std::max(f.interAlpha, p.alpha);
      nic = std::min(nic, bound ? p.ceiling : p.bandwidth);
    }
    if (!crossed) {
      // One server: the NIC still bounds nothing; keep the GPU's NIC rate for completeness.
      nic = DataRate::bitsPerSecond(static_cast<std::int64_t>(t.nicGBps() * 8e9));
    }
    f.nic = nic;
    return f;
  }

 private:
  const models::GpuModel& gpu(NodeId n) const { return fabric_.catalog().gpu(fabric_.node(n).model); }
  std::int64_t portRate(NodeId gpuNode, NodeId sw) const {
    std::int64_t bps = 0;
    for (topology::LinkId l : fabric_.linksOf(gpuNode)) {
      const topology::Link& link = fabric_.link(l);
      if (link.up && link.other(gpuNode) == sw) bps += link.rate.bps();
    }
    return bps;
  }

  const topology::Fabric& fabric_;
  core::PathProfiler profiler_;
  std::int64_t wireBytes_;
  std::int64_t payloadBytes_;
  std::int64_t frameBytes_;
  std::int64_t mtuBytes_;
};

/// The NCCL view of a job, built once per job.
struct JobView {
  std::unique_ptr<traffic::NcclTopology> topology;
  std::unique_ptr<traffic::NcclTuner> tuner;
  traffic::NcclFabricFigures figures;
  traffic::NcclFabricFigures boundFigures;
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
  std::map<int, JobView> views;

  std::vector<CollectiveResult> out;
  out.reserve(workload.collectives.size());
  for (const traffic::CollectiveInstance& c : workload.collectives) {
    CollectiveResult r;
    r.index = c.index;
    r.job = jobs.at(static_cast<std::size_t>(c.job)).name;
    r.spec = c.spec;
    r.op = c.op;
    r.algorithm = c.algorithm;
    r.protocol = c.protocol;
    r.channels = c.channels;
    r.ncclPredicted = c.ncclPredicted;
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
    // Back-to-back iterations: each starts where the previous one of its size ended.
    const bool follows = c.iteration > 0 && !out.empty() && out.back().completed;
    r.start = follows ? out.back().start + out.back().time : span.start;
    // A stalled instance has transfers that never started (start 0): it has no time.
    r.time = r.completed ? span.finish - r.start : Duration();
    if (r.completed && r.time > Duration()) {
      r.algbw = traffic::algBandwidth(r.bytes, r.time);
      r.busbw = traffic::busBandwidth(r.op, r.ranks, r.bytes, r.time);
    }
    Duration fastest = Duration::picoseconds(std::numeric_limits<std::int64_t>::max());
    Duration slowest;
    for (Duration f : rankFinish) {
      if (f == Duration()) continue;  // a rank that receives nothing (e.g. a broadcast root)
      fastest = std::min(fastest, f - r.start);
      slowest = std::max(slowest, f - r.start);
    }
    r.fastestRank = slowest == Duration() ? Duration() : fastest;
    r.slowestRank = slowest;

    if (c.protocol != traffic::Protocol::Auto) {
      JobView& view = views[c.job];
      if (!view.topology) {
        view.topology = std::make_unique<traffic::NcclTopology>(traffic::NcclTopology::of(fabric, c.nodes));
        view.tuner = std::make_unique<traffic::NcclTuner>(*view.topology);
        view.figures = inputs.nccl(*view.topology, c.nodes, false);
        view.boundFigures = inputs.nccl(*view.topology, c.nodes, true);
      }
      const traffic::NcclHopCosts costs = view.tuner->hopCosts(c.op, c.algorithm, c.protocol);
      r.alpha = view.figures.interAlpha > Duration() ? view.figures.interAlpha : view.figures.intraAlpha;
      r.bandwidth = view.figures.nic;
      r.estimate = traffic::ncclEstimate(c.op, c.algorithm, c.protocol, *view.topology, c.bytes, costs, view.figures);
      r.ceiling = traffic::ncclBusBound(c.op, c.algorithm, c.protocol, *view.topology, view.boundFigures);
      out.push_back(std::move(r));
      continue;
    }

    const bool ring = c.algorithm == traffic::Algorithm::FlatRing;
    const PairFigures scaleOut = inputs.ring(c.nodes, ring);
    r.alpha = scaleOut.alpha;
    r.bandwidth = scaleOut.bandwidth;
    // A ring sends all of a rank's bytes over its one hop, so that hop bounds busbw.
    // Other flat algorithms spread a rank's bytes over scale-up and scale-out peers:
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
