#pragma once
/// @file Frame.h
/// @brief Per-frame metadata that travels through the fabric (no ns-3 packet: see below).

#include <cstdint>

#include "topology/Ids.h"

namespace ofe::core {

/// What a frame carries.
enum class FrameKind : std::uint8_t {
  Data,  ///< one MTU (or the last, shorter) segment of a transfer
  Ack,   ///< cumulative acknowledgement (with an implicit SACK of the segment that triggered it)
  Nack,  ///< negative acknowledgement: a hole [nackFirst, nackLast] was detected
  Cnp,   ///< DCQCN congestion notification (ECN echo) towards the sender
};

/// Metadata of a frame in flight. It lives in a FramePool slot for the whole
/// journey (NIC to NIC), so switches read fields instead of parsing headers,
/// and nothing is allocated per hop. No ns3::Packet goes with it: nothing in
/// the fabric reads packet bytes, and the pcap tap builds the packets it
/// writes from these fields. Times are picoseconds.
struct Frame {
  static constexpr std::uint32_t kNone = 0xffffffffu;

  FrameKind kind = FrameKind::Data;
  bool ecn = false;             ///< congestion experienced (set by a switch)
  bool retransmission = false;  ///< data: the segment was sent before
  bool duplicate = false;       ///< ack: the segment named by `sack` had arrived before (DSACK)
  // Fields every hop reads first (in the slot's first cache line), then the
  // transport's.
  std::uint32_t bytes = 0;      ///< frame length: payload + headers (no preamble / inter-frame gap)
  topology::NodeId dst = topology::kNoNode;  ///< GPU the frame is routed to
  std::uint32_t dir = kNone;      ///< link direction last traversed (2 x link + 0 for a->b, 1 for b->a)
  std::uint32_t ingress = kNone;  ///< at a switch: direction it arrived on, for PFC accounting
  topology::NodeId src = topology::kNoNode;  ///< node that created the frame
  std::uint32_t transfer = kNone;
  std::uint32_t seq = 0;        ///< data: segment index; ack/nack: next expected segment
  std::uint32_t nackFirst = 0;  ///< nack: first missing segment
  std::uint32_t nackLast = 0;   ///< nack: last missing segment
  std::uint32_t sack = kNone;   ///< ack/nack: segment whose arrival caused this frame
  std::uint32_t payload = 0;    ///< transfer bytes carried
  std::int64_t lastBitAt = 0;     ///< when its last bit reaches the end of `dir`
  std::int64_t eventAt = 0;       ///< when its pending arrival event fires (the handler's clock)
  std::int64_t earliestStart = 0; ///< cut-through: the egress may not start before this (no underrun)
};

}  // namespace ofe::core
