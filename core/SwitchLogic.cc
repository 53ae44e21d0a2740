#include "core/SwitchLogic.h"

#include <algorithm>

#include "core/BoundEvent.h"
#include "core/NicTransport.h"
#include "core/OpticalNetDevice.h"
#include "core/RunContext.h"
#include "units/DataRate.h"

namespace ofe::core {

SwitchLogic::SwitchLogic(RunContext& ctx, topology::NodeId node, const models::SwitchModel& model,
                         const models::SwitchQueueModel& queues)
    : ctx_(ctx),
      node_(node),
      portToPortPs_(model.portToPort.ps()),
      cutThrough_(model.cutThrough && !queues.storeAndForward),
      buffer_(model.buffer.count()),
      portBuffer_(queues.portBuffer.count() > 0 ? queues.portBuffer.count()
                                                : model.buffer.count() / std::max(1, model.ports)),
      q_(queues),
      maxFrame_(ctx.maxFrameBytes()) {}

void SwitchLogic::configureIngress(std::uint32_t dir, std::int64_t latencyPs, std::int64_t rateBps) {
  IngressPort& ing = ctx_.ingress(dir);
  if (q_.pfcHeadroom.count() > 0) {
    ing.headroom = q_.pfcHeadroom.count();
  } else {
    // Bytes arriving while the pause takes effect: one round trip of the link
    // (the pause travels upstream while frames keep coming) plus this switch's
    // port-to-port latency (frames already in its pipeline are counted only
    // when they reach the queue), rounded up, plus a maximum frame being
    // serialised at each end.
    const std::int64_t inFlight =
        DataRate::bitsPerSecond(rateBps).bytesIn(Duration::picoseconds(2 * latencyPs + portToPortPs_)).count() + 1;
    ing.headroom = inFlight + 2 * ctx_.maxWireBytes();
  }
  ing.staticXoff = std::max(2 * maxFrame_, portBuffer_ - ing.headroom);
  headroomPool_ += ing.headroom;
}

topology::LinkId SwitchLogic::leastQueued(topology::LinkRange hops) {
  // Adaptive spraying: the shortest egress queue, a PFC-paused egress only when
  // all are paused, ties taken in turn. Random choice would let queues drift
  // apart, and sprayed frames of one flow would then overtake each other often
  // enough to look like loss to the receiver.
  const auto n = static_cast<std::uint32_t>(hops.size());
  const std::uint32_t first = sprayTurn_++ % n;
  const auto load = [this](topology::LinkId link) {
    const EgressLoad& egress = ctx_.egressLoad(ctx_.directionFrom(link, node_));
    return std::pair<bool, std::int64_t>{egress.paused, egress.queuedData};
  };
  topology::LinkId best = hops[first];
  std::pair<bool, std::int64_t> bestLoad = load(best);
  for (std::uint32_t k = 1; k < n && (bestLoad.first || bestLoad.second > 0); ++k) {
    const topology::LinkId candidate = hops[(first + k) % n];
    const std::pair<bool, std::int64_t> candidateLoad = load(candidate);
    if (candidateLoad < bestLoad) {
      best = candidate;
      bestLoad = candidateLoad;
    }
  }
  return best;
}

std::int64_t SwitchLogic::egressQueueBound() const {
  if (q_.pfc) return buffer_;
  if (q_.sharedBuffer) {
    const double alpha = q_.dynamicThresholdAlpha;
    return static_cast<std::int64_t>(alpha / (1.0 + alpha) * static_cast<double>(buffer_));
  }
  return portBuffer_;
}

std::int64_t SwitchLogic::xoff(std::uint32_t dir) const {
  if (q_.pfcThreshold.count() > 0) return q_.pfcThreshold.count();
  if (q_.sharedBuffer) {
    const double free = static_cast<double>(buffer_ - headroomPool_ - used_);
    return std::max(2 * maxFrame_, static_cast<std::int64_t>(q_.dynamicThresholdAlpha * free));
  }
  return ctx_.ingress(dir).staticXoff;
}

void SwitchLogic::receive(std::uint32_t frame, Frame& f, std::int64_t now) {
  if (f.dst == node_ && endpoint_ != nullptr) {
    endpoint_->receive(frame, f, now);
    return;
  }
  const topology::LinkRange hops = ctx_.routing().nextHops(node_, f.dst);
  if (hops.empty()) {
    ++unroutable_;
    lastUnroutableDst_ = f.dst;
    ctx_.discard(frame);
    return;
  }
  topology::LinkId link = hops[0];
  if (hops.size() > 1) {
    const auto n = static_cast<std::uint32_t>(hops.size());
    if (f.kind == FrameKind::Data && q_.ecmp == models::EcmpMode::PacketSpray) {
      link = leastQueued(hops);
    } else {
      link = hops[ctx_.flowHash(f, node_) % n];
    }
  }
  const std::uint32_t out = ctx_.directionFrom(link, node_);
  OpticalNetDevice& egress = ctx_.device(out);
  if (f.kind != FrameKind::Data) {
    setEarliestStart(f, egress);
    egress.enqueueControl(frame, now);
    return;
  }
  // The egress device is cold on a large fabric: start loading it, and do
  // the admission work (ingress state, the flat egress loads) meanwhile.
  __builtin_prefetch(&egress);

  const std::uint32_t in = f.dir;
  IngressPort& ing = ctx_.ingress(in);
  const std::int64_t bytes = f.bytes;
  LinkDirectionStats& stats = ctx_.stats(out);
  const std::int64_t queued = ctx_.egressLoad(out).queuedData;
  if (q_.pfc) {
    // Below XOFF nothing is refused; once paused, headroom absorbs the rest.
    if (ing.pauseSent && ing.bytes + bytes > ing.limit) {
      ++stats.drops;
      ctx_.discard(frame);
      return;
    }
  } else {
    const std::int64_t limit =
        q_.sharedBuffer ? static_cast<std::int64_t>(q_.dynamicThresholdAlpha * static_cast<double>(buffer_ - used_))
                        : portBuffer_;
    if (queued + bytes > limit) {
      ++stats.drops;
      ctx_.discard(frame);
      return;
    }
  }
  if (q_.ecn && !f.ecn && queued > q_.ecnMinThreshold.count()) {
    bool mark = queued >= q_.ecnMaxThreshold.count();
    if (!mark) {
      const double p = q_.ecnMaxProbability * static_cast<double>(queued - q_.ecnMinThreshold.count()) /
                       static_cast<double>(q_.ecnMaxThreshold.count() - q_.ecnMinThreshold.count());
      mark = ctx_.rng().uniform() < p;
    }
    if (mark) {
      f.ecn = true;
      ++stats.ecnMarks;
    }
  }
  f.ingress = in;
  ing.bytes += bytes;
  used_ += bytes;
  if (q_.pfc && !ing.pauseSent) {
    const std::int64_t threshold = xoff(in);
    if (ing.bytes > threshold) {
      ing.pauseSent = true;
      ing.limit = threshold + ing.headroom;
      ctx_.signalPause(in, true);
    }
  }
  setEarliestStart(f, egress);
  egress.enqueueData(frame, now);
}

void SwitchLogic::setEarliestStart(Frame& f, OpticalNetDevice& egress) const {
  // Store-and-forward: the arrival event is already at last bit + port-to-port.
  f.earliestStart = cutThrough_ ? f.lastBitAt + portToPortPs_ - egress.serialisationPs(f.bytes) : 0;
}

void SwitchLogic::onDequeue(std::uint32_t frame) {
  const Frame& f = ctx_.frames()[frame];
  IngressPort& ing = ctx_.ingress(f.ingress);
  ing.bytes -= f.bytes;
  used_ -= f.bytes;
  if (ing.pauseSent && ing.bytes <= std::max<std::int64_t>(0, xoff(f.ingress) - 2 * maxFrame_)) {
    ing.pauseSent = false;
    ctx_.signalPause(f.ingress, false);
  }
}

}  // namespace ofe::core
