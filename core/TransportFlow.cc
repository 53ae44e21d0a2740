#include "core/TransportFlow.h"

#include <algorithm>
#include <cmath>

namespace ofe::core {

namespace {

// Each DSACK widens RACK's reordering window by one more step (RFC 8985,
// 6.2); the SRTT cap bounds the window anyway, this keeps the multiple finite.
constexpr int kMaxReorderMultiple = 1 << 16;
// RFC 8985 caps the window at SRTT. Sprayed frames of one flow can differ by
// a whole queue, more than one SRTT while queues build at a flow's start
// (SRTT lags them by its 1/8 gain), so ofe allows two.
constexpr std::int64_t kReorderWindowSrtts = 2;

}  // namespace

void TransportFlow::init(std::uint32_t id, topology::NodeId src, topology::NodeId dst, const FlowParams& params) {
  id_ = id;
  src_ = src;
  dst_ = dst;
  p_ = params;
  p_.windowSegments = std::max<std::uint32_t>(1, p_.windowSegments);
  // An ACK must come before the window closes, or the flow would stall
  // until its retransmission timer.
  p_.ackEvery = std::clamp<std::uint32_t>(p_.ackEvery, 1, p_.windowSegments);
  const std::int64_t mtu = p_.mtu;
  segments_ = static_cast<std::uint32_t>((p_.size + mtu - 1) / mtu);
  lastPayload_ = static_cast<std::uint32_t>(p_.size - static_cast<std::int64_t>(segments_ - 1) * mtu);
  rate_ = target_ = p_.lineRateBps;
  rtt_ = RttEstimator(p_.rtoPs);
  if (p_.hpcc) {
    // W_init = B x T (section 3.3): line rate for one base round trip.
    window_ = referenceWindow_ = p_.lineRateBps * static_cast<double>(p_.baseRttPs) / 8e12;
  }
  // Every outstanding segment lies in [una, una + window): one slot each.
  sentAt_.assign(std::max<std::uint32_t>(1, std::min(p_.windowSegments, segments_)), 0);
  const std::size_t words = (segments_ + 63) / 64;
  resent_.assign(words, 0);
  if (p_.selectiveRepeat) {
    resendQueued_.assign(words, 0);
    sacked_.assign(words, 0);
    received_.assign(words, 0);
  }
}

bool TransportFlow::hasWork() const {
  return !resend_.empty() || (next_ < segments_ && next_ - una_ < std::min(p_.windowSegments, windowLimit_));
}

TransportFlow::Ready TransportFlow::ready(std::int64_t now, std::int64_t& when) const {
  if (una_ >= segments_) return Ready::Done;
  if (!hasWork()) return Ready::Blocked;
  if (nextSendAt_ > now) {
    when = nextSendAt_;
    return Ready::Later;
  }
  return Ready::Now;
}

void TransportFlow::noteSent(std::uint32_t seq, std::int64_t now, bool retransmission) {
  sentAt(seq) = now;
  if (retransmission) set(resent_, seq);
  if (p_.selectiveRepeat) sendLog_.push(Sent{seq, now});
}

std::uint32_t TransportFlow::takeSegment(std::int64_t now, bool& retransmission) {
  // The timer measures from the oldest outstanding send: restart it when
  // this send makes something outstanding again.
  const bool idle = una_ >= highest_;
  while (!resend_.empty()) {
    const std::uint32_t seq = resend_.pop();
    clear(resendQueued_, seq);
    if (seq >= una_ && !test(sacked_, seq)) {
      retransmission = true;
      ++retransmissions_;
      if (idle) rtoDeadline_ = now + rtt_.rtoPs();
      noteSent(seq, now, true);
      return seq;
    }
  }
  if (next_ < segments_ && next_ - una_ < std::min(p_.windowSegments, windowLimit_)) {
    const std::uint32_t seq = next_++;
    retransmission = seq < highest_;
    if (retransmission) {
      ++retransmissions_;
    } else {
      highest_ = seq + 1;
      ++packets_;
    }
    if (idle) rtoDeadline_ = now + rtt_.rtoPs();
    noteSent(seq, now, retransmission);
    return seq;
  }
  return kNone;
}

void TransportFlow::paceAfter(std::int64_t startPs, std::uint32_t wireBytes) {
  const double port = p_.portRateBps > 0.0 ? p_.portRateBps : p_.lineRateBps;
  if (rate_ < port) {
    nextSendAt_ = startPs + std::llround(static_cast<double>(wireBytes) * 8e12 / rate_);
  } else {
    nextSendAt_ = startPs;
  }
}

std::int64_t TransportFlow::reorderWindowPs() const {
  if (!rtt_.hasSample()) return 0;
  const double window = reorderMultiple_ * p_.reorderFraction * static_cast<double>(rtt_.minRttPs());
  return std::min(static_cast<std::int64_t>(window), kReorderWindowSrtts * rtt_.srttPs());
}

void TransportFlow::noteDelivered(std::int64_t now, std::uint32_t seq, bool duplicate) {
  if (duplicate) {
    // DSACK (RFC 2883): the receiver already had it, so resending it was
    // not needed; the fabric reorders more than the window allowed.
    if (test(resent_, seq)) {
      ++spurious_;
      reorderMultiple_ = std::min(reorderMultiple_ + 1, kMaxReorderMultiple);
    }
    return;
  }
  if (seq < una_ || seq >= highest_) return;  // nothing new (its slot may be reused already)
  if (p_.selectiveRepeat) {
    if (test(sacked_, seq)) return;
    set(sacked_, seq);
  }
  const std::int64_t at = sentAt(seq);
  const std::int64_t sample = now - at;
  const bool resent = test(resent_, seq);
  if (!resent) rtt_.sample(sample);  // Karn's rule
  // RFC 8985, 6.2 step 2: an ACK of a retransmission faster than the minimum
  // RTT was caused by the original send; it says nothing about this send.
  if (resent && sample < rtt_.minRttPs()) return;
  if (at > rackSentAt_ || (at == rackSentAt_ && seq > rackSeq_)) {
    rackSentAt_ = at;
    rackSeq_ = seq;
    rackRttPs_ = sample;
  }
}

bool TransportFlow::detectLosses(std::int64_t now) {
  lossDeadline_ = std::numeric_limits<std::int64_t>::max();
  if (rackSentAt_ < 0) return false;
  const std::int64_t window = reorderWindowPs();
  bool found = false;
  while (!sendLog_.empty()) {
    const Sent s = sendLog_.front();
    // Delivered, or sent again since (a later record stands for it).
    if (s.seq < una_ || test(sacked_, s.seq) || sentAt(s.seq) != s.at) {
      sendLog_.pop();
      continue;
    }
    // Records are in send order: once one was sent after the most recently
    // sent delivered segment, or is not overdue yet, so are all behind it.
    const bool sentBefore = s.at < rackSentAt_ || (s.at == rackSentAt_ && s.seq < rackSeq_);
    if (!sentBefore) break;
    const std::int64_t deadline = s.at + rackRttPs_ + window;
    if (now < deadline) {
      lossDeadline_ = deadline;
      break;
    }
    sendLog_.pop();
    queueResend(s.seq);
    found = true;
  }
  return found;
}

bool TransportFlow::onLossTimer(std::int64_t now) {
  if (now < lossDeadline_) return false;
  return detectLosses(now);
}

bool TransportFlow::onAck(std::int64_t now, std::uint32_t cumulative, std::uint32_t sack, bool duplicate) {
  if (sack < segments_) noteDelivered(now, sack, duplicate);  // before una moves past its slot
  bool progress = false;
  if (cumulative > una_) {
    una_ = std::min(cumulative, segments_);
    if (next_ < una_) next_ = una_;
    rtoDeadline_ = now + rtt_.rtoPs();
    progress = true;
  }
  if (p_.selectiveRepeat) detectLosses(now);
  return progress;
}

bool TransportFlow::onNack(std::int64_t now, std::uint32_t cumulative, std::uint32_t first, std::uint32_t last,
                           std::uint32_t sack) {
  const bool progress = onAck(now, cumulative, sack);
  rtoDeadline_ = now + rtt_.rtoPs();  // recovery is under way; do not time out on top of it
  if (!p_.selectiveRepeat) {
    if (next_ > una_) next_ = una_;
    return progress;
  }
  // Selective-repeat receivers do not NACK (RACK decides); a NACK from
  // elsewhere still names a hole to resend.
  if (highest_ == 0) return progress;
  last = std::min(last, highest_ - 1);
  for (std::uint32_t seq = std::max(first, una_); seq <= last && seq != kNone; ++seq) {
    if (!test(sacked_, seq)) queueResend(seq);
  }
  return progress;
}

void TransportFlow::queueResend(std::uint32_t seq) {
  if (test(resendQueued_, seq)) return;
  set(resendQueued_, seq);
  resend_.push(seq);
}

bool TransportFlow::onTimeout(std::int64_t now) {
  if (una_ >= segments_ || una_ >= highest_) {
    rtoDeadline_ = now + rtt_.rtoPs();
    return false;
  }
  ++timeouts_;
  rtt_.backOff();  // RFC 6298, 5.5
  rtoDeadline_ = now + rtt_.rtoPs();
  if (!p_.selectiveRepeat) {
    next_ = una_;
  } else {
    for (std::uint32_t seq = una_; seq < highest_; ++seq) {
      if (!test(sacked_, seq)) queueResend(seq);
    }
  }
  return true;
}

void TransportFlow::onTelemetry(const IntStack& telemetry, std::uint32_t cumulative,
                                const double* hopRateBps) {
  if (!p_.hpcc || telemetry.hops == 0) return;
  bool samePath = lastTelemetry_.hops == telemetry.hops;
  for (int i = 0; samePath && i < telemetry.hops; ++i) samePath = lastTelemetry_.hop[i].dir == telemetry.hop[i].dir;
  if (samePath) {
    const double t = static_cast<double>(p_.baseRttPs);
    double u = 0.0;
    double tau = 0.0;
    for (int i = 0; i < telemetry.hops; ++i) {
      const IntHop& now = telemetry.hop[i];
      const IntHop& before = lastTelemetry_.hop[i];
      const double dt = static_cast<double>(now.ts - before.ts);
      if (dt <= 0.0) continue;
      const double rate = hopRateBps[i];
      const double txRate = static_cast<double>(now.txBytes - before.txBytes) * 8e12 / dt;
      const double queue = static_cast<double>(std::min(now.queueBytes, before.queueBytes));
      const double hopU = queue * 8e12 / (rate * t) + txRate / rate;
      if (hopU > u) {
        u = hopU;
        tau = dt;
      }
    }
    if (tau > 0.0) {
      tau = std::min(tau, t);
      utilization_ = (1.0 - tau / t) * utilization_ + tau / t * u;
      // ComputeWind: once per round trip the reference window moves too.
      const bool updateReference = cumulative > lastUpdateSeq_;
      const double additive = p_.hpccAdditiveIncreaseBps * t / 8e12;
      double w = 0.0;
      if (utilization_ >= p_.hpccEta || stage_ >= p_.hpccMaxStage) {
        w = referenceWindow_ / (utilization_ / p_.hpccEta) + additive;
        if (updateReference) stage_ = 0;
      } else {
        w = referenceWindow_ + additive;
        if (updateReference) ++stage_;
      }
      const double bdp = p_.lineRateBps * t / 8e12;
      window_ = std::clamp(w, static_cast<double>(p_.mtu), bdp);
      if (updateReference) {
        referenceWindow_ = window_;
        lastUpdateSeq_ = highest_;
      }
      rate_ = std::min(p_.lineRateBps, window_ * 8e12 / t);
      windowLimit_ = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::ceil(window_ / p_.mtu)));
    }
  }
  lastTelemetry_ = telemetry;
}

