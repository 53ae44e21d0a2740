#include "analysis/LatencyBreakdown.h"

#include <algorithm>
#include <vector>

namespace ofe::analysis {

using topology::NodeKind;

Duration LatencyBreakdown::total() const {
  return serialisation + propagation + module + switching + nic + queueing + wait;
}

LatencyBreakdown& LatencyBreakdown::operator+=(const LatencyBreakdown& o) {
  serialisation += o.serialisation;
  propagation += o.propagation;
  module += o.module;
  switching += o.switching;
  nic += o.nic;
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
  b.serialisation = serialisation(fabric, settings, path, size);
  return b;
}

}  // namespace ofe::analysis
