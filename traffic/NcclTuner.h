#pragma once
/// @file NcclTuner.h
/// @brief NCCL's tuning model: predicted time of every algorithm x protocol, the choice
///        NCCL makes, its channel count per size, and the latencies it charges per hop.

#include <optional>

#include "traffic/JobSpec.h"
#include "traffic/NcclTopology.h"
#include "units/Bytes.h"
#include "units/Duration.h"

namespace ofe::traffic {

/// What NCCL's latency model charges an algorithm x protocol: once per
/// collective (baseLatencies; for NVLS and NVLS-tree their NVLink latency)
/// and per hop inside a server (NVLink or PCI) or between servers (NET).
struct NcclHopCosts {
  Duration base;
  Duration intra;
  Duration inter;
};

/// An algorithm, protocol and channel count for one collective, with NCCL's
/// predicted time (0 when NCCL's model does not cover the op: all-to-all, send-recv).
struct NcclChoice {
  Algorithm algorithm = Algorithm::Ring;
  Protocol protocol = Protocol::Simple;
  int channels = 1;
  Duration predicted;
};

/// A port of ncclTopoTuneModel, ncclTopoGetAlgoTime and the channel part of
/// topoGetAlgoInfo (NCCL 2.30.7, src/graph/tuning.cc and src/enqueue.cc),
/// fed by an NcclTopology. Covered: ring, tree, CollNet Direct and Chain,
/// NVLS and NVLS-tree with LL, LL128 and Simple for all-reduce; ring for
/// all-gather, reduce-scatter (NVLS for them is computed, then left out, as
/// ofe has no such schedule), broadcast and reduce. CollNet, and NVLS across servers (which reduces across them in
/// the network too), are offered when the topology has SHARP trees; `auto`
/// considers them only with @p collnetEnable (NCCL_COLLNET_ENABLE=1, off by
/// default in NCCL). Assumed as on a DGX H100: x86 Intel hosts (network
/// overhead 1 us), LL128 enabled, balanced trees, no PAT, net latency 0 from
/// the plugin.
class NcclTuner {
 public:
  explicit NcclTuner(const NcclTopology& topology, bool collnetEnable = false);

  /// Algorithm bandwidth NCCL's model assigns (GB/s, comm->bandwidths); 0 when unavailable.
  double bandwidthGBps(CollectiveOp op, Algorithm algorithm, Protocol protocol) const;
  /// Latency NCCL's model assigns (us, comm->latencies).
  double latencyUs(CollectiveOp op, Algorithm algorithm, Protocol protocol) const;
  /// ncclTopoGetAlgoTime for @p size bytes (S, nccl-tests convention); nullopt when unavailable.
  std::optional<Duration> predict(CollectiveOp op, Algorithm algorithm, Protocol protocol, Bytes size) const;
  /// The fastest available algorithm x protocol (ties to NCCL's order: tree, ring,
  /// CollNet Direct, CollNet Chain, NVLS, NVLS-tree; LL, LL128, Simple), restricted to
  /// @p algorithm / @p protocol unless Auto, with the channel count NCCL would use
  /// (@p channels when positive). Auto leaves out what needs CollNet unless enabled.
  /// @throws std::invalid_argument when nothing NCCL offers matches.
  NcclChoice choose(CollectiveOp op, Bytes size, Algorithm algorithm, Protocol protocol, int channels = 0) const;
  /// Channels for @p size: comm->nChannels reduced while size < channels x threads x
  /// threshold (topoGetAlgoInfo; CollNet Direct also counts its heads); nvlsChannels
  /// for NVLS (at most comm->nChannels across servers).
  int channelsFor(Algorithm algorithm, Protocol protocol, Bytes size) const;
  /// What the plan charges per hop for @p algorithm x @p protocol (also for
  /// pxn and direct all-to-all and send-recv, which NCCL runs as point-to-point
  /// with the ring's per-hop latencies; an assumption, see docs/collectives.md).
  NcclHopCosts hopCosts(CollectiveOp op, Algorithm algorithm, Protocol protocol) const;

  const NcclTopology& topology() const { return topology_; }

 private:
  static constexpr int kAlgorithms = 6;  // tree, ring, collnet direct, collnet chain, nvls, nvls-tree
  static constexpr int kProtocols = 3;   // LL, LL128, Simple
  static constexpr int kOps = 5;         // all-reduce, all-gather, reduce-scatter, broadcast, reduce

  void tune();

  /// True when @p algorithm on this topology reduces in the network (SHARP).
  bool needsCollnet(Algorithm algorithm) const;

  NcclTopology topology_;
  bool collnetEnable_ = false;
  double bandwidth_[kOps][kAlgorithms][kProtocols] = {};
  double latency_[kOps][kAlgorithms][kProtocols] = {};
};

}  // namespace ofe::traffic