void TransportFlow::decayAlpha(std::int64_t now) {
  if (p_.alphaIntervalPs <= 0) return;
  const std::int64_t steps = (now - alphaStamp_) / p_.alphaIntervalPs;
  if (steps > 0) {
    alpha_ *= std::pow(1.0 - p_.dcqcnG, static_cast<double>(steps));
    alphaStamp_ += steps * p_.alphaIntervalPs;
  }
}

void TransportFlow::onCnp(std::int64_t now) {
  if (!p_.dcqcn) return;
  decayAlpha(now);
  alpha_ = (1.0 - p_.dcqcnG) * alpha_ + p_.dcqcnG;
  alphaStamp_ = now;
  target_ = rate_;
  // Floor: a thousandth of the line rate keeps a throttled flow alive.
  rate_ = std::max(p_.lineRateBps * 1e-3, rate_ * (1.0 - alpha_ / 2.0));
  increaseStage_ = 0;
  nextIncreaseAt_ = now + p_.increaseIntervalPs;
}

std::int64_t TransportFlow::onIncreaseTimer(std::int64_t now) {
  if (rate_ >= p_.lineRateBps) return -1;
  if (now < nextIncreaseAt_) return nextIncreaseAt_;
  constexpr int kFastRecoverySteps = 5;
  if (++increaseStage_ > kFastRecoverySteps) target_ = std::min(p_.lineRateBps, target_ + p_.additiveIncreaseBps);
  rate_ = std::min(p_.lineRateBps, (rate_ + target_) / 2.0);
  if (rate_ >= p_.lineRateBps * (1.0 - 1e-9)) {
    rate_ = p_.lineRateBps;
    return -1;
  }
  nextIncreaseAt_ = now + p_.increaseIntervalPs;
  return nextIncreaseAt_;
}

