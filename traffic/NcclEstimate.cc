#include "traffic/NcclEstimate.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "traffic/CostModel.h"
#include "traffic/DoubleBinaryTree.h"
#include "traffic/NcclProtocol.h"

namespace ofe::traffic {

namespace {

constexpr double kUnbounded = std::numeric_limits<double>::infinity();

double bps(DataRate r) { return static_cast<double>(r.bps()); }

/// Wire bytes per payload byte of @p protocol.
double expansion(Protocol protocol) {
  if (protocol == Protocol::Auto) return 1.0;
  const Bytes big(120LL * 8 * 1024);
  return static_cast<double>(NcclProtocol::wireBytes(protocol, big).count()) / static_cast<double>(big.count());
}

/// Largest sum over servers of their degrees in the two trees of a double
/// binary tree over @p servers (each degree carries half the data once each way).
int treeLoad(int servers) {
  if (servers < 2) return 0;
  const DoubleBinaryTree trees(servers);
  int most = 0;
  for (int s = 0; s < servers; ++s) {
    int degree = 0;
    for (int t = 0; t < 2; ++t) {
      degree += static_cast<int>(trees.children(t, s).size()) + (trees.parent(t, s) >= 0 ? 1 : 0);
    }
    most = std::max(most, degree);
  }
  return most;
}

int treeHeight(int servers) {
  if (servers < 2) return 0;
  const DoubleBinaryTree trees(servers);
  return std::max(trees.height(0), trees.height(1));
}

/// Head positions of CollNet Chain: those of the communicator's channels.
std::vector<int> chainHeads(const NcclTopology& t) {
  std::vector<int> heads;
  for (int c = 0; c < t.collChannels(); ++c) heads.push_back(t.headPosition(c));
  std::sort(heads.begin(), heads.end());
  heads.erase(std::unique(heads.begin(), heads.end()), heads.end());
  return heads;
}

/// Bytes the busiest GPU sends over its scale-up link per byte of S in a
/// CollNet all-reduce (receives are symmetric). Direct: a head sends its
/// part of the other heads' slices and its own slice's total to the g-1
/// others; a GPU that is no head sends all of S to the heads. Chain: per head
/// a GPU sends up unless it is the head and down unless it is the tail.
double collnetScaleUpLoad(Algorithm a, const NcclTopology& t) {
  const int g = std::max(1, t.ranksPerServer());
  if (g == 1) return 0.0;
  double most = 0.0;
  if (a == Algorithm::CollNet) {
    const int heads = std::max(1, t.collnetDirectGraph().channels);
    for (int p = 0; p < g; ++p) {
      const double out = p < heads ? (heads - 1.0 + g - 1.0) / heads : 1.0;
      most = std::max(most, out);
    }
    return most;
  }
  const std::vector<int> heads = chainHeads(t);
  for (int p = 0; p < g; ++p) {
    double out = 0.0;
    for (int h : heads) out += (p != h ? 1.0 : 0.0) + (p != (h + g - 1) % g ? 1.0 : 0.0);
    most = std::max(most, out / static_cast<double>(heads.size()));
  }
  return most;
}

/// busbw bound in bits per second before protocol expansion.
double rawBound(CollectiveOp op, Algorithm a, const NcclTopology& t, const NcclFabricFigures& f) {
  const int n = t.ranks();
  const int servers = t.servers();
  const int g = std::max(1, t.ranksPerServer());
  const double nic = bps(f.nic);
  const double up = bps(f.scaleUp);
  const double nics = std::max(1, t.nicsPerServer());
  const double busFactor = busBandwidthFactor(op, n);
  // Share of the ring's traffic a GPU forwards over NVLink when it is not the channel's exit.
  const double nvlinkRing = g > 1 && up > 0 ? up * g / (g - 1) : kUnbounded;
  switch (a) {
    case Algorithm::Ring:
      if (op == CollectiveOp::SendRecv) return servers > 1 ? std::min(nic, up > 0 ? up : nic) : up;
      if (servers == 1) return up > 0 ? up : nic;
      return std::min(nics * nic, nvlinkRing);
    case Algorithm::Tree: {
      // Per NIC, each byte of S crosses (tree degrees) / 2 times in each direction.
      const double inter = servers > 1 ? busFactor * 2.0 * nics * nic / treeLoad(servers) : kUnbounded;
      // Inside a server every GPU of a chain sends each byte up and down once.
      const double intra = g > 1 && up > 0 ? busFactor * up / 2.0 : kUnbounded;
      return std::min(inter, intra);
    }
    case Algorithm::Nvls: {
      const double intra = busFactor * up * f.reductionEfficiency * g / (g + 1.0);
      // Across servers each head's NIC carries its slice once each way.
      if (servers == 1) return intra;
      return std::min(intra, busFactor * std::max(1, t.nvlsGraph().channels) * nic);
    }
    case Algorithm::CollNet:
    case Algorithm::CollNetChain: {
      const double heads = a == Algorithm::CollNet ? std::max(1, t.collnetDirectGraph().channels)
                                                   : static_cast<double>(chainHeads(t).size());
      const double load = collnetScaleUpLoad(a, t);
      const double intra = load > 0 && up > 0 ? busFactor * up / load : kUnbounded;
      return std::min(busFactor * heads * nic, intra);
    }
    case Algorithm::NvlsTree: {
      const double intra = busFactor * up * f.reductionEfficiency * g / (g + 1.0);
      const double inter = busFactor * 2.0 * nics * nic / std::max(1, treeLoad(servers));
      return std::min(intra, inter);
    }
    case Algorithm::Pxn:
    case Algorithm::Direct: {
      if (op == CollectiveOp::SendRecv) return servers > 1 ? std::min(nic, up > 0 ? up : nic) : up;
      // All-to-all: a GPU's NIC carries (servers-1)/servers of S; with PXN its
      // NVLink carries (g-1)/g of S (local blocks and relays), without only
      // the local (g-1)/n.
      const double perNic = servers > 1 ? nic / ((servers - 1.0) / servers) : kUnbounded;
      const double nvShare = a == Algorithm::Pxn ? (g - 1.0) / g : (g - 1.0) / n;
      const double perNvlink = g > 1 && up > 0 ? up / nvShare : kUnbounded;
      return busFactor * std::min(perNic, perNvlink);
    }
    default: return 0.0;
  }
}

}  // namespace

DataRate ncclBusBound(CollectiveOp op, Algorithm algorithm, Protocol protocol, const NcclTopology& topology,
                      const NcclFabricFigures& fabric) {
  const double raw = rawBound(op, algorithm, topology, fabric) / expansion(protocol);
  if (!std::isfinite(raw) || raw <= 0) return DataRate();
  return DataRate::bitsPerSecond(static_cast<std::int64_t>(raw));
}

Duration ncclEstimate(CollectiveOp op, Algorithm algorithm, Protocol protocol, const NcclTopology& t, Bytes size,
                      const NcclHopCosts& c, const NcclFabricFigures& f) {
  const int n = t.ranks();
  const int servers = t.servers();
  const int g = std::max(1, t.ranksPerServer());
  const Duration intraHop = c.intra + f.intraAlpha;
  const Duration interHop = c.inter + f.interAlpha;
  Duration latency = c.base;
  switch (algorithm) {
    case Algorithm::Ring: {
      const int steps = op == CollectiveOp::AllReduce ? 2 * (n - 1) : n - 1;
      const int inter = servers == 1 ? 0 : op == CollectiveOp::AllReduce ? 2 * (servers - 1) : servers - 1;
      latency += intraHop * (steps - inter) + interHop * inter;
      if (op == CollectiveOp::SendRecv) latency = c.base + (servers > 1 ? interHop : intraHop);
      break;
    }
    case Algorithm::Tree: latency += (intraHop * (g - 1) + interHop * treeHeight(servers)) * 2; break;
    case Algorithm::Nvls: latency += f.intraAlpha * 4 + (servers > 1 ? interHop : Duration()); break;
    case Algorithm::CollNet: latency += intraHop * 2 + interHop; break;
    case Algorithm::CollNetChain: latency += intraHop * (2 * (g - 1)) + interHop; break;
    case Algorithm::NvlsTree: latency += f.intraAlpha * 4 + interHop * (2 * treeHeight(servers)); break;
    case Algorithm::Pxn: latency += servers > 1 ? (g > 1 ? intraHop : Duration()) + interHop : intraHop; break;
    case Algorithm::Direct: latency += servers > 1 ? interHop : intraHop; break;
    default: break;
  }
  const DataRate bound = ncclBusBound(op, algorithm, protocol, t, f);
  if (bound.bps() <= 0) return Duration();
  // bus factor x S / bound = the time at which busbw would equal the bound.
  const double seconds = busBandwidthFactor(op, n) * static_cast<double>(size.count()) * 8.0 / bps(bound);
  return latency + Duration::fromSeconds(seconds);
}

}  // namespace ofe::traffic
