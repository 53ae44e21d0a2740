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

/// A message from one GPU to another. It may start once every transfer in
/// `after` has been delivered and the clock has reached `notBefore`.
struct Transfer {
  TransferId id = kNoTransfer;
  topology::NodeId src = topology::kNoNode;
  topology::NodeId dst = topology::kNoNode;
  Bytes size;
  std::vector<TransferId> after;  ///< dependencies, all with smaller ids
  Duration notBefore;             ///< earliest start (absolute simulated time)
  int srcRank = -1;               ///< rank within its collective, for reports
  int dstRank = -1;
  int collective = -1;            ///< index of the collective instance it belongs to
  int step = -1;                  ///< algorithm step, for latency breakdowns
};

}  // namespace ofe::traffic
