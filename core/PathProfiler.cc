#include "core/PathProfiler.h"

#include <algorithm>
#include <limits>

namespace ofe::core {

PathProfiler::PathProfiler(const topology::Fabric& fabric, const topology::Routing& routing,
                           std::vector<std::int64_t> portToPortPs, std::int64_t dataWireBytes,
                           std::int64_t ackWireBytes, std::vector<std::int64_t> queueBoundBytes)
    : fabric_(fabric),
      routing_(routing),
      portToPortPs_(std::move(portToPortPs)),
      queueBoundBytes_(std::move(queueBoundBytes)),
      dataWireBytes_(dataWireBytes),
      ackWireBytes_(ackWireBytes) {}

PathProfile PathProfiler::profile(topology::NodeId src, topology::NodeId dst) {
  PathProfile p;
  const Entry there = walk(src, dst, dataWireBytes_, dataMemo_);
  const Entry back = walk(dst, src, ackWireBytes_, ackMemo_);
  if (there.delayPs < 0 || back.delayPs < 0) return p;
  p.reachable = true;
  p.rateBps = there.rateBps;
  p.forwardPs = there.delayPs;
  p.backwardPs = back.delayPs;
  p.queueingPs = there.queueingPs;
  return p;
}

PathProfile PathProfiler::direct(topology::LinkId id, topology::NodeId from) const {
  const topology::Link& link = fabric_.link(id);
  const topology::NodeId to = link.other(from);
  PathProfile p;
  p.reachable = true;
  p.rateBps = link.rate.bps();
  p.forwardPs = link.rate.transmitTime(Bytes(dataWireBytes_)).ps() + link.latency.ps() + portToPortPs_[to];
  p.backwardPs = link.rate.transmitTime(Bytes(ackWireBytes_)).ps() + link.latency.ps() + portToPortPs_[from];
  p.queueingPs = link.rate.transmitTime(Bytes(queueBoundOf(from))).ps();
  return p;
}

PathProfiler::Entry PathProfiler::walk(topology::NodeId at, topology::NodeId dst, std::int64_t wireBytes,
                                       std::unordered_map<std::uint64_t, Entry>& memo) {
  if (at == dst) return Entry{0, std::numeric_limits<std::int64_t>::max()};
  const std::uint64_t key = (static_cast<std::uint64_t>(dst) << 32) | at;
  if (auto it = memo.find(key); it != memo.end()) return it->second;
  Entry best;
  for (topology::LinkId l : routing_.nextHops(at, dst)) {
    const topology::Link& link = fabric_.link(l);
    const topology::NodeId next = link.other(at);
    const Entry rest = walk(next, dst, wireBytes, memo);
    if (rest.delayPs < 0) continue;
    const std::int64_t delay =
        link.rate.transmitTime(Bytes(wireBytes)).ps() + link.latency.ps() + portToPortPs_[next] + rest.delayPs;
    const std::int64_t rate = std::min(link.rate.bps(), rest.rateBps);
    best.delayPs = std::max(best.delayPs, delay);
    best.rateBps = std::max(best.rateBps, rate);
    best.queueingPs =
        std::max(best.queueingPs, link.rate.transmitTime(Bytes(queueBoundOf(at))).ps() + rest.queueingPs);
  }
  memo.emplace(key, best);
  return best;
}

}  // namespace ofe::core
