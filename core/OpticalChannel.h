#pragma once
/// @file OpticalChannel.h
/// @brief The ns-3 channel of one fabric link: propagation, module latency, bit errors, failure.

#include <ns3/channel.h>
#include <ns3/ptr.h>

#include <cstdint>

#include "core/Frame.h"
#include "topology/Link.h"

namespace ofe::core {

class OpticalNetDevice;
class RunContext;

/// Both directions of one full-duplex fabric link. A frame whose
/// serialisation starts at `start` and lasts `ser` has its last bit at the far
/// end at start + ser + latency, where latency = Link::propagation +
/// Link::passiveLatency + Link::moduleLatency (both modules' FEC/DSP).
/// The channel decides loss when the frame is sent (a failed link loses
/// everything; a bit-error rate loses a frame of b bits with probability
/// 1 - (1 - BER)^b, drawn from the run's seeded generator) and otherwise
/// schedules exactly one event: the frame's arrival at the receiving node
/// (see Receiver for when that is).
class OpticalChannel : public ns3::Channel {
 public:
  /// How the node at the receiving end of a direction takes frames in.
  struct Receiver {
    std::int64_t portToPortPs = 0;  ///< switch port-to-port latency; 0 for a GPU
    std::uint32_t node = 0;         ///< receiving node (the arrival event's ns-3 context)
    bool cutThrough = false;        ///< a cut-through switch acts at head + port-to-port
  };

  /// What the transmitter of one direction needs to hand a frame over
  /// without loading the channel (a separate object, cold on a large
  /// fabric): each device keeps a copy, taken when it attaches and again
  /// whenever setUp() changes the link's state.
  struct Delivery {
    Receiver rx;
    std::int64_t latencyPs = 0;
    bool lossFree = true;  ///< up and error-free: carry() would lose nothing
  };

  static ns3::TypeId GetTypeId();

  /// Takes its figures from @p link; `receivers[0]` is node b (direction a->b), `[1]` node a.
  void configure(RunContext* ctx, const topology::Link& link, Receiver atB, Receiver atA);
  /// Joins the devices at ends a and b.
  void attach(ns3::Ptr<OpticalNetDevice> atA, ns3::Ptr<OpticalNetDevice> atB);

  /// The delivery figures of direction @p dir (0/1 parity: a->b / b->a).
  Delivery delivery(std::uint32_t dir) const {
    return Delivery{receivers_[dir & 1], latencyPs_, up_ && logKeepPerBit_ == 0.0};
  }
  /// Carries frame @p frame over direction @p dir (0/1 parity: a->b / b->a).
  /// Times in picoseconds; `now` is the simulator's clock, `start >= now`.
  void carry(std::uint32_t frame, std::uint32_t dir, std::int64_t now, std::int64_t start, std::int64_t ser);
  /// Hands a frame that cannot be lost to the far end of @p d: sets its
  /// direction and last-bit time and schedules its arrival. carry() after
  /// its loss decision, and a device holding a loss-free Delivery, call it.
  static void deliver(RunContext& ctx, const Delivery& d, std::uint32_t frame, Frame& f, std::uint32_t dir,
                      std::int64_t now, std::int64_t start, std::int64_t ser);

  std::int64_t latencyPs() const { return latencyPs_; }
  bool up() const { return up_; }
  /// Takes the link down (every frame sent from now on is lost; frames already
  /// on the fibre arrive) or brings it back, and refreshes both devices' copies.
  void setUp(bool up);
  topology::LinkId id() const { return id_; }

  std::size_t GetNDevices() const override { return 2; }
  ns3::Ptr<ns3::NetDevice> GetDevice(std::size_t i) const override;

 protected:
  void DoDispose() override;

 private:
  RunContext* ctx_ = nullptr;
  topology::LinkId id_ = topology::kNoLink;
  std::int64_t latencyPs_ = 0;
  bool up_ = true;
  double logKeepPerBit_ = 0.0;  ///< log(1 - BER); 0 when error-free
  Receiver receivers_[2];
  ns3::Ptr<OpticalNetDevice> ends_[2];
};

}  // namespace ofe::core
