#include <algorithm>
#include <stdexcept>

#include "traffic/CollectiveAlgorithms.h"
#include "traffic/DoubleBinaryTree.h"
#include "traffic/NcclProtocol.h"

namespace ofe::traffic::algorithms {

namespace {

std::size_t at(int i) { return static_cast<std::size_t>(i); }

// Connections of the four NVLS flows, so each kind keeps its own order.
constexpr int kContribution = 0;  // GPU -> switch, data the switch reduces
constexpr int kResult = 1;        // switch -> owner, the reduced chunk
constexpr int kStore = 2;         // owner -> switch, the final chunk to multicast
constexpr int kMulticast = 3;     // switch -> every GPU
constexpr int kTreeUp = 4;        // head -> parent server's head (+ tree index)
constexpr int kTreeDown = 6;      // head -> child server's head (+ tree index)
constexpr std::int64_t kMaxPieces = 64;

const NcclTopology& nvlsTopology(const CollectiveWriter& w) {
  const NcclTopology* t = w.call().topology;
  if (t == nullptr || !t->nvlsCapable() || !t->uniform()) {
    throw std::invalid_argument("nvls needs every server's GPUs on one NVLS-capable scale-up switch");
  }
  return *t;
}

/// Pipeline depth of an NVLS schedule: the chunks each of NCCL's concurrent
/// operations (channels x heads) works through, with NCCL's chunk size for
/// the size (calcCollChunking, src/enqueue.cc): NVLS 128 KiB (NCCL_NVLS_CHUNKSIZE),
/// halved to 64, 32 and 16 KiB below 64, 8 and 2 x ops x chunk; NVLS-tree at
/// most 64 KiB from 4 servers on, halved to 64 and 32 KiB below 4 and 1 x
/// ops x chunk. Every piece stands for one chunk of every operation.
int nvlsPieces(Bytes size, const NcclTopology& t, int heads, bool tree) {
  const std::int64_t ops = std::max(1, t.nvlsChannels()) * static_cast<std::int64_t>(heads);
  const std::int64_t n = size.count();
  std::int64_t chunk = NcclProtocol::nvlsChunk().count();
  if (!tree) {
    if (n < 64 * ops * chunk && chunk > 65536) chunk = 65536;
    if (n < 8 * ops * chunk && chunk > 32768) chunk = 32768;
    if (n < 2 * ops * chunk && chunk > 16384) chunk = 16384;
  } else {
    if (t.servers() >= 4) chunk = std::min<std::int64_t>(chunk, 65536);
    if (n < 4 * ops * chunk && chunk > 65536) chunk = 65536;
    if (n < 1 * ops * chunk && chunk > 32768) chunk = 32768;
  }
  return static_cast<int>(std::clamp<std::int64_t>(n / (ops * chunk), 1, kMaxPieces));
}

/// NVLS reduction of @p bytes of @p owner's slice inside @p server: every GPU
/// sends its part to the switch, which hands the sum to the owner.
Arrival reduceInSwitch(CollectiveWriter& w, const NcclTopology& t, int server, int owner, Bytes bytes) {
  Arrival contributions;
  for (int r : t.members(server)) CollectiveWriter::merge(contributions, w.sendToSwitch(r, bytes, 0, {}, kContribution));
  return w.sendFromSwitch(owner, bytes, 1, contributions, false, kResult);
}

/// NVLS multicast: @p owner stores the final chunk into the switch, which copies it to every GPU.
void multicast(CollectiveWriter& w, const NcclTopology& t, int server, int owner, Bytes bytes, const Arrival& ready,
               int step, bool final) {
  const Arrival stored = w.sendToSwitch(owner, bytes, step, ready, kStore);
  for (int r : t.members(server)) w.sendFromSwitch(r, bytes, step + 1, stored, final, kMulticast);
}

}  // namespace

void nvlsAllReduce(CollectiveWriter& w, Bytes size) {
  const NcclTopology& t = nvlsTopology(w);
  const int servers = t.servers();
  if (servers > 1 && !t.collnetCapable()) {
    throw std::invalid_argument("nvls across servers reduces in the network too (CollNet): " + t.collnetUnavailable() +
                                "; use nvls-tree");
  }
  // One server: every GPU owns a slice. Across servers: the heads (GPUs with a NIC).
  const int owners = servers == 1 ? t.ranksPerServer() : t.nvlsGraph().channels;
  if (owners < 1) throw std::invalid_argument("nvls: NCCL's NVLS search found no channel on this topology");
  const int pieces = nvlsPieces(size, t, owners, false);
  // Chunk-major, so every owner's first chunk is under way before anyone's second.
  for (int c = 0; c < pieces; ++c) {
    for (int j = 0; j < owners; ++j) {
      const Bytes bytes = shareOf(shareOf(size, owners, j), pieces, c);
      if (bytes.count() == 0) continue;
      Arrivals reduced(at(servers));
      for (int s = 0; s < servers; ++s) reduced[at(s)] = reduceInSwitch(w, t, s, t.members(s)[at(j)], bytes);
      const Arrivals total = servers == 1 ? reduced : sharpAllReduce(w, j, bytes, reduced, 2, false);
      const int step = servers == 1 ? 2 : 6;
      for (int s = 0; s < servers; ++s) {
        multicast(w, t, s, t.members(s)[at(j)], bytes, total[at(s)], step, c == pieces - 1);
      }
    }
  }
}

void nvlsTreeAllReduce(CollectiveWriter& w, Bytes size) {
  const NcclTopology& t = nvlsTopology(w);
  const int servers = t.servers();
  if (servers < 2) throw std::invalid_argument("nvls-tree needs at least two servers; use nvls inside one");
  const int heads = std::max(1, std::min(t.ranksPerServer(), t.nicsPerServer()));
  const DoubleBinaryTree across(servers);
  // Head h owns slice h; half of it goes over each of the two trees. Chunk-major
  // order keeps every head, so every NIC, busy at once.
  const int pieces = nvlsPieces(size, t, heads, true);
  for (int c = 0; c < pieces; ++c) {
    for (int h = 0; h < heads; ++h) {
      for (int tree = 0; tree < 2; ++tree) {
        const Bytes bytes = shareOf(shareOf(shareOf(size, heads, h), 2, tree), pieces, c);
        if (bytes.count() == 0) continue;
        const int height = across.height(tree);
        const std::vector<int>& topDown = across.topDown(tree);
        std::vector<int> head(at(servers));
        Arrivals reduced(at(servers));
        for (int s = 0; s < servers; ++s) {
          head[at(s)] = t.members(s)[at(h)];
          reduced[at(s)] = reduceInSwitch(w, t, s, head[at(s)], bytes);
        }
        // Up the tree: a head sends once its server's sum and its children's are in.
        Arrivals up(at(servers));
        for (auto it = topDown.rbegin(); it != topDown.rend(); ++it) {
          const int s = *it;
          const int parent = across.parent(tree, s);
          if (parent < 0) continue;
          Arrival deps = reduced[at(s)];
          for (int child : across.children(tree, s)) CollectiveWriter::merge(deps, up[at(child)]);
          up[at(s)] = w.send(head[at(s)], head[at(parent)], bytes, 2 + height - across.depth(tree, s), deps, false,
                             kTreeUp + tree);
        }
        // Down the tree, then multicast in every server.
        Arrivals total(at(servers));
        for (int s : topDown) {
          const int parent = across.parent(tree, s);
          if (parent < 0) {
            total[at(s)] = reduced[at(s)];
            for (int child : across.children(tree, s)) CollectiveWriter::merge(total[at(s)], up[at(child)]);
          } else {
            total[at(s)] = w.send(head[at(parent)], head[at(s)], bytes, 2 + height + across.depth(tree, s) - 1,
                                  total[at(parent)], false, kTreeDown + tree);
          }
          multicast(w, t, s, head[at(s)], bytes, total[at(s)], 2 + 2 * height, c == pieces - 1);
        }
      }
    }
  }
}

}  // namespace ofe::traffic::algorithms
