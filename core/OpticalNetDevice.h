#pragma once
/// @file OpticalNetDevice.h
/// @brief One end of a fabric link as an ns-3 NetDevice: output queues and the transmitter.

#include <ns3/event-impl.h>
#include <ns3/mac48-address.h>
#include <ns3/net-device.h>
#include <ns3/node.h>
#include <ns3/ptr.h>

#include <cstdint>

#include "core/EgressLoad.h"
#include "core/InlineRing.h"
#include "core/OpticalChannel.h"
#include "core/RunResult.h"

namespace ofe::core {

class NicTransport;
class PcapTap;
class RunContext;
class SwitchLogic;

/// The port of a GPU or switch on one link. It transmits direction `dir`
/// (2 x link + 0 when this is end a) and receives the opposite one.
///
/// Transmitter: a frame occupies the wire for (frame bytes + wire overhead)
/// x 8 / Link::rate. Link::rate is the modules' payload (MAC) rate: FEC and
/// line coding ride in the module's higher line rate (OpticalModule::lineRate),
/// so the MAC-layer bytes clock out at exactly the payload rate. Control frames
/// (ACK/NACK/CNP) have strict priority over data and are not subject to PFC
/// (they travel in their own traffic class, as CNPs do in RoCE deployments).
///
/// Events: none per frame by itself. Starting a frame hands it to the channel
/// (one arrival event); only when more frames wait behind a busy transmitter
/// does the device schedule its single reusable end-of-transmission event to
/// start the next one. A GPU port has no data queue: it pulls the next
/// segment from its NicTransport when the wire is free. A port of a switch
/// that is also a transfer endpoint (in-network reduction) has both: it
/// takes forwarded frames and its own segments in turn.
class alignas(64) OpticalNetDevice : public ns3::NetDevice {
 public:
  static ns3::TypeId GetTypeId();
  OpticalNetDevice();
  ~OpticalNetDevice() override;

  std::int64_t rateBps() const { return rateBps_; }
  /// Wires the device into a run. @p stats receives its counters at the end;
  /// @p load is its entry in the run's flat array of egress loads.
  void configure(RunContext* ctx, std::uint32_t dir, std::int64_t rateBps, std::int64_t wireOverheadBytes,
                 LinkDirectionStats* stats, EgressLoad* load, std::uint32_t nodeId);
  /// Joins @p channel (after configure: the device copies its direction's delivery figures).
  void attach(ns3::Ptr<OpticalChannel> channel);
  /// Copies the channel's delivery figures again (its state changed).
  void refreshDelivery();
  /// The device belongs to a switch: dequeued data frames are reported to it (buffer and PFC accounting).
  void setSwitch(SwitchLogic* owner) { switch_ = owner; }
  /// The device is a GPU NIC port, or a port of a switch that sends its own
  /// transfers: data is pulled from @p nic's port @p port.
  void setNic(NicTransport* nic, std::uint32_t port) {
    nic_ = nic;
    nicPort_ = port;
  }
  void setTap(PcapTap* tap) { tap_ = tap; }

  // Hot-path calls take the current time (picoseconds) from the caller,
  // which knows it from its own event, instead of asking the simulator.

  /// Queues a data frame (switch egress) and starts it if the wire is free.
  void enqueueData(std::uint32_t frame, std::int64_t now);
  /// Queues an ACK/NACK/CNP/raw frame ahead of data.
  void enqueueControl(std::uint32_t frame, std::int64_t now);
  /// Tells an idle transmitter that there may be something to send.
  void kick(std::int64_t now) {
    if (!txPending_) trySend(now);
  }
  /// PFC: stops (or resumes) starting data frames; the frame on the wire finishes.
  void setPaused(bool paused);

  /// Wire time of a frame of @p bytes (wire overhead added), in picoseconds.
  std::int64_t serialisationPs(std::uint32_t bytes) {
    if (cacheBytes_[0] == bytes) return cachePs_[0];
    if (cacheBytes_[1] == bytes) return cachePs_[1];
    return computeSerialisation(bytes);
  }
  std::uint32_t direction() const { return dir_; }
  std::int64_t queuedBytes() const { return queued_; }
  std::size_t queuedFrames() const { return data_.size() + ctrl_.size(); }
  bool paused() const { return load_->paused; }
  std::int64_t pausedSincePs() const { return pausedSince_; }
  /// Writes time-weighted figures (mean queue, paused time) into the stats at @p endPs.
  void finishStats(std::int64_t endPs);

