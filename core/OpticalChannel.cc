#include "core/OpticalChannel.h"

#include <cmath>

#include "core/OpticalNetDevice.h"
#include "core/RunContext.h"

namespace ofe::core {

ns3::TypeId OpticalChannel::GetTypeId() {
  static ns3::TypeId tid = ns3::TypeId("ofe::core::OpticalChannel").SetParent<ns3::Channel>().SetGroupName("Ofe");
  return tid;
}

void OpticalChannel::configure(RunContext* ctx, const topology::Link& link, Receiver atB, Receiver atA) {
  ctx_ = ctx;
  id_ = link.id;
  latencyPs_ = link.latency.ps();
  up_ = link.up;
  logKeepPerBit_ = link.bitErrorRate > 0.0 ? std::log1p(-link.bitErrorRate) : 0.0;
  receivers_[0] = atB;
  receivers_[1] = atA;
}

void OpticalChannel::attach(ns3::Ptr<OpticalNetDevice> atA, ns3::Ptr<OpticalNetDevice> atB) {
  ends_[0] = atA;
  ends_[1] = atB;
}

void OpticalChannel::setUp(bool up) {
  up_ = up;
  for (const ns3::Ptr<OpticalNetDevice>& end : ends_) {
    if (end) end->refreshDelivery();
  }
}

ns3::Ptr<ns3::NetDevice> OpticalChannel::GetDevice(std::size_t i) const { return ends_[i & 1]; }

void OpticalChannel::DoDispose() {
  ends_[0] = nullptr;
  ends_[1] = nullptr;
  ns3::Channel::DoDispose();
}

void OpticalChannel::carry(std::uint32_t frame, std::uint32_t dir, std::int64_t now, std::int64_t start,
                           std::int64_t ser) {
  Frame& f = ctx_->frames()[frame];
  f.dir = dir;
  if (!up_) {
    ctx_->onLost(frame);
    return;
  }
  if (logKeepPerBit_ != 0.0) {
    // P(frame lost) = 1 - (1 - BER)^bits over the frame's bits (the FCS
    // covers the frame; preamble and gap carry no data).
    const double lossProbability = -std::expm1(logKeepPerBit_ * 8.0 * static_cast<double>(f.bytes));
    if (ctx_->rng().uniform() < lossProbability) {
      ctx_->onLost(frame);
      return;
    }
  }
  deliver(*ctx_, delivery(dir), frame, f, dir, now, start, ser);
}

void OpticalChannel::deliver(RunContext& ctx, const Delivery& d, std::uint32_t frame, Frame& f, std::uint32_t dir,
                             std::int64_t now, std::int64_t start, std::int64_t ser) {
  f.dir = dir;
  f.lastBitAt = start + ser + d.latencyPs;
  // Store-and-forward and GPUs act once the last bit is in; a cut-through
  // switch acts port-to-port latency after the head arrived (it then bounds
  // the egress start so the egress never underruns, see SwitchLogic), except
  // on a frame addressed to the switch itself (in-network reduction), which
  // it must have whole.
  const bool cut = d.rx.cutThrough && f.dst != d.rx.node;
  const std::int64_t at = cut ? start + d.latencyPs + d.rx.portToPortPs : f.lastBitAt + d.rx.portToPortPs;
  ctx.frames().scheduleArrival(frame, now, at, d.rx.node);
}

}  // namespace ofe::core
