#include <algorithm>
#include <stdexcept>
#include <vector>

#include "traffic/CollectiveAlgorithms.h"
#include "traffic/NcclProtocol.h"

namespace ofe::traffic::algorithms {

namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

// Connections: each kind of flow keeps its own order, and each head position
// (NCCL channel) its own connections, as channels have their own buffers.
constexpr int kScatter = 0;       // GPU -> head (CollNet Direct)
constexpr int kBroadcast = 1;     // head -> GPU (CollNet Direct)
constexpr int kChainUp = 2;       // towards the head (CollNet Chain)
constexpr int kChainDown = 3;     // away from the head (CollNet Chain)
constexpr int kIntoNetwork = 4;   // head -> leaf switch
constexpr int kSwitchUp = 5;      // partial sum towards the root
constexpr int kSwitchDown = 6;    // total away from the root
constexpr int kOutOfNetwork = 7;  // leaf switch -> head
constexpr int kKinds = 8;
constexpr int kFirstConnection = 16;  // above the ones NVLS uses

int connection(int position, int kind) {
  return kFirstConnection + kKinds * position + kind;
}
constexpr std::int64_t kMaxPieces = 64;

const NcclTopology& collnetTopology(const CollectiveWriter& w, const char* name) {
  const NcclTopology* t = w.call().topology;
  if (t == nullptr)
    throw std::invalid_argument(std::string(name) + " needs the communicator's NCCL topology");
  if (!t->collnetCapable())
    throw std::invalid_argument(std::string(name) + ": " + t->collnetUnavailable());
  return *t;
}

int clampPieces(std::int64_t pieces) {
  return static_cast<int>(std::clamp<std::int64_t>(pieces, 1, kMaxPieces));
}

/// CollNet Direct's pipeline depth (calcCollChunking, src/enqueue.cc): a
/// Simple step (512 KiB) halved towards 128, 64 and 32 KiB while fewer than
/// depth x 64, x 8 and x 8 chunks of every channel x head cover the size
/// (depth 2 with peers in the server, else 1).
int collnetDirectPieces(Bytes size, int channels, int heads, int ppn) {
  const std::int64_t ops = static_cast<std::int64_t>(std::max(1, channels)) * std::max(1, heads);
  const std::int64_t n = size.count();
  const std::int64_t depth = ppn > 1 ? 2 : 1;
  std::int64_t chunk = NcclProtocol::stepPayload(Protocol::Simple).count();
  while (n / (ops * chunk) < depth * 64 && chunk > 131072) chunk /= 2;
  while (n / (ops * chunk) < depth * 8 && chunk > 65536) chunk /= 2;
  while (n / (ops * chunk) < depth * 8 && chunk > 32768) chunk /= 2;
  return clampPieces(n / (ops * chunk));
}

/// CollNet Chain's: min(256 KiB, a Simple step) halved towards 128, 64 and
/// 32 KiB while fewer than depth x 64, x 8 and x 1 chunks per channel cover
/// the size (depth = GPUs per server).
int collnetChainPieces(Bytes size, int channels, int ppn) {
  const std::int64_t nc = std::max(1, channels);
  const std::int64_t n = size.count();
  const std::int64_t depth = std::max(1, ppn);
  std::int64_t chunk =
      std::min<std::int64_t>(256 * 1024, NcclProtocol::stepPayload(Protocol::Simple).count());
  while (n / (nc * chunk) < depth * 64 && chunk > 131072) chunk /= 2;
  while (n / (nc * chunk) < depth * 8 && chunk > 65536) chunk /= 2;
  while (n / (nc * chunk) < depth && chunk > 32768) chunk /= 2;
  return clampPieces(n / (nc * chunk));
}

}  // namespace

