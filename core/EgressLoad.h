#pragma once
/// @file EgressLoad.h
/// @brief The part of an egress port's state that packet spraying compares.

#include <cstdint>

namespace ofe::core {

/// Queued data and PFC state of one link direction's transmitter. RunContext
/// keeps these for all directions in one flat array, owned by the devices
/// that update them: a switch choosing among its candidate egresses reads
/// a few adjacent 16-byte records instead of loading a device object per
/// candidate (at k=16 a fat-tree edge switch compares 8 uplinks per frame).
struct EgressLoad {
  std::int64_t queuedData = 0;  ///< data bytes waiting (not yet on the wire)
  bool paused = false;          ///< PFC: the downstream ingress paused this transmitter
};

}  // namespace ofe::core
