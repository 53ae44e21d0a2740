#pragma once
/// @file FlowInstance.h
/// @brief One flow of a traffic-matrix job, as planned.

#include "traffic/Transfer.h"

namespace ofe::traffic {

/// A flow of a `flows:` job: the transfer that carries it (its ends, bytes
/// and start, `notBefore`, are the transfer's) and the job it belongs to.
struct FlowInstance {
  int job = -1;                        ///< index into the scenario's jobs
  TransferId transfer = kNoTransfer;
};

}  // namespace ofe::traffic
