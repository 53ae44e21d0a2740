#include <algorithm>

#include "traffic/CollectiveAlgorithms.h"
#include "traffic/NcclProtocol.h"

namespace ofe::traffic::algorithms {

namespace {

constexpr std::int64_t kMaxRingPieces = 16;
constexpr std::int64_t kMaxChainChunks = 64;

const NcclTopology& topologyOf(const CollectiveWriter& w) {
  if (w.call().topology == nullptr) throw std::logic_error("an NCCL algorithm needs the call's NCCL topology");
  return *w.call().topology;
}

/// Pieces that cut @p bytes into parts of about @p piece bytes, at most @p most.
int piecesOf(Bytes bytes, Bytes piece, std::int64_t most) {
  const std::int64_t p = std::max<std::int64_t>(1, piece.count());
  return static_cast<int>(std::clamp<std::int64_t>((bytes.count() + p - 1) / p, 1, most));
}

enum class RingOp { AllReduce, AllGather, ReduceScatter };

void ringOnChannels(CollectiveWriter& w, Bytes size, RingOp op) {
  const NcclTopology& topo = topologyOf(w);
  const int channels = std::max(1, w.call().channels);
  const int n = w.ranks();
  const Bytes piece = NcclProtocol::ringPiece(w.call().protocol);
  for (int c = 0; c < channels; ++c) {
    const Bytes share = shareOf(size, channels, c);
    if (share.count() == 0) continue;
    const std::vector<int> order = topo.ringOrder(c);
    const int pieces = piecesOf(Bytes((share.count() + n - 1) / n), piece, kMaxRingPieces);
    switch (op) {
      case RingOp::AllReduce: ringAllReduce(w, order, share, pieces, 0, {}, true, c); break;
      case RingOp::AllGather: ringAllGather(w, order, share, pieces, 0, c); break;
      case RingOp::ReduceScatter: ringReduceScatter(w, order, share, pieces, 0, c); break;
    }
  }
}

}  // namespace

void ncclRingAllReduce(CollectiveWriter& w, Bytes size) { ringOnChannels(w, size, RingOp::AllReduce); }
void ncclRingAllGather(CollectiveWriter& w, Bytes size) { ringOnChannels(w, size, RingOp::AllGather); }
void ncclRingReduceScatter(CollectiveWriter& w, Bytes size) { ringOnChannels(w, size, RingOp::ReduceScatter); }

void ncclRingBroadcastOrReduce(CollectiveWriter& w, Bytes size, int root, bool towardsRoot) {
  const NcclTopology& topo = topologyOf(w);
  const int channels = std::max(1, w.call().channels);
  const Bytes chunk = NcclProtocol::treeChunk(w.call().protocol);
  for (int c = 0; c < channels; ++c) {
    const Bytes share = shareOf(size, channels, c);
    if (share.count() == 0) continue;
    std::vector<int> order = topo.ringOrder(c);
    std::rotate(order.begin(), std::find(order.begin(), order.end(), root), order.end());
    chainOver(w, order, share, piecesOf(share, chunk, kMaxChainChunks), towardsRoot, c);
  }
}

}  // namespace ofe::traffic::algorithms
