#include "traffic/NcclTuner.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "traffic/CollectiveNames.h"

namespace ofe::traffic {

namespace {

// Indices as in NCCL: algorithms tree, ring, collnet direct, collnet chain,
// nvls, nvls-tree; protocols LL, LL128, Simple; hardware NVLINK, PCI, NET.
enum AlgoIndex { kTree = 0, kRing = 1, kCollNetDirect = 2, kCollNetChain = 3, kNvls = 4, kNvlsTree = 5 };
enum ProtoIndex { kLL = 0, kLL128 = 1, kSimple = 2 };
enum HwIndex { kNvlink = 0, kPci = 1, kNet = 2 };
enum OpIndex { kAllReduce = 0, kAllGather = 1, kReduceScatter = 2, kBroadcast = 3, kReduce = 4 };

// ncclTunerConstantsDefaults, src/graph/tuning.cc (NCCL 2.30.7), in us and GB/s.
constexpr double kBaseLatency[6][3] = {{6.8, 14.0, 8.4}, {6.6, 14.0, 8.4}, {0, 0, 0},
                                       {0, 0, 0},        {0, 0, 0},        {0, 0, 0}};
constexpr double kHwLatency[3][6][3] = {
    {{0.6, 1.25, 4.0}, {0.6, 1.9, 3.4}, {0, 0, 3.7}, {0, 0, 2.8}, {0, 0, 25}, {0, 0, 25}},   // NVLINK
    {{1.0, 1.9, 4.0}, {1.0, 2.5, 5.7}, {0, 0, 3.7}, {0, 0, 2.8}, {0, 0, 0}, {0, 0, 0}},      // PCI
    {{5.0, 8.5, 14}, {2.7, 4.0, 14.0}, {0, 0, 31}, {0, 0, 30}, {0, 0, 18}, {0, 0, 20.9}},    // NET
};
// CollNet Direct's "arity serialization latency" per extra GPU of a server (tuning.cc).
constexpr double kCollNetArityUs = 0.4;
// [Volta, Ampere, Hopper, Blackwell][1 node, 2 nodes, more]; llMaxBws[0] is
// the multi-node row for Intel hosts.
constexpr double kLlMaxBw[4][3] = {
    {39.0, 39.0, 20.4}, {87.7, 22.5, 19.0}, {141.0, 45.0, 35.0}, {2 * 141.0, 2 * 45.0, 2 * 35.0}};
constexpr double kPerChMaxRingLL128Bw[4][3] = {
    {20.0, 20.0, 20.0}, {20.0, 20.0, 20.0}, {36.7, 36.7, 36.7}, {40.0, 40.0, 40.0}};
constexpr double kPerChMaxTreeLL128Bw[4][3] = {
    {20.0, 20.0, 20.0}, {20.0, 20.0, 20.0}, {36.7, 36.7, 29.0}, {55.6, 31.67, 20.0}};
constexpr double kPerChMaxTreeBw[4][3] = {
    {26.5, 18.5, 10.0}, {24.0, 23.6, 17.8}, {38.7, 41.4, 36.0}, {70.0, 42.8, 24.0}};
constexpr double kPerChMaxNvlsTreeBw[4][3] = {
    {26.5, 18.5, 10.0}, {24.0, 23.6, 17.8}, {0.0, 57.7, 45.5}, {0.0, 96.0, 80.0}};
constexpr double kNvlsEfficiency[4] = {0.0, 0.0, 0.85, 0.74};
// treeCorrectionFactor: powers of two from 64 B to 256 MiB, per protocol.
constexpr double kTreeCorrection[3][24] = {
    {1.0, 1.0, 1.0, 1.0, .9, .8, .7, .7, .7, .7, .6, .5, .4, .4, .5, .6, .7, .8, .9, 1.0, 1.0, 1.0, 1.0, 1.0},
    {1.0, 1.0, 1.0, 1.0, 1.0, .9, .8, .8, .8, .7, .6, .6, .6, .6, .6, .6, .8, .9, .9, .9, .9, 1.0, 1.0, 1.0},
    {.9, .9, .9, .9, .9, .9, .9, .8, .7, .6, .6, .5, .5, .5, .5, .6, .7, .8, .7, .7, .8, .9, .9, .9}};
constexpr double kNetOverheadUs = 1.0;  // getNetOverhead on Intel x86
constexpr double kPciBw = 12.0;         // PCI_BW, src/graph/topo.h
// Threads and per-thread work thresholds (src/include/device.h, comm.h).
constexpr int kSimpleMaxThreads = 512;
constexpr int kLlMaxThreads = 512;
constexpr int kLl128MaxThreads = 640;
constexpr std::int64_t kThreadThreshold[3] = {8, 8, 64};
constexpr int kMaxThreads = 640;                  // NCCL_MAX_NTHREADS: CollNet and NVLS kernels
constexpr std::int64_t kCollNetThreshold = 512;  // threadThresholds of CollNet Direct and Chain

int archIndex(models::GpuArchitecture a) { return static_cast<int>(a); }

int log2i(std::int64_t n) {
  if (n <= 0) return -1;  // NCCL's log2Down(0)
  int l = 0;
  while (n >>= 1) ++l;
  return l;
}

int opIndex(CollectiveOp op) {
  switch (op) {
    case CollectiveOp::AllReduce: return kAllReduce;
    case CollectiveOp::AllGather: return kAllGather;
    case CollectiveOp::ReduceScatter: return kReduceScatter;
    case CollectiveOp::Broadcast: return kBroadcast;
    case CollectiveOp::Reduce: return kReduce;
    default: return -1;
  }
}

int algoIndex(Algorithm a) {
  switch (a) {
    case Algorithm::Tree: return kTree;
    case Algorithm::Ring: return kRing;
    case Algorithm::CollNet: return kCollNetDirect;
    case Algorithm::CollNetChain: return kCollNetChain;
    case Algorithm::Nvls: return kNvls;
    case Algorithm::NvlsTree: return kNvlsTree;
    default: return -1;
  }
}

int protoIndex(Protocol p) {
  switch (p) {
    case Protocol::LL: return kLL;
    case Protocol::LL128: return kLL128;
    case Protocol::Simple: return kSimple;
    default: return -1;
  }
}

constexpr Algorithm kAlgorithmOf[6] = {Algorithm::Tree,         Algorithm::Ring, Algorithm::CollNet,
                                       Algorithm::CollNetChain, Algorithm::Nvls, Algorithm::NvlsTree};
constexpr Protocol kProtocolOf[3] = {Protocol::LL, Protocol::LL128, Protocol::Simple};

Duration microseconds(double us) { return Duration::picoseconds(std::llround(us * 1e6)); }

}  // namespace

NcclTuner::NcclTuner(const NcclTopology& topology, bool collnetEnable)
    : topology_(topology), collnetEnable_(collnetEnable) {
  tune();
}

bool NcclTuner::needsCollnet(Algorithm algorithm) const {
  return algorithm == Algorithm::CollNet || algorithm == Algorithm::CollNetChain ||
         (algorithm == Algorithm::Nvls && topology_.servers() > 1);
}

void NcclTuner::tune() {
  const NcclTopology& t = topology_;
  const int nRanks = t.ranks();
  const int nNodes = t.servers();
  if (nRanks <= 1 || !t.uniform()) return;
  const int cc = archIndex(t.architecture());
  const int index2 = nNodes <= 2 ? nNodes - 1 : 2;
  const int index1 = nNodes == 1 ? cc : 0;
  const double llMaxBw = kLlMaxBw[index1][index2];
  const double ppn = static_cast<double>(nRanks) / nNodes;
  const int intraHw = t.scaleUp() ? kNvlink : kPci;
  const int hw = nNodes == 1 ? intraHw : kNet;
  const NcclGraph* graphs[6] = {&t.treeGraph(),          &t.ringGraph(), &t.collnetDirectGraph(),
                                &t.collnetChainGraph(), &t.nvlsGraph(), &t.nvlsGraph()};

  for (int coll = 0; coll < kOps; ++coll) {
    const int nsteps = coll == kAllReduce ? 2 * (nRanks - 1)
                       : (coll == kReduceScatter || coll == kAllGather) ? nRanks - 1
                                                                        : nRanks;
    for (int a = 0; a < kAlgorithms; ++a) {
      if ((coll == kBroadcast || coll == kReduce) && a != kRing) continue;
      // CollNet all-gather and reduce-scatter need the plugin's iallgather /
      // ireducescatter, which the SHARP plugin is not assumed to offer.
      if ((coll == kReduceScatter || coll == kAllGather) && a != kRing && a != kNvls) continue;
      const NcclGraph& g = *graphs[a];
      const bool collnet = a == kCollNetDirect || a == kCollNetChain;
      for (int p = 0; p < kProtocols; ++p) {
        if ((a == kNvls || a == kNvlsTree || collnet) && p != kSimple) continue;
        double bw = nNodes <= 2 || collnet ? g.bwIntra : g.bwInter;
        if (a == kNvls || a == kNvlsTree) {
          if (g.channels < 2) continue;  // NVLS needs at least 2 channels
          double intraBw = g.bwIntra * kNvlsEfficiency[cc] * (g.channels - 1) / g.channels;
          intraBw *= coll == kAllReduce ? 2.0 : (ppn - 1) / ppn;  // all-reduce pipelines two operations
          const double interBw = g.bwInter * ((nNodes <= 2 && a == kNvlsTree) ? 2 : 1);
          bw = std::min({intraBw, interBw,
                         a == kNvlsTree ? kPerChMaxNvlsTreeBw[cc][index2] : std::numeric_limits<double>::max()});
        }
        double busBw = g.channels * bw;
        if (a == kRing && p == kLL) busBw = std::min(llMaxBw, busBw * .5);
        if (a == kRing && p == kLL128) busBw = std::min(busBw * 0.92, g.channels * kPerChMaxRingLL128Bw[cc][index2]);
        if (a == kTree && coll == kAllReduce) busBw = std::min(busBw * .92, g.channels * kPerChMaxTreeBw[cc][index2]);
        if (a == kTree && p == kLL) busBw = std::min(busBw * 1.0 / 3.8, llMaxBw);
        if (a == kTree && p == kLL128) {
          busBw = std::min(busBw * (nNodes == 1 ? 7.0 / 9.0 : 120.0 / 128.0),
                           g.channels * kPerChMaxTreeLL128Bw[cc][index2]);
        }
        if (a == kCollNetDirect && g.channels > 0) {
          // CollNet Direct needs a NIC per GPU for full speed (GPU/NIC ratio).
          double factor = ppn / g.channels;
          factor -= (factor - 1) / 2;
          busBw /= factor;
          if (cc >= 2) busBw *= .85;
        }
        // Bus to algorithm bandwidth.
        if (!(a != kRing && (coll == kAllGather || coll == kReduceScatter))) {
          const double ratio = (a == kRing || a == kNvls || a == kNvlsTree) ? static_cast<double>(nRanks) / nsteps : .5;
          busBw *= ratio;
        }
        bandwidth_[coll][a][p] = busBw;

        double lat = kBaseLatency[a][p];
        double intraLat = kHwLatency[intraHw][a][p];
        const double interLat = ppn == 1 ? kHwLatency[kNet][kTree][p] : kHwLatency[kNet][a][p];
        if (a == kRing) {
          if (coll == kReduce || coll == kBroadcast) {
            // The searched rings differ per channel (sameChannels = 0).
            const double step = p == kSimple ? kHwLatency[hw][kTree][p] : kHwLatency[hw][a][p];
            lat += nsteps * step;
          } else {
            const double netOverhead = nNodes > 1 ? kNetOverheadUs * (p == kSimple ? 3 : 1) : 0.0;
            intraLat = std::max(intraLat, netOverhead);
            const int nInterSteps = nNodes == 1 ? 0 : coll == kAllReduce ? 2 * (nNodes - 1) : nNodes - 1;
            lat += (nsteps - nInterSteps) * intraLat + nInterSteps * interLat;
          }
        } else if (a == kTree) {
          if (coll == kAllReduce) lat += 2 * ((nRanks / nNodes - 1) * intraLat + log2i(nNodes) * interLat);
        } else if (a == kCollNetDirect) {
          lat += 2 * (std::min(1.0, ppn - 1) * intraLat + (ppn - 1) * kCollNetArityUs) + interLat;
        } else if (a == kCollNetChain) {
          lat += 2 * (ppn - 1) * intraLat + interLat;
        } else if (a == kNvls) {
          lat = intraLat;
          if (nNodes > 1) lat += interLat;
        } else if (a == kNvlsTree) {
          lat += intraLat + 2 * log2i(nNodes) * interLat;
        }
        latency_[coll][a][p] = lat;
      }
    }
  }

  // Enable rules: NVLS-tree needs several servers; NVLS on several servers
  // needs CollNet (SHARP trees); both need NVLS-capable switches. CollNet
  // needs its SHARP trees, and CollNet Direct an NVSwitch in every server.
  for (int coll = 0; coll < kOps; ++coll) {
    for (int p = 0; p < kProtocols; ++p) {
      if (nNodes == 1 || !t.nvlsCapable()) bandwidth_[coll][kNvlsTree][p] = 0;
      if ((nNodes > 1 && !t.collnetCapable()) || !t.nvlsCapable()) bandwidth_[coll][kNvls][p] = 0;
      if (!t.collnetCapable()) bandwidth_[coll][kCollNetChain][p] = 0;
      if (!t.collnetCapable() || !t.scaleUp()) bandwidth_[coll][kCollNetDirect][p] = 0;
      // ofe has no NVLS all-gather / reduce-scatter schedule: never offer one.
      if (coll == kAllGather || coll == kReduceScatter) bandwidth_[coll][kNvls][p] = 0;
      // NCCL enables LL128 by default before Hopper only within PCI switches;
      // treat it as disabled there unless NVLink joins the GPUs.
      if (p == kLL128 && cc < 2 && !t.scaleUp()) {
        for (int a = 0; a < kAlgorithms; ++a) bandwidth_[coll][a][p] = 0;
      }
    }
  }
}

double NcclTuner::bandwidthGBps(CollectiveOp op, Algorithm algorithm, Protocol protocol) const {
  const int c = opIndex(op);
  const int a = algoIndex(algorithm);
  const int p = protoIndex(protocol);
  return c < 0 || a < 0 || p < 0 ? 0.0 : bandwidth_[c][a][p];
}

double NcclTuner::latencyUs(CollectiveOp op, Algorithm algorithm, Protocol protocol) const {
  const int c = opIndex(op);
  const int a = algoIndex(algorithm);
  const int p = protoIndex(protocol);
  return c < 0 || a < 0 || p < 0 ? 0.0 : latency_[c][a][p];
}

std::optional<Duration> NcclTuner::predict(CollectiveOp op, Algorithm algorithm, Protocol protocol,
                                           Bytes size) const {
  double bw = bandwidthGBps(op, algorithm, protocol);
  if (bw <= 0.0) return std::nullopt;
  double lat = latencyUs(op, algorithm, protocol);
  const std::int64_t nBytes = size.count();
  const int logSize = log2i(nBytes >> 6);
  const int p = protoIndex(protocol);
  if (algorithm == Algorithm::Tree && op == CollectiveOp::AllReduce && logSize >= 0 && logSize < 23) {
    bw *= kTreeCorrection[p][logSize];
  }
  if (algorithm == Algorithm::NvlsTree && op == CollectiveOp::AllReduce && logSize >= 0 && logSize < 24 &&
      topology_.architecture() == models::GpuArchitecture::Blackwell) {
    bw *= kTreeCorrection[p][logSize];
  }
  if (algorithm == Algorithm::Ring && protocol == Protocol::Simple && topology_.servers() > 1 &&
      op == CollectiveOp::AllReduce &&
      nBytes / (static_cast<std::int64_t>(topology_.collChannels()) * topology_.ranks()) >= 64) {
    lat *= topology_.architecture() == models::GpuArchitecture::Volta ? 1.9 : 1.4;  // plateau effect of ring
  }
  return microseconds(lat + static_cast<double>(nBytes) / (1000.0 * bw));
}

int NcclTuner::channelsFor(Algorithm algorithm, Protocol protocol, Bytes size) const {
  if (algorithm == Algorithm::Nvls && topology_.servers() > 1) {
    return std::max(1, std::min(topology_.nvlsChannels(), topology_.collChannels()));
  }
  if (algorithm == Algorithm::Nvls || algorithm == Algorithm::NvlsTree) {
    return std::max(1, topology_.nvlsChannels());
  }
  if (algorithm == Algorithm::CollNet) {
    // CollNet channel tuning: fewer channels below channels x threads x heads x threshold.
    const std::int64_t heads = std::max(1, topology_.collnetDirectGraph().channels);
    std::int64_t threshold = kCollNetThreshold;
    int nc = topology_.collChannels();
    bool fewer = true;
    for (int ncSwitch = 16; ncSwitch >= 1 && fewer; ncSwitch /= 2) {
      while ((fewer = size.count() < nc * kMaxThreads * heads * threshold) && nc > ncSwitch) {
        if (nc == ncSwitch + ncSwitch / 2) threshold /= 2;
        --nc;
      }
    }
    return nc;
  }
  const int p = protoIndex(protocol);
  if (p < 0 || (algorithm != Algorithm::Ring && algorithm != Algorithm::Tree && algorithm != Algorithm::CollNetChain)) {
    return 1;
  }
  int threads = p == kLL ? kLlMaxThreads : p == kLL128 ? kLl128MaxThreads : kSimpleMaxThreads;
  if (algorithm == Algorithm::CollNetChain) threads = kMaxThreads;
  if (algorithm == Algorithm::Ring && p == kSimple) {
    const NcclGraph& ring = topology_.ringGraph();
    threads = ring.bwIntra * ring.channels <= kPciBw ? 256 : kSimpleMaxThreads;
  }
  std::int64_t threshold = algorithm == Algorithm::CollNetChain ? kCollNetThreshold : kThreadThreshold[p];
  if (algorithm == Algorithm::Ring && p == kLL) threshold *= topology_.ranks();
  int nc = topology_.collChannels();
  while (size.count() < static_cast<std::int64_t>(nc) * threads * threshold && nc >= 2) --nc;
  return nc;
}

NcclChoice NcclTuner::choose(CollectiveOp op, Bytes size, Algorithm algorithm, Protocol protocol,
                             int channels) const {
  NcclChoice best;
  if (opIndex(op) < 0) {
    // Point-to-point (all-to-all, send-recv): NCCL uses LL up to
    // NCCL_P2P_LL_THRESHOLD = 16 KiB per peer, Simple above (src/enqueue.cc).
    best.algorithm = algorithm != Algorithm::Auto ? algorithm
                     : op == CollectiveOp::AllToAll ? Algorithm::Pxn
                                                    : Algorithm::Ring;
    const int peers = op == CollectiveOp::AllToAll ? std::max(1, topology_.ranks()) : 1;
    const bool small = size.count() / peers <= 16 * 1024;
    best.protocol = protocol != Protocol::Auto ? protocol : small ? Protocol::LL : Protocol::Simple;
    best.channels = channels > 0 ? channels : 1;
    return best;
  }
  if (!topology_.uniform()) {
    throw std::invalid_argument(fmt::format(
        "NCCL schedules need the same number of ranks on every server ({} servers here differ); use a flat-* "
        "algorithm",
        topology_.servers()));
  }
  double bestTime = std::numeric_limits<double>::max();
  bool found = false;
  for (int a = 0; a < kAlgorithms; ++a) {
    if (algorithm != Algorithm::Auto && kAlgorithmOf[a] != algorithm) continue;
    if (algorithm == Algorithm::Auto && !collnetEnable_ && needsCollnet(kAlgorithmOf[a])) continue;
    for (int p = 0; p < kProtocols; ++p) {
      if (protocol != Protocol::Auto && kProtocolOf[p] != protocol) continue;
      const std::optional<Duration> time = predict(op, kAlgorithmOf[a], kProtocolOf[p], size);
      if (!time) continue;
      const double us = static_cast<double>(time->ps()) * 1e-6;
      if (us < bestTime) {
        bestTime = us;
        best.algorithm = kAlgorithmOf[a];
        best.protocol = kProtocolOf[p];
        best.predicted = *time;
        found = true;
      }
    }
  }
  if (!found) {
    std::string why;
    if (!topology_.nvlsCapable() && (algorithm == Algorithm::Nvls || algorithm == Algorithm::NvlsTree)) {
      why = ", no NVLS-capable scale-up switch";
    }
    if (needsCollnet(algorithm) && !topology_.collnetCapable()) why += ": " + topology_.collnetUnavailable();
    throw std::invalid_argument(
        fmt::format("NCCL has no {} {} with protocol {} on this topology ({} servers x {} GPUs{})", toString(op),
                    toString(algorithm), toString(protocol), topology_.servers(), topology_.ranksPerServer(), why));
  }
  best.channels = channels > 0 ? channels : channelsFor(best.algorithm, best.protocol, size);
  return best;
}

NcclHopCosts NcclTuner::hopCosts(CollectiveOp op, Algorithm algorithm, Protocol protocol) const {
  NcclHopCosts c;
  const int p = protoIndex(protocol);
  if (p < 0) return c;
  const NcclTopology& t = topology_;
  const int intraHw = t.scaleUp() ? kNvlink : kPci;
  const bool multi = t.servers() > 1;
  const bool onePerServer = t.ranksPerServer() == 1;
  switch (algorithm) {
    case Algorithm::Tree:
      c.base = microseconds(kBaseLatency[kTree][p]);
      c.intra = microseconds(kHwLatency[intraHw][kTree][p]);
      c.inter = microseconds(kHwLatency[kNet][kTree][p]);
      break;
    case Algorithm::Nvls:
      c.base = microseconds(kHwLatency[kNvlink][kNvls][kSimple]);
      if (multi) c.inter = microseconds(kHwLatency[kNet][kNvls][kSimple]);
      break;
    case Algorithm::CollNet: {
      // Scatter to the heads and broadcast back each cost one intra hop;
      // the head's send into the network the inter latency.
      const double ppn = std::max(1, t.ranksPerServer());
      c.intra = microseconds(std::min(1.0, ppn - 1) * kHwLatency[intraHw][kCollNetDirect][kSimple] +
                             (ppn - 1) * kCollNetArityUs);
      c.inter = microseconds(kHwLatency[kNet][onePerServer ? kTree : kCollNetDirect][kSimple]);
      break;
    }
    case Algorithm::CollNetChain:
      c.intra = microseconds(kHwLatency[intraHw][kCollNetChain][kSimple]);
      c.inter = microseconds(kHwLatency[kNet][onePerServer ? kTree : kCollNetChain][kSimple]);
      break;
    case Algorithm::NvlsTree:
      c.base = microseconds(kHwLatency[kNvlink][kNvlsTree][kSimple]);
      c.inter = microseconds(kHwLatency[kNet][kNvlsTree][kSimple]);
      break;
    default: {
      // Ring, and point-to-point with the ring's figures.
      c.base = microseconds(kBaseLatency[kRing][p]);
      double intra = kHwLatency[intraHw][kRing][p];
      const bool rooted = op == CollectiveOp::Broadcast || op == CollectiveOp::Reduce;
      if (multi && !rooted && algorithm == Algorithm::Ring) {
        intra = std::max(intra, kNetOverheadUs * (p == kSimple ? 3 : 1));
      }
      c.intra = microseconds(intra);
      c.inter = microseconds(onePerServer ? kHwLatency[kNet][kTree][p] : kHwLatency[kNet][kRing][p]);
      break;
    }
  }
  return c;
}

}  // namespace ofe::traffic
