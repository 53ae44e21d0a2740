#include "traffic/CollectiveWriter.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <utility>

#include "traffic/NcclProtocol.h"

namespace ofe::traffic {

CollectiveWriter::CollectiveWriter(Plan& plan, const CollectiveCall& call)
    : plan_(plan), call_(call), first_(static_cast<TransferId>(plan.size())),
      done_(call.ranks.size()),
      peerCount_(call.ranks.size(), -1) {}

void CollectiveWriter::merge(Arrival& into, const Arrival& more) {
  into.insert(into.end(), more.begin(), more.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

Arrival CollectiveWriter::entryDeps(int src, int dst) const {
  Arrival deps = call_.after;
  if (call_.rankAfter.empty()) return deps;
  const std::vector<TransferId>& mine = call_.rankAfter.at(static_cast<std::size_t>(src));
  const topology::NodeId self = call_.ranks[static_cast<std::size_t>(src)];
  const topology::NodeId peer = call_.ranks[static_cast<std::size_t>(dst)];
  int& peerCount = peerCount_[static_cast<std::size_t>(src)];
  if (peerCount < 0) {
    std::set<topology::NodeId> peers;
    for (TransferId id : mine) {
      const Transfer& t = plan_.transfer(id);
      peers.insert(t.src == self ? t.dst : t.src);
    }
    peerCount = static_cast<int>(peers.size());
  }
  if (peerCount <= CollectiveCall::kMaxSequencedPeers) {
    merge(deps, mine);
    return deps;
  }
  // Direct algorithms finish by exchanging with every peer; waiting for all of
  // them in every entry transfer would cost O(n) dependencies per transfer.
  Arrival pairwise;
  for (TransferId id : mine) {
    const Transfer& t = plan_.transfer(id);
    if (t.src == peer || t.dst == peer) pairwise.push_back(id);
  }
  merge(deps, pairwise.empty() ? mine : pairwise);
  return deps;
}

Arrival CollectiveWriter::send(int src, int dst, Bytes size, int step, const Arrival& deps, bool final,
                               int connection) {
  const NcclTopology* topo = call_.topology;
  const bool sameServer = topo == nullptr || topo->serverOf(src) == topo->serverOf(dst);
  return add(call_.ranks.at(static_cast<std::size_t>(src)), call_.ranks.at(static_cast<std::size_t>(dst)), src, dst,
             size, step, deps, final, connection, sameServer ? Hop::Intra : Hop::Inter);
}

Arrival CollectiveWriter::sendToSwitch(int rank, Bytes size, int step, const Arrival& deps, int connection) {
  if (call_.topology == nullptr) throw std::logic_error("sendToSwitch needs the call's NCCL topology");
  const topology::NodeId sw = call_.topology->scaleUpSwitch(call_.topology->serverOf(rank));
  return add(call_.ranks.at(static_cast<std::size_t>(rank)), sw, rank, -1, size, step, deps, false, connection,
             Hop::Intra);
}

Arrival CollectiveWriter::sendFromSwitch(int rank, Bytes size, int step, const Arrival& deps, bool final,
                                         int connection) {
  if (call_.topology == nullptr) throw std::logic_error("sendFromSwitch needs the call's NCCL topology");
  const topology::NodeId sw = call_.topology->scaleUpSwitch(call_.topology->serverOf(rank));
  return add(sw, call_.ranks.at(static_cast<std::size_t>(rank)), -1, rank, size, step, deps, final, connection,
             Hop::Intra);
}

Arrival CollectiveWriter::sendToNetwork(int rank, topology::NodeId sw, Bytes size, int step, const Arrival& deps,
                                        int connection) {
  return add(call_.ranks.at(static_cast<std::size_t>(rank)), sw, rank, -1, size, step, deps, false, connection,
             Hop::Inter);
}

Arrival CollectiveWriter::sendFromNetwork(topology::NodeId sw, int rank, Bytes size, int step, const Arrival& deps,
                                          bool final, int connection) {
  return add(sw, call_.ranks.at(static_cast<std::size_t>(rank)), -1, rank, size, step, deps, final, connection,
             Hop::None);
}

Arrival CollectiveWriter::sendBetweenSwitches(topology::NodeId from, topology::NodeId to, Bytes size, int step,
                                              const Arrival& deps, int connection) {
  if (deps.empty()) throw std::logic_error("a switch-to-switch transfer needs what the switch received");
  return add(from, to, -1, -1, size, step, deps, false, connection, Hop::None);
}

Arrival CollectiveWriter::add(topology::NodeId from, topology::NodeId to, int srcRank, int dstRank, Bytes size,
                              int step, const Arrival& deps, bool final, int connection, Hop hop) {
  const bool entry = std::none_of(deps.begin(), deps.end(), [this](TransferId id) { return id >= first_; });
  Arrival after = deps;
  // A switch-side transfer only follows a rank's own data, so its entry waits
  // on what its rank (the one end that is a rank) waits on.
  const int waiting = srcRank >= 0 ? srcRank : dstRank;
  const int peer = srcRank >= 0 && dstRank >= 0 ? dstRank : waiting;
  if (entry && waiting < 0) throw std::logic_error("a transfer between switches cannot open a collective");
  merge(after, entry ? entryDeps(waiting, peer) : Arrival{});
  Arrival arrival;
  if (size.count() > 0) {
    Transfer t;
    t.src = from;
    t.dst = to;
    t.size = size;
    t.after = std::move(after);
    if (entry) t.notBefore = call_.notBefore;
    if (call_.protocol != Protocol::Auto) {
      t.wire = NcclProtocol::wireBytes(call_.protocol, size);
      const Duration perHop = hop == Hop::Intra   ? call_.costs.intra
                              : hop == Hop::Inter ? call_.costs.inter
                                                  : Duration();
      t.overhead = perHop + (entry ? call_.costs.base : Duration());
    }
    t.connection = connection;
    t.srcRank = srcRank;
    t.dstRank = dstRank;
    t.collective = call_.collective;
    t.step = step;
    arrival.push_back(plan_.add(std::move(t)));
  } else {
    // Nothing to move: the (empty) data is at dst as soon as it could have left src.
    arrival = std::move(after);
  }
  if (final) {
    // Deduplicated once in finish(): a rank of a direct algorithm collects O(n) of these.
    if (srcRank >= 0) {
      auto& mine = done_[static_cast<std::size_t>(srcRank)];
      mine.insert(mine.end(), arrival.begin(), arrival.end());
    }
    if (dstRank >= 0) {
      auto& theirs = done_[static_cast<std::size_t>(dstRank)];
      theirs.insert(theirs.end(), arrival.begin(), arrival.end());
    }
  }
  return arrival;
}

CollectiveOutput CollectiveWriter::finish() {
  CollectiveOutput out;
  if (plan_.size() > first_) {
    out.first = first_;
    out.last = static_cast<TransferId>(plan_.size() - 1);
  }
  for (Arrival& d : done_) {
    std::sort(d.begin(), d.end());
    d.erase(std::unique(d.begin(), d.end()), d.end());
  }
  out.done = std::move(done_);
  return out;
}

}  // namespace ofe::traffic
