#include "core/NicTransport.h"

#include <limits>

#include "core/BoundEvent.h"
#include "core/OpticalNetDevice.h"
#include "core/RunContext.h"
#include "core/TransportFlow.h"

namespace ofe::core {

NicTransport::NicTransport(RunContext& ctx, topology::NodeId node, std::int64_t nicLatencyPs)
    : ctx_(ctx), node_(node), nicLatencyPs_(nicLatencyPs) {}

std::uint32_t NicTransport::addPort(std::uint32_t dir) {
  const auto index = static_cast<std::uint32_t>(ports_.size());
  Port port;
  port.dir = dir;
  port.wake = ns3::Create<BoundEvent<NicTransport, &NicTransport::onWake>>(this, index);
  ports_.push_back(std::move(port));
  return index;
}

std::uint32_t NicTransport::portOf(std::uint32_t dir) const {
  for (std::uint32_t i = 0; i < ports_.size(); ++i) {
    if (ports_[i].dir == dir) return i;
  }
  return Frame::kNone;
}

void NicTransport::startFlow(std::uint32_t transfer) {
  TransportFlow& flow = ctx_.flow(transfer);
  flow.rtoTimer.event = ns3::Create<BoundEvent<NicTransport, &NicTransport::onRto>>(this, transfer);
  flow.lossTimer.event = ns3::Create<BoundEvent<NicTransport, &NicTransport::onLossTimer>>(this, transfer);
  flow.dcqcnEvent = ns3::Create<BoundEvent<NicTransport, &NicTransport::onDcqcn>>(this, transfer);
  reschedule(flow, nowPs());
}

void NicTransport::reschedule(TransportFlow& flow, std::int64_t now) {
  Port& port = ports_[flow.port];
  if (!flow.inRing && flow.hasWork()) {
    port.ring.push(flow.id());
    flow.inRing = true;
  }
  ctx_.device(port.dir).kick(now);
}

std::uint32_t NicTransport::makeData(const TransportFlow& flow, std::uint32_t seq, bool retransmission) {
  FramePool& pool = ctx_.frames();
  const std::uint32_t index = pool.acquire();
  Frame& f = pool[index];
  f.kind = FrameKind::Data;
  f.retransmission = retransmission;
  f.transfer = flow.id();
  f.seq = seq;
  f.payload = flow.payloadOf(seq);
  f.bytes = f.payload + ctx_.headerBytes();
  f.src = node_;
  f.dst = flow.dst();
  if (ctx_.telemetry()) ctx_.telemetryOf(index).hops = 0;
  return index;
}

std::uint32_t NicTransport::pull(std::uint32_t portIndex, std::int64_t now) {
  Port& port = ports_[portIndex];
  std::int64_t earliest = std::numeric_limits<std::int64_t>::max();
  for (std::size_t n = port.ring.size(); n > 0; --n) {
    const std::uint32_t id = port.ring.pop();
    TransportFlow& flow = ctx_.flow(id);
    std::int64_t when = 0;
    switch (flow.ready(now, when)) {
      case TransportFlow::Ready::Now: {
        bool retransmission = false;
        const std::uint32_t seq = flow.takeSegment(now, retransmission);
        if (seq == TransportFlow::kNone) {
          flow.inRing = false;
          break;
        }
        port.ring.push(id);  // back of the ring: one segment per flow per turn
        if (!retransmission && flow.highestSent() == flow.segments()) ctx_.onSendingDone(id);
        const std::uint32_t frame = makeData(flow, seq, retransmission);
        flow.paceAfter(now, ctx_.frames()[frame].bytes + ctx_.wireOverheadBytes());
        armTimer(flow, now);
        return frame;
      }
      case TransportFlow::Ready::Later:
        port.ring.push(id);
        if (when < earliest) earliest = when;
        break;
      case TransportFlow::Ready::Blocked:
      case TransportFlow::Ready::Done:
        flow.inRing = false;
        break;
    }
  }
  if (earliest != std::numeric_limits<std::int64_t>::max()) armWake(portIndex, now, earliest);
  return Frame::kNone;
}

void NicTransport::armTimer(TransportFlow& flow, std::int64_t now) {
  // Both deadlines move later on nearly every ACK: LazyTimer leaves that to
  // the pending event; a deadline that moved earlier needs a one-off event.
  const std::int64_t rto = std::max(now, flow.rtoDeadline());
  if (!flow.rtoTimer.arm(now, rto, node_)) scheduleExtraTimer(flow, now, rto);
  if (flow.lossDeadline() == std::numeric_limits<std::int64_t>::max()) return;
  const std::int64_t loss = std::max(now, flow.lossDeadline());
  if (!flow.lossTimer.arm(now, loss, node_)) scheduleExtraTimer(flow, now, loss);
}

void NicTransport::scheduleExtraTimer(TransportFlow& flow, std::int64_t now, std::int64_t at) {
  ns3::Simulator::Schedule(ns3::TimeStep(static_cast<std::uint64_t>(at - now)), &NicTransport::onExtraTimer, this,
                           flow.id());
}

void NicTransport::fireTimers(TransportFlow& flow, std::int64_t now) {
  if (flow.senderDone()) return;
  bool resend = false;
  if (now >= flow.lossDeadline()) resend = flow.onLossTimer(now);
  if (now >= flow.rtoDeadline()) resend = flow.onTimeout(now) || resend;
  if (resend) reschedule(flow, now);
  armTimer(flow, now);
}

void NicTransport::onRto(std::uint32_t transfer) {
  TransportFlow& flow = ctx_.flow(transfer);
  flow.rtoTimer.pending = false;
  fireTimers(flow, nowPs());
}

void NicTransport::onLossTimer(std::uint32_t transfer) {
  TransportFlow& flow = ctx_.flow(transfer);
  flow.lossTimer.pending = false;
  fireTimers(flow, nowPs());
}

void NicTransport::onExtraTimer(std::uint32_t transfer) { fireTimers(ctx_.flow(transfer), nowPs()); }

void NicTransport::onDcqcn(std::uint32_t transfer) {
  TransportFlow& flow = ctx_.flow(transfer);
  flow.dcqcnPending = false;
  if (flow.senderDone()) return;
  const std::int64_t now = nowPs();
  const std::int64_t next = flow.onIncreaseTimer(now);
  if (next >= 0) {
    flow.dcqcnPending = true;
    scheduleAt(now, next, ns3::PeekPointer(flow.dcqcnEvent), node_);
  }
}

void NicTransport::armWake(std::uint32_t portIndex, std::int64_t now, std::int64_t at) {
  Port& port = ports_[portIndex];
  if (!port.wakePending) {
    port.wakePending = true;
    port.wakeAt = at;
    scheduleAt(now, at, ns3::PeekPointer(port.wake), node_);
  } else if (at < port.wakeAt) {
    // The reusable event is already set for later; an earlier wake-up is
    // rare (a flow's rate just rose), so a one-off event is fine here.
    ns3::Simulator::Schedule(ns3::TimeStep(static_cast<std::uint64_t>(at - now)), &NicTransport::onExtraWake, this,
                             portIndex);
  }
}

void NicTransport::onWake(std::uint32_t portIndex) {
  ports_[portIndex].wakePending = false;
  ctx_.device(ports_[portIndex].dir).kick(ports_[portIndex].wakeAt);  // the event was set for wakeAt
}

void NicTransport::onExtraWake(std::uint32_t portIndex) { ctx_.device(ports_[portIndex].dir).kick(nowPs()); }

void NicTransport::receive(std::uint32_t frame, const Frame& f, std::int64_t now) {
  if (f.dst != node_) {
    // Routing never sends through a GPU; count it like a frame without a route.
    ctx_.discard(frame);
    return;
  }
  if (f.kind == FrameKind::Data) {
    receiveData(frame, f, now);
  } else {
    receiveControl(frame, f, now);
  }
}

void NicTransport::receiveData(std::uint32_t frame, const Frame& f, std::int64_t now) {
  TransportFlow& flow = ctx_.flow(f.transfer);
  const std::uint32_t seq = f.seq;
  const bool congested = f.ecn;
  const TransportFlow::RxResult r = flow.onData(seq, f.payload);
  if (r.newBytes > 0) ctx_.noteProgress(now);
  if (r.ack) {
    const std::uint32_t ack = sendControl(flow, FrameKind::Ack, seq, 0, 0, now, r.duplicate);
    // HPCC: the ACK echoes the data frame's telemetry.
    if (ack != Frame::kNone && ctx_.telemetry()) {
      const IntStack echoed = ctx_.telemetryOf(frame);  // a copy: the next call may grow the table
      ctx_.telemetryOf(ack) = echoed;
    }
  }
  if (r.nack) sendControl(flow, FrameKind::Nack, seq, r.nackFirst, r.nackLast, now);
  if (congested && flow.params().dcqcn && flow.cnpDue(now)) {
    sendControl(flow, FrameKind::Cnp, TransportFlow::kNone, 0, 0, now);
  }
  if (r.complete) ctx_.onDelivered(flow.id(), now + nicLatencyPs_);
  ctx_.consume(frame);
}

std::uint32_t NicTransport::sendControl(const TransportFlow& flow, FrameKind kind, std::uint32_t sack,
                                        std::uint32_t first, std::uint32_t last, std::int64_t now, bool duplicate) {
  if (flow.ackDir == Frame::kNone) return Frame::kNone;  // no way back: the watchdog will report the flow
  FramePool& pool = ctx_.frames();
  const std::uint32_t index = pool.acquire();
  Frame& f = pool[index];
  f.kind = kind;
  f.transfer = flow.id();
  f.seq = flow.expected();
  f.sack = sack;
  f.nackFirst = first;
  f.nackLast = last;
  f.duplicate = duplicate;
  f.bytes = ctx_.ackBytes();
  f.src = node_;
  f.dst = flow.src();
  if (ctx_.telemetry()) ctx_.telemetryOf(index).hops = 0;
  ctx_.device(flow.ackDir).enqueueControl(index, now);
  return index;
}

void NicTransport::receiveControl(std::uint32_t frame, const Frame& f, std::int64_t now) {
  TransportFlow& flow = ctx_.flow(f.transfer);
  bool progress = false;
  switch (f.kind) {
    case FrameKind::Ack:
      progress = flow.onAck(now, f.seq, f.sack, f.duplicate);
      if (flow.params().hpcc) {
        const IntStack& telemetry = ctx_.telemetryOf(frame);
        double rates[IntStack::kMaxHops];
        for (int i = 0; i < telemetry.hops; ++i) rates[i] = static_cast<double>(ctx_.device(telemetry.hop[i].dir).rateBps());
        flow.onTelemetry(telemetry, f.seq, rates);
      }
      break;
    case FrameKind::Nack: progress = flow.onNack(now, f.seq, f.nackFirst, f.nackLast, f.sack); break;
    case FrameKind::Cnp:
      flow.onCnp(now);
      if (flow.params().dcqcn && !flow.dcqcnPending) {
        flow.dcqcnPending = true;
        scheduleAt(now, flow.nextIncreasePs(), ns3::PeekPointer(flow.dcqcnEvent), node_);
      }
      break;
    case FrameKind::Data: break;
  }
  const bool cnp = f.kind == FrameKind::Cnp;
  if (progress) ctx_.noteProgress(now);
  if (flow.senderDone()) {
    ctx_.onSenderDone(flow.id());
  } else if (!cnp) {
    reschedule(flow, now);
    // RACK may now wait for a reordering deadline; a flow whose window is
    // closed sends nothing that would arm the timer for it.
    armTimer(flow, now);
  }
  ctx_.consume(frame);
}

}  // namespace ofe::core
