#pragma once
/// @file NicTransport.h
/// @brief The NIC of one GPU (or the transport of a switch that ends transfers): its ports,
///        the flows it sends and the flows it receives.

#include <ns3/event-impl.h>
#include <ns3/ptr.h>

#include <cstdint>
#include <vector>

#include "core/Frame.h"
#include "core/Ring.h"
#include "topology/Ids.h"

namespace ofe::core {

class RunContext;
class TransportFlow;

/// Runs TransportFlow logic at a GPU and moves its frames. Held by pointer:
/// its events point back at it. A packet switch that reduces in the network
/// (SHARP) gets one too, with latency 0, for the transfers it ends.
///
/// Sending: each port keeps a round-robin ring of the flows bound to it
/// (ECMP over the GPU's next hops when it has several ports). When the port's
/// transmitter is free it asks pull() for one segment: the next flow in the
/// ring that may send now (window open, pacing due) gives one segment and
/// goes to the back, so concurrent transfers share the port fairly per
/// packet. A flow blocked by its window leaves the ring until an ACK, NACK
/// or timeout gives it something to send.
///
/// Receiving: data segments update the receiver half; ACK/NACK/CNP frames
/// are generated at once (the NIC answers from the wire side, without the
/// host) and queued with priority on the port towards the sender. Delivery to
/// the application is the arrival of the last bit + GpuModel::nicLatency;
/// a new transfer's first segment leaves nicLatency after it starts.
class NicTransport {
 public:
  NicTransport(RunContext& ctx, topology::NodeId node, std::int64_t nicLatencyPs);
  NicTransport(const NicTransport&) = delete;
  NicTransport& operator=(const NicTransport&) = delete;

  /// Adds a port transmitting on link direction @p dir; returns its index.
  std::uint32_t addPort(std::uint32_t dir);
  /// Index of the port transmitting on @p dir, or Frame::kNone.
  std::uint32_t portOf(std::uint32_t dir) const;
  topology::NodeId node() const { return node_; }
  std::int64_t nicLatencyPs() const { return nicLatencyPs_; }

  /// The sender half of @p transfer begins (its port is already chosen).
  void startFlow(std::uint32_t transfer);
  /// The arrival event of frame @p frame (metadata @p f) at this GPU, at @p now.
  void receive(std::uint32_t frame, const Frame& f, std::int64_t now);
  /// Next data frame for port @p port at @p now, or Frame::kNone.
  std::uint32_t pull(std::uint32_t port, std::int64_t now);
  /// True when port @p port has flows that may want the wire.
  bool hasWork(std::uint32_t port) const { return !ports_[port].ring.empty(); }

  // Timer callbacks (BoundEvent targets).
  void onRto(std::uint32_t transfer);
  void onLossTimer(std::uint32_t transfer);
  void onExtraTimer(std::uint32_t transfer);
  void onDcqcn(std::uint32_t transfer);
  void onWake(std::uint32_t port);
  void onExtraWake(std::uint32_t port);

 private:
  struct Port {
    std::uint32_t dir = Frame::kNone;
    Ring<std::uint32_t> ring;
    ns3::Ptr<ns3::EventImpl> wake;
    bool wakePending = false;
    std::int64_t wakeAt = 0;
  };

  void receiveData(std::uint32_t frame, const Frame& f, std::int64_t now);
  void receiveControl(std::uint32_t frame, const Frame& f, std::int64_t now);
  /// Queues an ACK/NACK/CNP towards the sender; returns its frame, or Frame::kNone without a way back.
  std::uint32_t sendControl(const TransportFlow& flow, FrameKind kind, std::uint32_t sack, std::uint32_t first,
                            std::uint32_t last, std::int64_t now, bool duplicate = false);
  /// Puts @p flow back in its port's ring if it has work, and kicks the port.
  void reschedule(TransportFlow& flow, std::int64_t now);
  /// Makes sure the flow's timer event fires by its earlier deadline
  /// (retransmission timeout or RACK's reordering timer).
  void armTimer(TransportFlow& flow, std::int64_t now);
  void fireTimers(TransportFlow& flow, std::int64_t now);
  /// A one-off timer event at @p at, for a deadline earlier than the pending event.
  void scheduleExtraTimer(TransportFlow& flow, std::int64_t now, std::int64_t at);
  void armWake(std::uint32_t port, std::int64_t now, std::int64_t at);
  std::uint32_t makeData(const TransportFlow& flow, std::uint32_t seq, bool retransmission);

  RunContext& ctx_;
  topology::NodeId node_;
  std::int64_t nicLatencyPs_;
  std::vector<Port> ports_;
};

}  // namespace ofe::core
