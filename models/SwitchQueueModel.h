#pragma once
/// @file SwitchQueueModel.h
/// @brief Queueing, ECN, PFC and ECMP behaviour of packet switches, as plain values.

#include "units/Bytes.h"
#include "units/Duration.h"

namespace ofe::models {

/// How a switch spreads packets over equal-cost next hops.
enum class EcmpMode {
  FlowHash,     ///< per-flow hash: a transfer keeps one path (classic ECMP)
  PacketSpray,  ///< per packet, to the next hop with the shortest egress queue (adaptive routing)
};

/// Switch queue settings shared by every packet switch of a run. Defaults
/// here are the single source of truth (the scenario registry reads them).
struct SwitchQueueModel {
  EcmpMode ecmp = EcmpMode::FlowHash;
  Bytes portBuffer = Bytes(0);          ///< per output port; 0 = switch model buffer / ports
  bool sharedBuffer = false;            ///< dynamic thresholds over the switch's whole buffer
  double dynamicThresholdAlpha = 1.0;   ///< queue limit = alpha x free shared buffer
  bool ecn = true;
  Bytes ecnMinThreshold = Bytes(100 * 1024);  ///< below: never mark
  Bytes ecnMaxThreshold = Bytes(400 * 1024);  ///< above: always mark
  double ecnMaxProbability = 0.2;             ///< marking probability at the max threshold
  bool pfc = true;                      ///< lossless: pause the upstream port instead of dropping
  Bytes pfcThreshold = Bytes(0);        ///< XOFF queue depth; 0 = buffer minus headroom
  Bytes pfcHeadroom = Bytes(0);         ///< 0 = derived from the link's round trip and MTU
  bool storeAndForward = false;         ///< true overrides cut-through switch models
};

}  // namespace ofe::models
