#pragma once
/// @file CollectiveCall.h
/// @brief Everything an algorithm needs to expand one collective instance into transfers.

#include <vector>

#include "topology/Ids.h"
#include "traffic/JobSpec.h"
#include "traffic/NcclTopology.h"
#include "traffic/NcclTuner.h"
#include "traffic/Transfer.h"
#include "units/Bytes.h"
#include "units/Duration.h"

namespace ofe::traffic {

/// One collective instance to expand (see appendCollective). Algorithms see
/// only rank indices and node ids, never the engine that will run the plan.
struct CollectiveCall {
  CollectiveOp op = CollectiveOp::AllReduce;
  Algorithm algorithm = Algorithm::FlatRing;  ///< never Auto here: the workload resolves it
  /// NCCL algorithms: the protocol (never Auto), whose framing sets
  /// Transfer::wire and whose per-hop latencies (`costs`) set Transfer::overhead.
  /// Auto for flat schedules, which move raw bytes with no overhead.
  Protocol protocol = Protocol::Auto;
  int channels = 1;                     ///< NCCL channels the data is split over
  NcclHopCosts costs;                   ///< per-hop latencies of algorithm x protocol
  /// NCCL algorithms: the communicator's servers, channels, ring orders and
  /// trees (must outlive the call); nullptr for flat schedules.
  const NcclTopology* topology = nullptr;
  std::vector<topology::NodeId> ranks;  ///< GPU of each rank (rank = index)
  Bytes size;                           ///< S in the nccl-tests convention (docs/collectives.md)
  int chunks = 0;                       ///< pipeline chunks; 0 = defaultChunks()
  int root = 0;                         ///< broadcast/reduce root rank
  int collective = -1;                  ///< written to Transfer::collective
  Duration notBefore;                   ///< earliest start of the entry transfers
  /// Transfers every rank waits for before its first send of this instance.
  std::vector<TransferId> after;
  /// Empty, or one list per rank: what rank r waits for before its first send
  /// (typically the previous instance's final transfers at r). When one list
  /// touches more than kMaxSequencedPeers other GPUs, an entry transfer r -> d
  /// waits only for those of its members exchanged between r and d (all of
  /// them if none is), which keeps a plan of direct algorithms O(n^2) rather
  /// than O(n^3) in dependencies.
  std::vector<std::vector<TransferId>> rankAfter;
  /// Hierarchical only: scale-up domains as lists of rank indices, each list in
  /// the order that pairs ranks across domains (position i talks to position i);
  /// see ScaleUpDomains.
  std::vector<std::vector<int>> domains;

  static constexpr int kMaxSequencedPeers = 8;
};

/// What appendCollective added to a plan.
struct CollectiveOutput {
  TransferId first = kNoTransfer;  ///< first transfer id of the instance
  TransferId last = kNoTransfer;   ///< last transfer id (inclusive); ids in between all belong to it
  /// Per rank: the instance's final-round transfers that arrive at or leave the
  /// rank (see docs/collectives.md, "Sequencing"). Feed them to the next
  /// instance's CollectiveCall::rankAfter.
  std::vector<std::vector<TransferId>> done;
};

}  // namespace ofe::traffic
