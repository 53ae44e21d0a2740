#include "traffic/CollectiveWriter.h"

#include <algorithm>
#include <set>
#include <utility>

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

Arrival CollectiveWriter::send(int src, int dst, Bytes size, int step, const Arrival& deps, bool final) {
  const bool entry = std::none_of(deps.begin(), deps.end(), [this](TransferId id) { return id >= first_; });
  Arrival after = deps;
  merge(after, entry ? entryDeps(src, dst) : Arrival{});
  Arrival arrival;
  if (size.count() > 0) {
    Transfer t;
    t.src = call_.ranks.at(static_cast<std::size_t>(src));
    t.dst = call_.ranks.at(static_cast<std::size_t>(dst));
    t.size = size;
    t.after = std::move(after);
    if (entry) t.notBefore = call_.notBefore;
    t.srcRank = src;
    t.dstRank = dst;
    t.collective = call_.collective;
    t.step = step;
    arrival.push_back(plan_.add(std::move(t)));
  } else {
    // Nothing to move: the (empty) data is at dst as soon as it could have left src.
    arrival = std::move(after);
  }
  if (final) {
    // Deduplicated once in finish(): a rank of a direct algorithm collects O(n) of these.
    auto& mine = done_[static_cast<std::size_t>(src)];
    auto& theirs = done_[static_cast<std::size_t>(dst)];
    mine.insert(mine.end(), arrival.begin(), arrival.end());
    theirs.insert(theirs.end(), arrival.begin(), arrival.end());
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
