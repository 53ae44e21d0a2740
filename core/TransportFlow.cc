#include "core/TransportFlow.h"

#include <algorithm>
#include <cmath>

namespace ofe::core {

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
  if (p_.selectiveRepeat) {
    const std::size_t words = (segments_ + 63) / 64;
    resendQueued_.assign(words, 0);
    sacked_.assign(words, 0);
    received_.assign(words, 0);
  }
}

bool TransportFlow::hasWork() const {
  return !resend_.empty() || (next_ < segments_ && next_ - una_ < p_.windowSegments);
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
      if (idle) rtoDeadline_ = now + p_.rtoPs;
      return seq;
    }
  }
  if (next_ < segments_ && next_ - una_ < p_.windowSegments) {
    const std::uint32_t seq = next_++;
    retransmission = seq < highest_;
    if (retransmission) {
      ++retransmissions_;
    } else {
      highest_ = seq + 1;
      ++packets_;
    }
    if (idle) rtoDeadline_ = now + p_.rtoPs;
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

bool TransportFlow::onAck(std::int64_t now, std::uint32_t cumulative, std::uint32_t sack) {
  if (p_.selectiveRepeat && sack < segments_) set(sacked_, sack);
  if (cumulative > una_) {
    una_ = std::min(cumulative, segments_);
    if (next_ < una_) next_ = una_;
    rtoDeadline_ = now + p_.rtoPs;
    return true;
  }
  return false;
}

bool TransportFlow::onNack(std::int64_t now, std::uint32_t cumulative, std::uint32_t first, std::uint32_t last,
                           std::uint32_t sack) {
  const bool progress = onAck(now, cumulative, sack);
  rtoDeadline_ = now + p_.rtoPs;  // recovery is under way; do not time out on top of it
  if (!p_.selectiveRepeat) {
    if (next_ > una_) next_ = una_;
    return progress;
  }
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
  rtoDeadline_ = now + p_.rtoPs;
  if (una_ >= segments_ || una_ >= highest_) return false;
  ++timeouts_;
  if (!p_.selectiveRepeat) {
    next_ = una_;
  } else {
    for (std::uint32_t seq = una_; seq < highest_; ++seq) {
      if (!test(sacked_, seq)) queueResend(seq);
    }
  }
  return true;
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
    // Duplicate: say where we are so a sender that rewound can catch up.
    r.ack = true;
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
    set(received_, seq);
    r.newBytes = payload;
    const std::uint32_t from = std::max(expected_, highestSeen_);
    if (seq > from) {  // a hole not reported before
      r.nack = true;
      r.nackFirst = from;
      r.nackLast = seq - 1;
    }
  }
  if (seq + 1 > highestSeen_) highestSeen_ = seq + 1;
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
