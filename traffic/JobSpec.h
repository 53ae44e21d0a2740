#pragma once
/// @file JobSpec.h
/// @brief What a scenario's workload section asks for: jobs running collectives.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "traffic/FlowSpec.h"
#include "units/Bytes.h"
#include "units/Duration.h"

namespace ofe::traffic {

/// Collective operations, named as in NCCL / nccl-tests.
enum class CollectiveOp { AllReduce, AllGather, ReduceScatter, AllToAll, Broadcast, Reduce, SendRecv };

/// How a collective is decomposed into point-to-point transfers. The first
/// group follows NCCL (names and schedules of NCCL 2.30, docs/collectives.md);
/// the second keeps textbook schedules over ranks in rank order.
enum class Algorithm {
  Auto,                  ///< what NCCL's tuning model picks for the op, size and topology
  Ring,                  ///< NCCL rings: several channels, NVLink inside a server, rail-matched NICs across
  Tree,                  ///< NCCL trees: NVLink chains inside servers, double binary tree across servers
  Nvls,                  ///< NVLink SHARP: reduction and multicast in the scale-up switch (one server)
  NvlsTree,              ///< NVLS inside each server, double binary tree between servers
  CollNet,               ///< CollNet Direct: heads reduce over NVLink, SHARP switches reduce across servers
  CollNetChain,          ///< CollNet Chain: an NVLink chain to each head, SHARP switches across servers
  Pxn,                   ///< all-to-all through the GPU on the destination's rail (PCI x NVLink)
  Direct,                ///< every rank to every rank at once
  FlatRing,              ///< one ring in rank order (reduce-scatter + all-gather for all-reduce)
  FlatDoubleBinaryTree,  ///< two complementary binary trees over ranks in rank order, pipelined
  HalvingDoubling,       ///< recursive halving-doubling (Rabenseifner)
  Hierarchical,          ///< scale-up domain first, rail-aware inter-server ring, then scale-up again
};

/// NCCL's wire protocols (src/include/device.h). They apply to the NCCL
/// algorithms (ring, tree, nvls, nvls-tree, collnet, collnet-chain, pxn);
/// flat schedules move raw bytes.
enum class Protocol {
  Auto,    ///< what NCCL's tuning model picks
  LL,      ///< 8-byte flag per 8 data bytes: half the bandwidth, lowest latency
  LL128,   ///< 120 data bytes per 128-byte line
  Simple,  ///< data then a flag per step: full bandwidth, highest latency
};

/// How a job's ranks are mapped onto GPUs of the fabric.
enum class Placement {
  Contiguous,   ///< GPUs in fabric order (server by server)
  RailAligned,  ///< contiguous whole servers, so rank r and r+8 share a rail
  Random,       ///< a seeded random choice of free GPUs
};

/// One collective of a job: a single size (minBytes == maxBytes) or an
/// nccl-tests-style sweep doubling from minBytes to maxBytes. Sizes follow the
/// nccl-tests convention for S (see docs/collectives.md).
struct CollectiveSpec {
  CollectiveOp op = CollectiveOp::AllReduce;
  Algorithm algorithm = Algorithm::Auto;
  Protocol protocol = Protocol::Auto;
  int ncclChannels = 0;  ///< NCCL channels; 0 lets the tuning model choose per size
  Bytes minBytes = Bytes(1 << 20);
  Bytes maxBytes = Bytes(1 << 20);
  int iterations = 1;  ///< repetitions of each size, run back to back after a barrier
  int chunks = 0;      ///< pipeline chunks per step; 0 lets the algorithm choose
  int root = 0;        ///< broadcast/reduce root rank
};

/// A training/inference job: ranks placed on GPUs, running collectives in
/// order; or a traffic matrix (`flows`) over its GPUs instead.
struct JobSpec {
  std::string name;
  int ranks = 8;
  Placement placement = Placement::Contiguous;
  std::uint64_t seed = 1;           ///< for Placement::Random
  std::vector<std::string> gpus;    ///< explicit GPU node names; overrides placement when set
  Duration start;                   ///< when the job's first collective may begin
  /// NCCL_COLLNET_ENABLE=1: `auto` may pick collnet, collnet-chain and nvls
  /// across servers (SHARP reduction in the packet switches), where the
  /// switches can; naming one of them in `algorithm` works without it.
  bool collnet = false;
  std::vector<CollectiveSpec> collectives;
  /// A traffic-matrix job instead of collectives. Its GPUs may also be used
  /// by other jobs (tenants of one cluster share NICs and links).
  std::optional<FlowsSpec> flows;
};

}  // namespace ofe::traffic
