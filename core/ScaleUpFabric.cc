#include "core/ScaleUpFabric.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/BoundEvent.h"
#include "core/RunContext.h"

namespace ofe::core {

namespace {

using topology::NodeId;
using topology::NodeKind;

constexpr double kPsPerSecond = 1e12;
/// Bytes below which a flow counts as sent: rounding of rate x time.
constexpr double kDoneBytes = 1e-3;

}  // namespace

ScaleUpFabric::ScaleUpFabric(RunContext& ctx) : ctx_(ctx) {
  const topology::Fabric& fabric = ctx.fabric();
  domainOfGpu_.assign(fabric.nodeCount(), -1);
  domainOfSwitch_.assign(fabric.nodeCount(), -1);
  for (const topology::Node& gpu : fabric.nodes()) {
    if (gpu.kind != NodeKind::Gpu) continue;
    const NodeId sw = fabric.scaleUpSwitchOf(gpu.id);
    if (sw == topology::kNoNode) continue;
    if (domainOfSwitch_[sw] < 0) {
      domainOfSwitch_[sw] = static_cast<std::int32_t>(domains_.size());
      Domain d;
      d.sw = sw;
      d.reductionEfficiency = std::clamp(fabric.catalog().packetSwitch(fabric.node(sw).model).reductionEfficiency, 1e-3, 1.0);
      d.event = ns3::Create<BoundEvent<ScaleUpFabric, &ScaleUpFabric::onEvent>>(
          this, static_cast<std::uint32_t>(domains_.size()));
      domains_.push_back(std::move(d));
    }
    Domain& d = domains_[static_cast<std::size_t>(domainOfSwitch_[sw])];
    Port port;
    port.gpu = gpu.id;
    for (topology::LinkId l : fabric.linksOf(gpu.id)) {
      const topology::Link& link = fabric.link(l);
      if (!link.up || link.other(gpu.id) != sw) continue;
      port.capacityBps += static_cast<double>(link.rate.bps());
      port.up.push_back(ctx.directionFrom(l, gpu.id));
      port.down.push_back(ctx.directionFrom(l, sw));
    }
    domainOfGpu_[gpu.id] = domainOfSwitch_[sw];
    d.ports.push_back(std::move(port));
  }
  remainingOf_.assign(ctx.plan().size(), 0.0);
}

int ScaleUpFabric::portOf(const Domain& d, NodeId gpu) const {
  for (std::size_t i = 0; i < d.ports.size(); ++i) {
    if (d.ports[i].gpu == gpu) return static_cast<int>(i);
  }
  return -1;
}

bool ScaleUpFabric::carries(const traffic::Transfer& t) const {
  if (t.barrier) return false;
  const auto domainOf = [this](NodeId n) {
    if (n >= domainOfGpu_.size()) return -1;
    return domainOfGpu_[n] >= 0 ? domainOfGpu_[n] : domainOfSwitch_[n];
  };
  const int a = domainOf(t.src);
  return a >= 0 && a == domainOf(t.dst);
}

double ScaleUpFabric::remaining(traffic::TransferId transfer) const { return remainingOf_.at(transfer); }

void ScaleUpFabric::start(const traffic::Transfer& t, std::int64_t now) {
  const bool fromSwitch = domainOfSwitch_[t.src] >= 0;
  const auto index = static_cast<std::uint32_t>(fromSwitch ? domainOfSwitch_[t.src] : domainOfGpu_[t.src]);
  Domain& d = domains_[index];
  advance(d, now);
  Flow f;
  f.transfer = t.id;
  f.src = fromSwitch ? -1 : portOf(d, t.src);
  f.dst = domainOfSwitch_[t.dst] >= 0 ? -1 : portOf(d, t.dst);
  f.bytes = t.wireBytes().count();
  f.remaining = static_cast<double>(f.bytes);
  // In-switch reduction and multicast run below line rate (NVLS efficiency).
  f.weight = (f.src < 0 || f.dst < 0) ? 1.0 / d.reductionEfficiency : 1.0;
  const NodeId gpu = f.src >= 0 ? t.src : t.dst;
  const topology::Fabric& fabric = ctx_.fabric();
  f.latencyPs = fabric.catalog().gpu(fabric.node(gpu).model).scaleUpLatency.ps();
  // Every hop's counters see the transfer once, GPU -> switch and switch ->
  // GPU, shared over a port's parallel links by their rates; busy time is the
  // port time the bytes take (more for reduction and multicast).
  const auto count = [&](const Port& port, const std::vector<std::uint32_t>& dirs) {
    for (std::uint32_t dir : dirs) {
      LinkDirectionStats& s = ctx_.stats(dir);
      const double share = static_cast<double>(fabric.link(s.link).rate.bps()) / port.capacityBps;
      s.bytes += Bytes(std::llround(static_cast<double>(f.bytes) * share));
      s.packets += 1;
      s.busy += Duration::picoseconds(
          std::llround(static_cast<double>(f.bytes) * f.weight * 8.0 * kPsPerSecond / port.capacityBps));
    }
  };
  if (f.src >= 0) count(d.ports[static_cast<std::size_t>(f.src)], d.ports[static_cast<std::size_t>(f.src)].up);
  if (f.dst >= 0) count(d.ports[static_cast<std::size_t>(f.dst)], d.ports[static_cast<std::size_t>(f.dst)].down);
  remainingOf_[t.id] = f.remaining;
  d.flows.push_back(f);
  allocate(d);
  schedule(index, now);
}

void ScaleUpFabric::advance(Domain& d, std::int64_t now) {
  const double elapsed = static_cast<double>(now - d.updatedPs);
  if (elapsed > 0) {
    for (Flow& f : d.flows) {
      f.remaining -= f.rateBps / 8.0 * elapsed / kPsPerSecond;
      remainingOf_[f.transfer] = std::max(0.0, f.remaining);
    }
  }
  d.updatedPs = now;
}

void ScaleUpFabric::allocate(Domain& d) {
  // Progressive filling: raise every unfrozen flow's rate together until a
  // port fills, freeze the flows on it, repeat.
  const std::size_t ports = d.ports.size();
  std::vector<double> left(2 * ports);  // egress of port p at p, ingress at ports + p
  for (std::size_t p = 0; p < ports; ++p) left[p] = left[ports + p] = d.ports[p].capacityBps;
  std::vector<char> frozen(d.flows.size(), 0);
  for (Flow& f : d.flows) f.rateBps = 0.0;
  std::size_t active = d.flows.size();
  while (active > 0) {
    std::vector<double> demand(2 * ports, 0.0);
    for (std::size_t i = 0; i < d.flows.size(); ++i) {
      if (frozen[i]) continue;
      const Flow& f = d.flows[i];
      if (f.src >= 0) demand[static_cast<std::size_t>(f.src)] += f.weight;
      if (f.dst >= 0) demand[ports + static_cast<std::size_t>(f.dst)] += f.weight;
    }
    double step = std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c < 2 * ports; ++c) {
      if (demand[c] > 0) step = std::min(step, left[c] / demand[c]);
    }
    if (!std::isfinite(step)) break;  // flows with no port at all (switch to switch): none exist
    std::vector<char> full(2 * ports, 0);
    for (std::size_t c = 0; c < 2 * ports; ++c) {
      if (demand[c] <= 0) continue;
      left[c] -= step * demand[c];
      if (left[c] <= 1e-9 * d.ports[c % ports].capacityBps) full[c] = 1;
    }
    for (std::size_t i = 0; i < d.flows.size(); ++i) {
      if (frozen[i]) continue;
      Flow& f = d.flows[i];
      f.rateBps += step;
      const bool blocked = (f.src >= 0 && full[static_cast<std::size_t>(f.src)]) ||
                           (f.dst >= 0 && full[ports + static_cast<std::size_t>(f.dst)]);
      if (blocked) {
        frozen[i] = 1;
        --active;
      }
    }
  }
}