  // ns3::NetDevice. The device carries only the engine's frames (metadata
  // in a FramePool slot, see Frame): Send() and SendFrom() refuse foreign
  // packets, and nothing is handed to a receive callback.
  void SetIfIndex(const uint32_t index) override { ifIndex_ = index; }
  uint32_t GetIfIndex() const override { return ifIndex_; }
  ns3::Ptr<ns3::Channel> GetChannel() const override;
  void SetAddress(ns3::Address address) override { address_ = ns3::Mac48Address::ConvertFrom(address); }
  ns3::Address GetAddress() const override { return address_; }
  bool SetMtu(const uint16_t mtu) override {
    mtu_ = mtu;
    return true;
  }
  uint16_t GetMtu() const override { return mtu_; }
  bool IsLinkUp() const override;
  void AddLinkChangeCallback(ns3::Callback<void> callback) override { (void)callback; }
  bool IsBroadcast() const override { return false; }
  ns3::Address GetBroadcast() const override { return ns3::Mac48Address::GetBroadcast(); }
  bool IsMulticast() const override { return false; }
  ns3::Address GetMulticast(ns3::Ipv4Address group) const override;
  ns3::Address GetMulticast(ns3::Ipv6Address group) const override;
  bool IsBridge() const override { return false; }
  bool IsPointToPoint() const override { return true; }
  bool Send(ns3::Ptr<ns3::Packet> packet, const ns3::Address& dest, uint16_t protocol) override;
  bool SendFrom(ns3::Ptr<ns3::Packet> packet, const ns3::Address& source, const ns3::Address& dest,
                uint16_t protocol) override;
  ns3::Ptr<ns3::Node> GetNode() const override { return node_; }
  void SetNode(ns3::Ptr<ns3::Node> node) override { node_ = node; }
  bool NeedsArp() const override { return false; }
  void SetReceiveCallback(ReceiveCallback cb) override { rx_ = cb; }
  void SetPromiscReceiveCallback(PromiscReceiveCallback cb) override { (void)cb; }
  bool SupportsSendFrom() const override { return false; }

 protected:
  void DoDispose() override;

 private:
  void trySend(std::int64_t now);
  void arm(std::int64_t now);
  std::int64_t computeSerialisation(std::uint32_t bytes);
  void transmit(std::uint32_t frame, std::int64_t now);
  void onTxEnd();
  void queueChanged(std::int64_t delta, std::int64_t now);

  // Members in the order the hot path reads them, so that a frame's hop
  // touches the first few cache lines of the (line-aligned) object, the
  // queues' entries included while they are short: a switch egress's device
  // is cold on every frame on a large fabric.
  /// The end-of-transmission event. A member, first in the object, so that
  /// the scheduler's prefetch of an upcoming event (its object and the line
  /// after) loads the device's hot lines with it. The device keeps the
  /// reference the event is created with, so ns-3 never deletes it;
  /// PacketEngine destroys the simulator, dropping a pending reference,
  /// before the devices go.
  class TxEnd final : public ns3::EventImpl {
   public:
    explicit TxEnd(OpticalNetDevice* device) : device_(device) {}

   private:
    void Notify() override { device_->onTxEnd(); }
    OpticalNetDevice* device_;
  };
  TxEnd txEnd_{this};
  std::uint32_t dir_ = 0;
  bool txPending_ = false;
  bool nicTurn_ = false;  ///< on a switch port with its own transfers: the endpoint goes next
  RunContext* ctx_ = nullptr;
  EgressLoad* load_ = nullptr;
  std::int64_t busyUntil_ = 0;
  InlineRing<std::uint32_t, 4> ctrl_;
  InlineRing<std::uint32_t, 8> data_;
  SwitchLogic* switch_ = nullptr;

  // Two-entry serialisation cache: data frames and control frames are two sizes.
  std::uint32_t cacheBytes_[2] = {0, 0};
  std::int64_t cachePs_[2] = {0, 0};
  std::int64_t queued_ = 0;
  std::int64_t queueSince_ = 0;
  double queueArea_ = 0.0;  ///< byte x ps, for the time-averaged queue
  std::int64_t maxQueued_ = 0;
  NicTransport* nic_ = nullptr;
  std::uint32_t nicPort_ = 0;
  std::uint32_t nodeId_ = 0;  ///< ns-3 context of its events

  OpticalChannel::Delivery delivery_;  ///< the channel's figures for this direction, copied
  // Counters of frames started, kept here (the device's lines are loaded
  // anyway) and copied into the stats at the end.
  std::int64_t sentBytes_ = 0;
  std::uint64_t sentFrames_ = 0;
  std::int64_t busyPs_ = 0;
  PcapTap* tap_ = nullptr;

  OpticalChannel* channel_ = nullptr;
  ns3::Ptr<OpticalChannel> channelRef_;
  LinkDirectionStats* stats_ = nullptr;
  std::int64_t rateBps_ = 1;
  std::int64_t wireOverhead_ = 0;
  std::int64_t pausedSince_ = 0;
  std::int64_t pausedTotal_ = 0;

  ns3::Ptr<ns3::Node> node_;
  uint32_t ifIndex_ = 0;
  ns3::Mac48Address address_;
  uint16_t mtu_ = 9000;
  ReceiveCallback rx_;
};

}  // namespace ofe::core
