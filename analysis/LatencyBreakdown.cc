#include "analysis/LatencyBreakdown.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace ofe::analysis {

using topology::NodeKind;

Duration LatencyBreakdown::total() const {
  return serialisation + propagation + module + switching + nic + protocol + queueing + wait;
}

LatencyBreakdown& LatencyBreakdown::operator+=(const LatencyBreakdown& o) {
  serialisation += o.serialisation;
  propagation += o.propagation;
  module += o.module;
  switching += o.switching;
  nic += o.nic;
  protocol += o.protocol;
  queueing += o.queueing;
  wait += o.wait;
  return *this;
}

namespace {

bool isSwitchNode(NodeKind kind) {
  return kind == NodeKind::PacketSwitch || kind == NodeKind::ScaleUpSwitch;
}

/// The engine's rule (SwitchLogic): cut-through unless the model is
/// store-and-forward or the run forces store-and-forward.
bool storesAndForwards(const topology::Fabric& fabric, const models::EngineSettings& settings,
                       topology::NodeId node) {
  const topology::Node& n = fabric.node(node);
  if (!isSwitchNode(n.kind)) return true;
  return settings.queues.storeAndForward || !fabric.catalog().packetSwitch(n.model).cutThrough;
}

Duration serialisation(const topology::Fabric& fabric, const models::EngineSettings& settings,
                       const TransferPath& path, Bytes size) {
  const models::TransportModel& t = settings.transport;
  const std::int64_t mtu = std::max<std::int64_t>(1, t.mtu.count());
  const std::int64_t frames = std::max<std::int64_t>(1, (size.count() + mtu - 1) / mtu);
  const Bytes fullWire(mtu + t.headerBytes.count() + t.wireOverhead.count());
  const Bytes lastWire(size.count() - (frames - 1) * mtu + t.headerBytes.count() +
                       t.wireOverhead.count());

  // Segment times: a new segment begins at every store-and-forward switch.
  std::vector<std::int64_t> full;
  std::vector<std::int64_t> last;
  for (std::size_t h = 0; h < path.links.size(); ++h) {
    const topology::Link& link = fabric.link(path.links[h]);
    const std::int64_t f = link.rate.transmitTime(fullWire).ps();
    const std::int64_t l = link.rate.transmitTime(lastWire).ps();
    if (h == 0 || storesAndForwards(fabric, settings, path.nodes[h])) {
      full.push_back(f);
      last.push_back(l);
    } else {
      full.back() = std::max(full.back(), f);
      last.back() = std::max(last.back(), l);
    }
  }
  if (full.empty()) return Duration();
  std::int64_t lastSum = 0;
  for (std::int64_t b : last) lastSum += b;
  if (frames == 1) return Duration::picoseconds(lastSum);

  // Longest path through the grid: full frames 0..n-2 up to segment c, the
  // last frame from segment c on.
  std::int64_t best = 0;
  std::int64_t fullPrefix = 0;
  std::int64_t fullMax = 0;
  std::int64_t lastSuffix = lastSum;
  for (std::size_t c = 0; c < full.size(); ++c) {
    fullPrefix += full[c];
    fullMax = std::max(fullMax, full[c]);
    best = std::max(best, fullPrefix + (frames - 2) * fullMax + lastSuffix);
    lastSuffix -= last[c];
  }
  return Duration::picoseconds(best);
}

}  // namespace

LatencyBreakdown idleBreakdown(const topology::Fabric& fabric,
                               const models::EngineSettings& settings, const TransferPath& path,
                               Bytes size) {
  LatencyBreakdown b;
  if (path.empty()) return b;
  const models::Catalog& catalog = fabric.catalog();
  for (topology::LinkId id : path.links) {
    const topology::Link& link = fabric.link(id);
    b.propagation += link.propagation + link.passiveLatency;
    b.module += link.moduleLatency;
  }
  for (std::size_t i = 1; i + 1 < path.nodes.size(); ++i) {
    const topology::Node& n = fabric.node(path.nodes[i]);
    if (isSwitchNode(n.kind)) b.switching += catalog.packetSwitch(n.model).portToPort;
  }
  for (topology::NodeId end : {path.nodes.front(), path.nodes.back()}) {
    const topology::Node& n = fabric.node(end);
    if (n.kind == NodeKind::Gpu) b.nic += catalog.gpu(n.model).nicLatency;
  }
  // A switch that ends the transfer (in-network reduction) takes the frame
  // in whole, a port-to-port latency after its last bit.
  const topology::Node& last = fabric.node(path.nodes.back());
  if (last.kind == NodeKind::PacketSwitch) b.switching += catalog.packetSwitch(last.model).portToPort;
  b.serialisation = serialisation(fabric, settings, path, size);
  return b;
}

bool inScaleUpDomain(const topology::Fabric& fabric, const traffic::Transfer& t) {
  if (t.barrier || t.src >= fabric.nodeCount() || t.dst >= fabric.nodeCount()) return false;
  const auto domainOf = [&fabric](topology::NodeId n) {
    return fabric.node(n).kind == NodeKind::ScaleUpSwitch ? n : fabric.scaleUpSwitchOf(n);
  };
  const topology::NodeId a = domainOf(t.src);
  return a != topology::kNoNode && a == domainOf(t.dst);
}

LatencyBreakdown transferBreakdown(const topology::Fabric& fabric, const models::EngineSettings& settings,
                                   const TransferPath& path, const traffic::Transfer& t) {
  LatencyBreakdown b;
  if (t.barrier) return b;
  if (!inScaleUpDomain(fabric, t)) {
    b = idleBreakdown(fabric, settings, path, t.wireBytes());
    b.protocol = t.overhead;
    return b;
  }
  const bool fromSwitch = fabric.node(t.src).kind == NodeKind::ScaleUpSwitch;
  const bool toSwitch = fabric.node(t.dst).kind == NodeKind::ScaleUpSwitch;
  const topology::NodeId sw = fromSwitch ? t.src : fabric.scaleUpSwitchOf(t.src);
  // The port the flow is limited by: the slower GPU end.
  const auto portBps = [&](topology::NodeId gpu) {
    std::int64_t bps = 0;
    for (topology::LinkId l : fabric.linksOf(gpu)) {
      const topology::Link& link = fabric.link(l);
      if (link.up && link.other(gpu) == sw) bps += link.rate.bps();
    }
    return bps;
  };
  std::int64_t rate = std::numeric_limits<std::int64_t>::max();
  if (!fromSwitch) rate = std::min(rate, portBps(t.src));
  if (!toSwitch) rate = std::min(rate, portBps(t.dst));
  double effective = static_cast<double>(rate);
  if (fromSwitch || toSwitch) effective *= fabric.catalog().packetSwitch(fabric.node(sw).model).reductionEfficiency;
  if (effective > 0) {
    b.serialisation = Duration::fromSeconds(static_cast<double>(t.wireBytes().count()) * 8.0 / effective);
  }
  const topology::NodeId gpu = fromSwitch ? t.dst : t.src;
  b.switching = fabric.catalog().gpu(fabric.node(gpu).model).scaleUpLatency;
  b.protocol = t.overhead;
  return b;
}

}  // namespace ofe::analysis
