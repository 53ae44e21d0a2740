#pragma once
/// @file Transfer.h
/// @brief One point-to-point message of a plan.

#include <cstdint>
#include <limits>
#include <vector>

#include "topology/Ids.h"
#include "units/Bytes.h"
#include "units/Duration.h"

namespace ofe::traffic {

/// Index of a transfer in its Plan.
using TransferId = std::uint32_t;
inline constexpr TransferId kNoTransfer = std::numeric_limits<TransferId>::max();

/// A message from one GPU to another (or, inside a scale-up domain, between
/// a GPU and its scale-up switch, for in-switch reduction and multicast). It
/// becomes ready once every transfer in `after` has been delivered and the
/// clock has reached `notBefore`, and starts moving `overhead` later.
///
/// A barrier (`barrier` true, src == dst, no bytes) moves nothing: it is
/// delivered the moment it is ready. Plans use it to join many transfers
/// into one dependency (nccl-tests' barrier before each size).
struct Transfer {
  TransferId id = kNoTransfer;
  topology::NodeId src = topology::kNoNode;
  topology::NodeId dst = topology::kNoNode;
  Bytes size;                     ///< payload delivered to the application
  Bytes wire;                     ///< bytes the engine moves (protocol framing); 0 means `size`
  std::vector<TransferId> after;  ///< dependencies, all with smaller ids
  Duration notBefore;             ///< earliest readiness (absolute simulated time)
  Duration overhead;              ///< fixed latency between ready and the first byte (GPU/proxy work)
  bool barrier = false;
  /// Transfers with the same src, dst and connection (>= 0) are sent one
  /// after another in id order, as an NCCL channel's steps on one peer
  /// connection are; -1 shares the path freely with everything else.
  int connection = -1;
  int srcRank = -1;               ///< rank within its collective, for reports
  int dstRank = -1;
  int collective = -1;            ///< index of the collective instance it belongs to
  int step = -1;                  ///< algorithm step, for latency breakdowns

  /// Bytes the engine moves: `wire` when set, else `size`.
  Bytes wireBytes() const { return wire.count() > 0 ? wire : size; }
};

}  // namespace ofe::traffic
