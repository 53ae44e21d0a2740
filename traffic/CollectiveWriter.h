#pragma once
/// @file CollectiveWriter.h
/// @brief The one place where algorithms add transfers: entry dependencies,
///        empty pieces and final-round bookkeeping.

#include <vector>

#include "traffic/CollectiveCall.h"
#include "traffic/Plan.h"

namespace ofe::traffic {

/// Transfers whose delivery means a piece of data has reached the rank an
/// algorithm sent it to. Empty means "available from the start".
using Arrival = std::vector<TransferId>;

/// Appends the transfers of one collective instance to a plan. Algorithms
/// call send() in an order where every dependency already exists; the writer
///  - adds the call's `after` / `rankAfter` lists and `notBefore` to entry
///    transfers (those with no dependency inside this instance),
///  - for NCCL algorithms frames the payload with the call's protocol
///    (Transfer::wire) and charges its latencies (Transfer::overhead): the
///    per-hop cost inside or between servers, plus the base latency on entry
///    transfers,
///  - skips pieces of 0 bytes (uneven splits of small messages) by handing back
///    their dependencies as the arrival, so chains stay intact,
///  - collects each rank's final-round transfers for CollectiveOutput::done.
class CollectiveWriter {
 public:
  /// @p call must outlive the writer.
  CollectiveWriter(Plan& plan, const CollectiveCall& call);

  /// Adds @p size bytes from rank @p src to rank @p dst once @p deps are
  /// delivered and returns the arrival token ({id}, or for 0 bytes the
  /// dependencies themselves). @p final marks a transfer of the last round.
  Arrival send(int src, int dst, Bytes size, int step, const Arrival& deps, bool final = false,
               int connection = -1);
  /// The same from rank @p rank to the scale-up switch of its server (NVLS:
  /// data the switch reduces or multicasts). Needs the call's topology.
  Arrival sendToSwitch(int rank, Bytes size, int step, const Arrival& deps, int connection);
  /// The same from the scale-up switch of @p rank's server to @p rank.
  Arrival sendFromSwitch(int rank, Bytes size, int step, const Arrival& deps, bool final, int connection);
  /// From rank @p rank into packet switch @p sw, which reduces it in the
  /// network (SHARP); charged the call's inter-server latency, as NCCL charges
  /// a head's send to the CollNet.
  Arrival sendToNetwork(int rank, topology::NodeId sw, Bytes size, int step, const Arrival& deps, int connection);
  /// From packet switch @p sw to rank @p rank: the reduced result coming back.
  Arrival sendFromNetwork(topology::NodeId sw, int rank, Bytes size, int step, const Arrival& deps, bool final,
                          int connection);
  /// Between two packet switches of an aggregation tree (partial sums up, the
  /// total down). @p deps must not be empty: a switch only passes on what it got.
  Arrival sendBetweenSwitches(topology::NodeId from, topology::NodeId to, Bytes size, int step,
                              const Arrival& deps, int connection);

  /// Number of ranks of the call.
  int ranks() const { return static_cast<int>(call_.ranks.size()); }
  const CollectiveCall& call() const { return call_; }
  /// What was added; call once, after the algorithm is done.
  CollectiveOutput finish();

  /// Appends @p more to @p into, leaving @p into sorted and free of duplicates.
  static void merge(Arrival& into, const Arrival& more);

 private:
  /// Which of the call's per-hop latencies a transfer is charged.
  enum class Hop { Intra, Inter, None };

  Arrival entryDeps(int src, int dst) const;
  /// Adds one transfer between nodes @p from and @p to (ranks @p srcRank /
  /// @p dstRank, -1 for a switch) and does the bookkeeping of send().
  Arrival add(topology::NodeId from, topology::NodeId to, int srcRank, int dstRank, Bytes size, int step,
              const Arrival& deps, bool final, int connection, Hop hop);

  Plan& plan_;
  const CollectiveCall& call_;
  TransferId first_;
  std::vector<Arrival> done_;
  mutable std::vector<int> peerCount_;  ///< distinct peers in rankAfter[r], -1 until counted
};

}  // namespace ofe::traffic
