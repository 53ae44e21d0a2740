#pragma once
/// @file FlowInstance.h
/// @brief One flow of a traffic-matrix job, as planned.

#include "topology/Ids.h"
#include "traffic/Transfer.h"
#include "units/Bytes.h"
#include "units/Duration.h"

namespace ofe::traffic {

/// A flow of a `flows:` job and the transfer that carries it.
struct FlowInstance {
  int job = -1;                        ///< index into the scenario's jobs
  TransferId transfer = kNoTransfer;
  topology::NodeId src = topology::kNoNode;
  topology::NodeId dst = topology::kNoNode;
  Bytes bytes;
  Duration start;                      ///< absolute: job start + the flow's own start
};

}  // namespace ofe::traffic
