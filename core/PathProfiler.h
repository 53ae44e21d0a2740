#pragma once
/// @file PathProfiler.h
/// @brief Base round-trip time and bottleneck rate between two GPUs, from the routing tables.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "topology/Fabric.h"
#include "topology/Routing.h"

namespace ofe::core {

/// What a flow needs to size its window and retransmission timer.
struct PathProfile {
  bool reachable = false;
  std::int64_t rateBps = 0;     ///< bottleneck link rate of the path
  std::int64_t forwardPs = 0;   ///< a full data frame, source NIC to destination NIC, empty queues
  std::int64_t backwardPs = 0;  ///< an ACK frame back
  std::int64_t queueingPs = 0;  ///< data: the longest the switch egress queues on the way can hold it
  std::int64_t rttPs() const { return forwardPs + backwardPs; }
};

/// Walks the ECMP next-hop DAG. Per hop: serialisation of the frame (wire
/// overhead included) + Link::latency + the next switch's port-to-port
/// latency, i.e. store-and-forward timing (an upper bound for cut-through).
/// Over equal-cost choices it keeps the slowest delay and the fastest
/// bottleneck, so a window sized from it covers whichever path a flow hashes
/// onto. The queueing bound adds, per switch hop, the egress queue bound of
/// that switch drained at the egress link rate (the worst path again).
/// Results are memoised per (node, destination).
class PathProfiler {
 public:
  /// @p portToPortPs: per node, the switch latency (0 for GPUs);
  /// @p queueBoundBytes: per node, the most one egress queue holds (0 for
  /// GPUs; empty: no queueing bound is computed).
  PathProfiler(const topology::Fabric& fabric, const topology::Routing& routing,
               std::vector<std::int64_t> portToPortPs, std::int64_t dataWireBytes, std::int64_t ackWireBytes,
               std::vector<std::int64_t> queueBoundBytes = {});

  PathProfile profile(topology::NodeId src, topology::NodeId dst);
  /// The same over the single link @p link from its end @p from (a transfer
  /// into or out of a switch that reduces in the network).
  PathProfile direct(topology::LinkId link, topology::NodeId from) const;

 private:
  struct Entry {
    std::int64_t delayPs = -1;  ///< -1: unreachable
    std::int64_t rateBps = 0;
    std::int64_t queueingPs = 0;
  };
  std::int64_t queueBoundOf(topology::NodeId node) const {
    return queueBoundBytes_.empty() ? 0 : queueBoundBytes_[node];
  }
  Entry walk(topology::NodeId at, topology::NodeId dst, std::int64_t wireBytes,
             std::unordered_map<std::uint64_t, Entry>& memo);

  const topology::Fabric& fabric_;
  const topology::Routing& routing_;
  std::vector<std::int64_t> portToPortPs_;
  std::vector<std::int64_t> queueBoundBytes_;
  std::int64_t dataWireBytes_;
  std::int64_t ackWireBytes_;
  std::unordered_map<std::uint64_t, Entry> dataMemo_;
  std::unordered_map<std::uint64_t, Entry> ackMemo_;
};

}  // namespace ofe::core