TransportFlow::RxResult TransportFlow::onData(std::uint32_t seq, std::uint32_t payload) {
  RxResult r;
  const bool sr = p_.selectiveRepeat;
  if (seq < expected_ || (sr && test(received_, seq))) {
    // Duplicate: say where we are (a sender that rewound catches up) and
    // that it was one (a DSACK).
    r.ack = true;
    r.duplicate = true;
  } else if (seq == expected_) {
    r.newBytes = payload;
    ++expected_;
    bool jumped = false;
    if (sr) {
      while (expected_ < segments_ && test(received_, expected_)) {
        ++expected_;
        jumped = true;
      }
    }
    ++sinceAck_;
    r.ack = sinceAck_ >= p_.ackEvery || expected_ >= segments_ || jumped;
  } else if (!sr) {
    // Go-back-N discards it; one NACK per expected segment is enough (the
    // retransmission timer covers a lost NACK).
    if (lastNack_ != expected_) {
      lastNack_ = expected_;
      r.nack = true;
      r.nackFirst = expected_;
      r.nackLast = seq - 1;
    }
  } else {
    // Out of order: keep it and acknowledge it at once (its SACK tells the
    // sender's RACK that everything sent before it is overdue).
    set(received_, seq);
    r.newBytes = payload;
    r.ack = true;
  }
  if (r.ack || r.nack) sinceAck_ = 0;
  if (r.newBytes > 0) {
    delivered_ += r.newBytes;
    r.complete = delivered_ == p_.size;
  }
  return r;
}

bool TransportFlow::cnpDue(std::int64_t now) {
  if (now - lastCnp_ < p_.cnpIntervalPs) return false;
  lastCnp_ = now;
  return true;
}

}  // namespace ofe::core
