#include "core/Watchdog.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/BoundEvent.h"
#include "core/OpticalNetDevice.h"
#include "core/RunContext.h"
#include "core/ScaleUpFabric.h"

namespace ofe::core {

namespace {
constexpr std::size_t kMaxLines = 20;  // per section; the rest is counted
}

Watchdog::Watchdog(RunContext& ctx, std::int64_t stallPs)
    : ctx_(ctx), stallPs_(stallPs), event_(ns3::Create<BoundEvent<Watchdog, &Watchdog::onFire>>(this, 0)) {}

void Watchdog::arm(std::int64_t now) {
  if (pending_ || stallPs_ <= 0) return;
  pending_ = true;
  scheduleAt(now, std::max(now, ctx_.lastProgress() + stallPs_), ns3::PeekPointer(event_), 0);
}

void Watchdog::onFire(std::uint32_t /*unused*/) {
  pending_ = false;
  if (ctx_.allDone() && ctx_.frames().alive() == 0) return;
  if (!ctx_.allDone() && ctx_.activeFlows() == 0) return;  // idle until the next transfer starts
  const std::int64_t now = nowPs();
  if (now - ctx_.lastProgress() >= stallPs_) {
    ctx_.stop(describe(ctx_, fmt::format("stalled: no progress for {} (last progress at {}, stopped at {})",
                                         Duration::picoseconds(stallPs_),
                                         Duration::picoseconds(ctx_.lastProgress()), Duration::picoseconds(now))));
    return;
  }
  arm(now);
}

std::string Watchdog::describe(const RunContext& ctx, const std::string& headline) {
  std::string out = headline;
  const traffic::Plan& plan = ctx.plan();

  std::size_t listed = 0;
  std::size_t more = 0;
  std::size_t waiting = 0;
  for (const traffic::Transfer& t : plan.transfers()) {
    if (!ctx.started(t.id)) {
      ++waiting;
      continue;
    }
    if (ctx.finished(t.id) || t.barrier) continue;
    if (listed == 0) out += "\nunfinished transfers:";
    if (listed++ >= kMaxLines) {
      ++more;
      continue;
    }
    if (ctx.inScaleUp(t.id)) {
      out += fmt::format("\n  transfer {} {} -> {}: {:.0f} of {} B left to send over the scale-up domain", t.id,
                         ctx.nodeName(t.src), ctx.nodeName(t.dst), ctx.scaleUp().remaining(t.id),
                         t.wireBytes().count());
      continue;
    }
    const TransportFlow& flow = ctx.flow(t.id);
    const std::int64_t left = t.wireBytes().count() - flow.delivered();
    out += fmt::format("\n  transfer {} {} -> {}: {} of {} B left", t.id, ctx.nodeName(t.src), ctx.nodeName(t.dst),
                       left, t.wireBytes().count());
    if (flow.noRoute) {
      out += ", no route";
    } else {
      out += fmt::format(", {} of {} segments acknowledged, {} retransmissions, {} timeouts", flow.acknowledged(),
                         flow.segments(), flow.retransmissions(), flow.timeouts());
    }
  }
  if (more > 0) out += fmt::format("\n  ... and {} more", more);
  if (waiting > 0) out += fmt::format("\n{} transfers never started (waiting for dependencies)", waiting);

  const topology::Fabric& fabric = ctx.fabric();
  const RunResult& partial = ctx.partialResult();
  listed = 0;
  more = 0;
  for (std::uint32_t dir = 0; dir < ctx.directionCount(); ++dir) {
    const OpticalNetDevice& dev = ctx.device(dir);
    const topology::Link& link = fabric.link(dir / 2);
    const LinkDirectionStats& stats = partial.links[dir];
    const bool failed = !link.up && stats.lost > 0;
    if (dev.queuedBytes() == 0 && !dev.paused() && !failed) continue;
    if (listed == 0) out += "\nlinks:";
    if (listed++ >= kMaxLines) {
      ++more;
      continue;
    }
    const topology::NodeId from = (dir & 1) == 0 ? link.a : link.b;
    std::string what;
    const auto add = [&what](const std::string& part) { what += (what.empty() ? " " : ", ") + part; };
    if (dev.queuedBytes() > 0) add(fmt::format("{} B queued ({} frames)", dev.queuedBytes(), dev.queuedFrames()));
    if (dev.paused()) add(fmt::format("paused by PFC since {}", Duration::picoseconds(dev.pausedSincePs())));
    if (failed) add(fmt::format("link down, {} frames lost", stats.lost));
    out += fmt::format("\n  link {} {} -> {}:{}", link.id, ctx.nodeName(from), ctx.nodeName(link.other(from)), what);
  }
  if (more > 0) out += fmt::format("\n  ... and {} more", more);

  for (const auto& sw : ctx.switches()) {
    if (sw->unroutable() == 0) continue;
    out += fmt::format("\nswitch {}: {} frames had no route (last towards {})", ctx.nodeName(sw->node()),
                       sw->unroutable(), ctx.nodeName(sw->lastUnroutableDestination()));
  }
  return out;
}

}  // namespace ofe::core