Arrivals sharpAllReduce(CollectiveWriter& w, int position, Bytes bytes, const Arrivals& ready,
                        int step, bool final) {
  const NcclTopology& t = collnetTopology(w, "in-network reduction");
  const topology::AggregationTree& tree = t.sharpTree(position);
  const std::vector<topology::NodeId>& sw = tree.switches();
  const int switches = static_cast<int>(sw.size());
  const int servers = t.servers();
  Arrivals received(at(switches));
  for (int s = 0; s < servers; ++s) {
    const int head = t.members(s)[at(position)];
    const int leaf = tree.leafOf(s);
    CollectiveWriter::merge(received[at(leaf)],
                            w.sendToNetwork(head, sw[at(leaf)], bytes, step, ready[at(s)],
                                            connection(position, kIntoNetwork)));
  }
  // Deepest switches first: each passes its partial sum up once all of its inputs are in.
  for (int i = switches - 1; i > 0; --i) {
    const int parent = tree.parent(i);
    CollectiveWriter::merge(
        received[at(parent)],
        w.sendBetweenSwitches(sw[at(i)], sw[at(parent)], bytes, step + 1, received[at(i)],
                              connection(position, kSwitchUp)));
  }
  Arrivals total(at(switches));
  total[0] = received[0];
  for (int i = 1; i < switches; ++i) {
    const int parent = tree.parent(i);
    total[at(i)] = w.sendBetweenSwitches(sw[at(parent)], sw[at(i)], bytes, step + 2,
                                         total[at(parent)], connection(position, kSwitchDown));
  }
  Arrivals out(at(servers));
  for (int s = 0; s < servers; ++s) {
    const int head = t.members(s)[at(position)];
    const int leaf = tree.leafOf(s);
    out[at(s)] = w.sendFromNetwork(sw[at(leaf)], head, bytes, step + 3, total[at(leaf)], final,
                                   connection(position, kOutOfNetwork));
  }
  return out;
}

void collnetAllReduce(CollectiveWriter& w, Bytes size) {
  const NcclTopology& t = collnetTopology(w, "collnet");
  const int heads = t.collnetDirectGraph().channels;
  if (heads < 1 || !t.scaleUp()) {
    throw std::invalid_argument(
        "collnet (CollNet Direct) needs an NVSwitch-class scale-up switch in every server");
  }
  const int servers = t.servers();
  const int ppn = t.ranksPerServer();
  const int pieces = collnetDirectPieces(size, w.call().channels, heads, ppn);
  // Chunk-major: every head's first chunk is under way before anyone's second.
  for (int c = 0; c < pieces; ++c) {
    const bool last = c == pieces - 1;
    for (int h = 0; h < heads; ++h) {
      const Bytes bytes = shareOf(shareOf(size, heads, h), pieces, c);
      if (bytes.count() == 0) continue;
      // Every GPU sends its part of slice h to head h, which reduces it (NVLink).
      Arrivals reduced(at(servers));
      for (int s = 0; s < servers; ++s) {
        const int head = t.members(s)[at(h)];
        for (int r : t.members(s)) {
          if (r != head)
            CollectiveWriter::merge(reduced[at(s)],
                                    w.send(r, head, bytes, 0, {}, false, connection(h, kScatter)));
        }
      }
      const Arrivals result = sharpAllReduce(w, h, bytes, reduced, 1, last && ppn == 1);
      // Head h hands the total of slice h to every GPU of its server.
      for (int s = 0; s < servers; ++s) {
        const int head = t.members(s)[at(h)];
        for (int r : t.members(s)) {
          if (r != head) w.send(head, r, bytes, 5, result[at(s)], last, connection(h, kBroadcast));
        }
      }
    }
  }
}

void collnetChainAllReduce(CollectiveWriter& w, Bytes size) {
  const NcclTopology& t = collnetTopology(w, "collnet-chain");
  const int servers = t.servers();
  const int ppn = t.ranksPerServer();
  const int channels = std::max(1, w.call().channels);
  // Channels with the same head (NIC) run side by side: one flow of their sum.
  std::vector<Bytes> perPosition(at(ppn));
  for (int c = 0; c < channels; ++c)
    perPosition[at(t.headPosition(c))] += shareOf(size, channels, c);
  const int pieces = collnetChainPieces(size, channels, ppn);
  for (int k = 0; k < pieces; ++k) {
    const bool last = k == pieces - 1;
    for (int h = 0; h < ppn; ++h) {
      const Bytes bytes = shareOf(perPosition[at(h)], pieces, k);
      if (bytes.count() == 0) continue;
      // Inside each server a chain from the last GPU up to the head h, in slot order from h.
      Arrivals reduced(at(servers));
      for (int s = 0; s < servers; ++s) {
        const std::vector<int>& m = t.members(s);
        for (int i = ppn - 1; i > 0; --i) {
          reduced[at(s)] = w.send(m[at((h + i) % ppn)], m[at((h + i - 1) % ppn)], bytes,
                                  ppn - 1 - i, reduced[at(s)], false, connection(h, kChainUp));
        }
      }
      const Arrivals result = sharpAllReduce(w, h, bytes, reduced, ppn, last);
      for (int s = 0; s < servers; ++s) {
        const std::vector<int>& m = t.members(s);
        Arrival down = result[at(s)];
        for (int i = 1; i < ppn; ++i) {
          down = w.send(m[at((h + i - 1) % ppn)], m[at((h + i) % ppn)], bytes, ppn + 3 + i, down,
                        last, connection(h, kChainDown));
        }
      }
    }
  }
}

}  // namespace ofe::traffic::algorithms
