#pragma once
/// @file SwitchLogic.h
/// @brief Forwarding in a packet (or scale-up) switch: ECMP, buffers, ECN, PFC.

#include <cstdint>

#include "core/Frame.h"
#include "models/SwitchModel.h"
#include "models/SwitchQueueModel.h"
#include "topology/Ids.h"
#include "topology/Routing.h"

namespace ofe::core {

class NicTransport;
class OpticalNetDevice;
class RunContext;

/// PFC state of one ingress port (indexed by the link direction arriving at it).
struct IngressPort {
  std::int64_t bytes = 0;       ///< data bytes from this ingress queued in the switch
  std::int64_t headroom = 0;    ///< bytes that may still arrive once a pause is decided
  std::int64_t staticXoff = 0;  ///< XOFF without shared-buffer dynamics
  std::int64_t limit = 0;       ///< admission limit while paused: XOFF at pause time + headroom
  bool pauseSent = false;       ///< the upstream transmitter is (being) paused
};

/// The forwarding plane of one switch node. Frames arrive through their
/// slot's arrival event at the time the switch may forward them:
///  - store-and-forward: last bit in + SwitchModel::portToPort;
///  - cut-through: head in + portToPort, and the egress may not start before
///    (last bit in + portToPort - egress serialisation), so a faster egress
///    never runs out of bits (with equal rates that bound is the head time
///    itself). Header parsing time is part of portToPort.
///
/// Egress choice: Routing::nextHops; with several, a per-flow hash of
/// (run seed, src, dst, transfer, this node) (including the node avoids the
/// same choice at every tier), or per packet the next hop with the shortest
/// egress queue, paused ones last, ties in turn, when SwitchQueueModel::ecmp
/// is PacketSpray.
///
/// Buffers (data frames only; control frames are tiny and never dropped):
///  - lossy (pfc off): an egress queue holds at most the per-port buffer
///    (portBuffer, or switch buffer / ports), or with sharedBuffer the
///    dynamic threshold alpha x (switch buffer - bytes buffered);
///  - lossless (pfc on): each ingress port counts the bytes it has queued
///    across all egresses. Above XOFF it pauses the upstream transmitter
///    (effective after the link's one-way latency); below XON (XOFF minus two
///    maximum frames) it resumes it. XOFF = pfcThreshold, else the per-port
///    buffer minus headroom (dynamic alpha x free shared buffer with
///    sharedBuffer), at least two frames. Headroom = pfcHeadroom, else
///    (2 x link latency + port-to-port) x rate + 2 maximum wire frames: what
///    can still arrive after the pause is decided. The headroom is not
///    checked against the switch's buffer (a long-haul link would need more
///    than any switch has; see docs/benchmark.md and the README's limits). Admission above XOFF + headroom would be a
///    headroom overflow and counts as a drop (it does not happen when
///    headroom is derived).
/// Frames addressed to the switch itself go to its endpoint transport (a
/// switch that reduces in the network is one end of its transfers), or count
/// as unroutable when it has none.
/// ECN: a data frame entering an egress queue of q bytes is marked with
/// probability 0 below ecnMinThreshold, ecnMaxProbability x (q - min) /
/// (max - min) between, 1 at or above ecnMaxThreshold (seeded draws).
class SwitchLogic {
 public:
  SwitchLogic(RunContext& ctx, topology::NodeId node, const models::SwitchModel& model,
              const models::SwitchQueueModel& queues);

  /// The arrival event of frame @p frame (metadata @p f) at this switch, at @p now.
  void receive(std::uint32_t frame, Frame& f, std::int64_t now);
  /// An egress device took data frame @p frame off its queue to transmit it.
  void onDequeue(std::uint32_t frame);

  topology::NodeId node() const { return node_; }
  std::int64_t portToPortPs() const { return portToPortPs_; }
  bool cutThrough() const { return cutThrough_; }
  /// The most bytes one egress queue can hold: lossless, the whole buffer
  /// (every ingress may feed the same egress, each paused only at its own
  /// threshold); lossy, the drop limit (the port buffer, or with dynamic
  /// thresholds alpha / (1 + alpha) of the buffer, where q = alpha (B - q)).
  std::int64_t egressQueueBound() const;
  std::int64_t portBufferBytes() const { return portBuffer_; }
  std::int64_t bufferedBytes() const { return used_; }
  /// Frames that arrived with no next hop towards their destination.
  std::uint64_t unroutable() const { return unroutable_; }
  topology::NodeId lastUnroutableDestination() const { return lastUnroutableDst_; }

  /// Makes @p endpoint the receiver of frames addressed to this switch.
  void setEndpoint(NicTransport* endpoint) { endpoint_ = endpoint; }

  /// Derives per-ingress PFC thresholds; called once all devices exist.
  void configureIngress(std::uint32_t dir, std::int64_t latencyPs, std::int64_t rateBps);

 private:
  std::int64_t xoff(std::uint32_t dir) const;
  /// Cut-through: the earliest the egress may start @p f without running out of bits.
  void setEarliestStart(Frame& f, OpticalNetDevice& egress) const;
  /// PacketSpray: the next hop with the shortest egress queue.
  topology::LinkId leastQueued(topology::LinkRange hops);

  RunContext& ctx_;
  topology::NodeId node_;
  NicTransport* endpoint_ = nullptr;
  std::int64_t portToPortPs_;
  bool cutThrough_;
  std::int64_t buffer_;
  std::int64_t portBuffer_;
  const models::SwitchQueueModel& q_;
  std::int64_t maxFrame_ = 0;     ///< largest frame (bytes), for hysteresis
  std::int64_t headroomPool_ = 0; ///< sum of ingress headroom, reserved out of the shared buffer
  std::int64_t used_ = 0;         ///< data bytes buffered in this switch
  std::uint32_t sprayTurn_ = 0;   ///< rotates the first candidate of leastQueued
  std::uint64_t unroutable_ = 0;
  topology::NodeId lastUnroutableDst_ = topology::kNoNode;
};

}  // namespace ofe::core
