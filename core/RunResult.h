#pragma once
/// @file RunResult.h
/// @brief What an engine measured: per transfer, per link direction, and the run as a whole.

#include <cstdint>
#include <string>
#include <vector>

#include "topology/Ids.h"
#include "topology/LinkEvent.h"
#include "traffic/Transfer.h"
#include "units/Bytes.h"
#include "units/Duration.h"

namespace ofe::core {

/// Timing of one transfer. `finish` is when its last byte reached the application.
struct TransferResult {
  traffic::TransferId id = traffic::kNoTransfer;
  Duration start;
  Duration finish;
  bool completed = false;
  std::uint64_t packets = 0;          ///< data packets first sent
  std::uint64_t retransmissions = 0;  ///< data packets sent again
  std::uint64_t timeouts = 0;         ///< retransmission timer expiries
  std::uint64_t spurious = 0;         ///< retransmissions a DSACK showed were not needed
};

/// Counters of one direction of one link (from `from` to the other end).
struct LinkDirectionStats {
  topology::LinkId link = topology::kNoLink;
  topology::NodeId from = topology::kNoNode;
  Bytes bytes;                 ///< bytes serialised onto the link (headers included)
  std::uint64_t packets = 0;
  Duration busy;               ///< time spent serialising
  Bytes maxQueue;              ///< deepest output queue seen
  double meanQueueBytes = 0.0; ///< time-averaged queue depth
  std::uint64_t drops = 0;
  std::uint64_t lost = 0;      ///< frames lost on the wire (bit errors, failed link)
  std::uint64_t ecnMarks = 0;
  Duration pfcPaused;          ///< time this direction was paused by PFC
};

/// The outcome of Engine::run.
struct RunResult {
  std::vector<TransferResult> transfers;    ///< indexed by TransferId
  std::vector<LinkDirectionStats> links;    ///< 2 per link: index 2*id (a->b), 2*id+1 (b->a)
  Duration end;                             ///< simulated time when the run stopped
  std::uint64_t events = 0;                 ///< simulator events executed
  std::uint64_t packetHops = 0;             ///< packets x links traversed
  bool completed = false;                   ///< every transfer delivered
  std::string diagnosis;                    ///< watchdog report when not completed
  std::vector<topology::LinkEvent> linkEvents;  ///< topology changes applied, in time order
  std::vector<Duration> reroutes;           ///< when routing was recomputed after them
};

}  // namespace ofe::core
