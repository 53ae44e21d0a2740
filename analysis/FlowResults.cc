#include "analysis/FlowResults.h"

#include <algorithm>
#include <cmath>

#include "analysis/TransferPath.h"

namespace ofe::analysis {

Duration idealFct(const topology::Fabric& fabric, const topology::Routing& routing,
                  const models::EngineSettings& settings, topology::NodeId src, topology::NodeId dst, Bytes bytes) {
  const TransferPath path = routedPath(fabric, routing, src, dst);
  if (path.empty()) return Duration();
  const models::TransportModel& t = settings.transport;
  const std::int64_t mtu = t.mtu.count();
  const std::int64_t perFrame = (t.headerBytes + t.wireOverhead).count();
  const std::int64_t segments = (bytes.count() + mtu - 1) / mtu;
  const Bytes firstFrame(std::min(bytes.count(), mtu) + perFrame);
  const Bytes rest(bytes.count() + segments * perFrame - firstFrame.count());
  std::int64_t ps = 0;
  DataRate slowest = fabric.link(path.links.front()).rate;
  for (std::size_t i = 0; i < path.links.size(); ++i) {
    const topology::Link& link = fabric.link(path.links[i]);
    const topology::Node& from = fabric.node(path.nodes[i]);
    const topology::Node& to = fabric.node(path.nodes[i + 1]);
    slowest = std::min(slowest, link.rate);
    ps += link.latency.ps();
    bool serialises = i == 0;
    if (to.kind == topology::NodeKind::PacketSwitch || to.kind == topology::NodeKind::ScaleUpSwitch) {
      ps += fabric.catalog().packetSwitch(to.model).portToPort.ps();
    }
    if (from.kind == topology::NodeKind::PacketSwitch || from.kind == topology::NodeKind::ScaleUpSwitch) {
      serialises = settings.queues.storeAndForward || !fabric.catalog().packetSwitch(from.model).cutThrough;
    }
    if (serialises) ps += link.rate.transmitTime(firstFrame).ps();
  }
  ps += slowest.transmitTime(rest).ps();
  for (topology::NodeId end : {src, dst}) {
    const topology::Node& n = fabric.node(end);
    if (n.kind == topology::NodeKind::Gpu) ps += fabric.catalog().gpu(n.model).nicLatency.ps();
  }
  return Duration::picoseconds(ps);
}

std::vector<FlowResult> flowResults(const topology::Fabric& fabric, const topology::Routing& routing,
                                    const models::EngineSettings& settings, const std::vector<traffic::JobSpec>& jobs,
                                    const traffic::WorkloadPlan& workload, const core::RunResult& run) {
  std::vector<FlowResult> out;
  out.reserve(workload.flows.size());
  for (const traffic::FlowInstance& f : workload.flows) {
    const traffic::Transfer& planned = workload.plan.transfer(f.transfer);
    FlowResult r;
    r.job = f.job >= 0 && static_cast<std::size_t>(f.job) < jobs.size() ? jobs[static_cast<std::size_t>(f.job)].name : "";
    r.transfer = f.transfer;
    r.src = planned.src;
    r.dst = planned.dst;
    r.bytes = planned.size;
    r.start = planned.notBefore;
    r.ideal = idealFct(fabric, routing, settings, r.src, r.dst, r.bytes);
    if (f.transfer < run.transfers.size()) {
      const core::TransferResult& t = run.transfers[f.transfer];
      r.completed = t.completed;
      r.retransmissions = t.retransmissions;
      if (t.completed) {
        r.finish = t.finish;
        r.fct = t.finish - r.start;
        r.slowdown = r.ideal.ps() > 0 ? static_cast<double>(r.fct.ps()) / static_cast<double>(r.ideal.ps()) : 0.0;
      }
    }
    out.push_back(r);
  }
  return out;
}

FlowSummary summarizeFlows(const std::vector<FlowResult>& flows) {
  FlowSummary s;
  s.count = flows.size();
  std::vector<std::int64_t> fct;
  std::vector<double> slowdown;
  for (const FlowResult& f : flows) {
    if (!f.completed) continue;
    fct.push_back(f.fct.ps());
    slowdown.push_back(f.slowdown);
  }
  s.completed = fct.size();
  if (fct.empty()) return s;
  std::sort(fct.begin(), fct.end());
  std::sort(slowdown.begin(), slowdown.end());
  const auto rank = [n = fct.size()](double p) {
    const auto k = static_cast<std::size_t>(std::ceil(p * static_cast<double>(n)));
    return std::clamp<std::size_t>(k, 1, n) - 1;
  };
  s.fctP50 = Duration::picoseconds(fct[rank(0.50)]);
  s.fctP99 = Duration::picoseconds(fct[rank(0.99)]);
  s.fctMax = Duration::picoseconds(fct.back());
  s.slowdownP50 = slowdown[rank(0.50)];
  s.slowdownP99 = slowdown[rank(0.99)];
  s.slowdownMax = slowdown.back();
  return s;
}

}  // namespace ofe::analysis
