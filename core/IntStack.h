#pragma once
/// @file IntStack.h
/// @brief In-band network telemetry a data frame collects hop by hop, for HPCC.

#include <cstdint>

namespace ofe::core {

/// What one switch egress reports as a data frame leaves it (HPCC, Li et
/// al., SIGCOMM 2019, section 3.2: timestamp, bytes sent, queue length and
/// link rate; the rate is read from the link direction).
struct IntHop {
  std::int64_t ts = 0;            ///< when the frame started on the wire (ps)
  std::uint64_t txBytes = 0;      ///< bytes the egress had sent, this frame included
  std::uint32_t queueBytes = 0;   ///< data bytes still queued behind it
  std::uint32_t dir = 0;          ///< link direction of the egress
};

/// The hops of one frame's path, in order; the receiver copies it into the
/// ACK. Kept beside the frame pool (by frame index) and only when HPCC runs,
/// so other runs carry none of it.
struct IntStack {
  static constexpr int kMaxHops = 8;  ///< a 3-tier fat-tree path has 5 switch hops
  std::uint8_t hops = 0;
  IntHop hop[kMaxHops];

  void push(const IntHop& h) {
    if (hops < kMaxHops) hop[hops++] = h;
  }
};

}  // namespace ofe::core