void ScaleUpFabric::schedule(std::uint32_t index, std::int64_t now) {
  Domain& d = domains_[index];
  std::int64_t next = std::numeric_limits<std::int64_t>::max();
  for (const Flow& f : d.flows) {
    if (f.rateBps <= 0) continue;
    const double ps = std::max(0.0, f.remaining) * 8.0 * kPsPerSecond / f.rateBps;
    next = std::min(next, now + static_cast<std::int64_t>(std::ceil(ps)));
  }
  if (next == std::numeric_limits<std::int64_t>::max()) return;
  if (d.pending && d.eventAt <= next) return;  // the pending event comes first and reschedules
  if (d.pending) {
    // An earlier completion than the one scheduled: a one-off event, the
    // reusable one stays for its own time and finds nothing to do or less.
    ns3::Simulator::Schedule(ns3::TimeStep(static_cast<std::uint64_t>(next - now)), &ScaleUpFabric::onEvent, this,
                             index);
    return;
  }
  d.pending = true;
  d.eventAt = next;
  scheduleAt(now, next, ns3::PeekPointer(d.event), static_cast<std::uint32_t>(d.sw));
}

void ScaleUpFabric::onEvent(std::uint32_t index) {
  Domain& d = domains_[index];
  const std::int64_t now = nowPs();
  if (d.pending && d.eventAt == now) d.pending = false;
  advance(d, now);
  complete(d, now);
  allocate(d);
  schedule(index, now);
}

void ScaleUpFabric::complete(Domain& d, std::int64_t now) {
  std::vector<Flow> finished;
  auto keep = d.flows.begin();
  for (auto it = d.flows.begin(); it != d.flows.end(); ++it) {
    if (it->remaining <= kDoneBytes) {
      finished.push_back(*it);
    } else {
      *keep++ = *it;
    }
  }
  d.flows.erase(keep, d.flows.end());
  for (const Flow& f : finished) {
    remainingOf_[f.transfer] = 0.0;
    ctx_.noteProgress(now);
    ctx_.onSendingDone(f.transfer);
    ctx_.onDelivered(f.transfer, now + f.latencyPs);
    ctx_.onSenderDone(f.transfer);
  }
}

}  // namespace ofe::core
