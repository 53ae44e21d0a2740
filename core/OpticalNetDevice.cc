#include "core/OpticalNetDevice.h"

#include <ns3/ipv4-address.h>
#include <ns3/ipv6-address.h>

#include <algorithm>

#include "core/BoundEvent.h"
#include "core/NicTransport.h"
#include "core/OpticalChannel.h"
#include "core/PcapTap.h"
#include "core/RunContext.h"
#include "core/SwitchLogic.h"
#include "units/DataRate.h"

namespace ofe::core {

ns3::TypeId OpticalNetDevice::GetTypeId() {
  static ns3::TypeId tid =
      ns3::TypeId("ofe::core::OpticalNetDevice").SetParent<ns3::NetDevice>().SetGroupName("Ofe");
  return tid;
}

OpticalNetDevice::OpticalNetDevice() = default;

OpticalNetDevice::~OpticalNetDevice() = default;

void OpticalNetDevice::configure(RunContext* ctx, std::uint32_t dir, std::int64_t rateBps,
                                 std::int64_t wireOverheadBytes, LinkDirectionStats* stats, EgressLoad* load,
                                 std::uint32_t nodeId) {
  ctx_ = ctx;
  nodeId_ = nodeId;
  dir_ = dir;
  rateBps_ = rateBps;
  wireOverhead_ = wireOverheadBytes;
  stats_ = stats;
  load_ = load;
}

void OpticalNetDevice::attach(ns3::Ptr<OpticalChannel> channel) {
  channelRef_ = channel;
  channel_ = ns3::PeekPointer(channel);
  delivery_ = channel->delivery(dir_);
}

void OpticalNetDevice::refreshDelivery() { delivery_ = channel_->delivery(dir_); }

void OpticalNetDevice::DoDispose() {
  channelRef_ = nullptr;
  channel_ = nullptr;
  node_ = nullptr;
  rx_ = ReceiveCallback();
  ns3::NetDevice::DoDispose();
}

ns3::Ptr<ns3::Channel> OpticalNetDevice::GetChannel() const { return channelRef_; }

bool OpticalNetDevice::IsLinkUp() const { return channel_ != nullptr && channel_->up(); }

ns3::Address OpticalNetDevice::GetMulticast(ns3::Ipv4Address group) const {
  return ns3::Mac48Address::GetMulticast(group);
}

ns3::Address OpticalNetDevice::GetMulticast(ns3::Ipv6Address group) const {
  return ns3::Mac48Address::GetMulticast(group);
}

std::int64_t OpticalNetDevice::computeSerialisation(std::uint32_t bytes) {
  const std::int64_t ps =
      DataRate::bitsPerSecond(rateBps_).transmitTime(Bytes(static_cast<std::int64_t>(bytes) + wireOverhead_)).ps();
  // Keep the most recent size in slot 0 and the previous one in slot 1.
  cacheBytes_[1] = cacheBytes_[0];
  cachePs_[1] = cachePs_[0];
  cacheBytes_[0] = bytes;
  cachePs_[0] = ps;
  return ps;
}

void OpticalNetDevice::queueChanged(std::int64_t delta, std::int64_t now) {
  queueArea_ += static_cast<double>(queued_) * static_cast<double>(now - queueSince_);
  queueSince_ = now;
  queued_ += delta;
  maxQueued_ = std::max(maxQueued_, queued_);
}

void OpticalNetDevice::enqueueData(std::uint32_t frame, std::int64_t now) {
  const std::int64_t bytes = ctx_->frames()[frame].bytes;
  data_.push(frame);
  load_->queuedData += bytes;
  queueChanged(bytes, now);
  kick(now);
}

void OpticalNetDevice::enqueueControl(std::uint32_t frame, std::int64_t now) {
  ctrl_.push(frame);
  queueChanged(ctx_->frames()[frame].bytes, now);
  kick(now);
}

void OpticalNetDevice::setPaused(bool paused) {
  if (paused == load_->paused) return;
  const std::int64_t now = nowPs();
  if (paused) {
    pausedSince_ = now;
  } else {
    pausedTotal_ += now - pausedSince_;
  }
  load_->paused = paused;
  if (!paused) kick(now);
}

void OpticalNetDevice::arm(std::int64_t now) {
  txPending_ = true;
  scheduleAt(now, busyUntil_, &txEnd_, nodeId_);
}

void OpticalNetDevice::onTxEnd() {
  txPending_ = false;
  trySend(busyUntil_);  // the event was set for busyUntil_, which has not moved since
}

void OpticalNetDevice::trySend(std::int64_t now) {
  if (busyUntil_ > now) {
    arm(now);
    return;
  }
  std::uint32_t frame;
  if (!ctrl_.empty()) {
    frame = ctrl_.pop();
    queueChanged(-static_cast<std::int64_t>(ctx_->frames()[frame].bytes), now);
  } else if (load_->paused) {
    return;
  } else {
    frame = Frame::kNone;
    // A switch port that also sends the switch's own transfers alternates
    // between them and forwarded frames, so neither starves the other.
    if (nic_ != nullptr && (data_.empty() || nicTurn_)) {
      frame = nic_->pull(nicPort_, now);
      nicTurn_ = false;
    }
    if (frame == Frame::kNone) {
      if (data_.empty()) return;
      frame = data_.pop();
      nicTurn_ = true;
      // The next frame leaves one serialisation from now: start loading its
      // slot, which has been cold while it waited in the queue.
      if (!data_.empty()) __builtin_prefetch(&ctx_->frames()[data_.front()]);
      const std::int64_t bytes = ctx_->frames()[frame].bytes;
      load_->queuedData -= bytes;
      queueChanged(-bytes, now);
      if (switch_ != nullptr) switch_->onDequeue(frame);
    }
  }
  transmit(frame, now);
  if (!ctrl_.empty() || (!load_->paused && (!data_.empty() || (nic_ != nullptr && nic_->hasWork(nicPort_))))) arm(now);
}

void OpticalNetDevice::transmit(std::uint32_t frame, std::int64_t now) {
  Frame& f = ctx_->frames()[frame];
  const std::int64_t start = std::max(now, f.earliestStart);
  const std::int64_t ser = serialisationPs(f.bytes);
  busyUntil_ = start + ser;
  sentBytes_ += f.bytes;
  ++sentFrames_;
  busyPs_ += ser;
  if (switch_ != nullptr && f.kind == FrameKind::Data && ctx_->telemetry()) {
    // HPCC's INT: what this egress reports as the frame leaves.
    ctx_->telemetryOf(frame).push(IntHop{start, static_cast<std::uint64_t>(sentBytes_),
                                         static_cast<std::uint32_t>(load_->queuedData), dir_});
  }
  if (tap_ != nullptr) tap_->write(start, f);
  if (delivery_.lossFree) {
    OpticalChannel::deliver(*ctx_, delivery_, frame, f, dir_, now, start, ser);
  } else {
    channel_->carry(frame, dir_, now, start, ser);
  }
}

void OpticalNetDevice::finishStats(std::int64_t endPs) {
  queueChanged(0, endPs);
  if (load_->paused) {
    pausedTotal_ += endPs - pausedSince_;
    pausedSince_ = endPs;
  }
  // Added, not set: the scale-up model counts its transfers on the same links.
  stats_->bytes += Bytes(sentBytes_);
  stats_->packets += sentFrames_;
  stats_->busy += Duration::picoseconds(busyPs_);
  stats_->maxQueue = Bytes(maxQueued_);
  stats_->meanQueueBytes = endPs > 0 ? queueArea_ / static_cast<double>(endPs) : 0.0;
  stats_->pfcPaused = Duration::picoseconds(pausedTotal_);
}

bool OpticalNetDevice::Send(ns3::Ptr<ns3::Packet> packet, const ns3::Address& dest, uint16_t protocol) {
  (void)packet;
  (void)dest;
  (void)protocol;
  return false;
}

bool OpticalNetDevice::SendFrom(ns3::Ptr<ns3::Packet> packet, const ns3::Address& source,
                                const ns3::Address& dest, uint16_t protocol) {
  (void)source;
  return Send(packet, dest, protocol);
}

}  // namespace ofe::core
