#pragma once
/// @file JobSpec.h
/// @brief What a scenario's workload section asks for: jobs running collectives.

#include <cstdint>
#include <string>
#include <vector>

#include "units/Bytes.h"
#include "units/Duration.h"

namespace ofe::traffic {

/// Collective operations, named as in NCCL / nccl-tests.
enum class CollectiveOp { AllReduce, AllGather, ReduceScatter, AllToAll, Broadcast, Reduce, SendRecv };

/// How a collective is decomposed into point-to-point transfers.
enum class Algorithm {
  Ring,              ///< pipelined ring (reduce-scatter + all-gather for all-reduce)
  DoubleBinaryTree,  ///< NCCL-style two complementary trees, pipelined
  HalvingDoubling,   ///< recursive halving-doubling (Rabenseifner)
  Direct,            ///< every rank to every rank at once
  Hierarchical,      ///< scale-up domain first, rail-aware inter-server ring, then scale-up again
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
  Algorithm algorithm = Algorithm::Ring;
  Bytes minBytes = Bytes(1 << 20);
  Bytes maxBytes = Bytes(1 << 20);
  int iterations = 1;  ///< repetitions of each size, run back to back
  int chunks = 0;      ///< pipeline chunks per step; 0 lets the algorithm choose
  int root = 0;        ///< broadcast/reduce root rank
};

/// A training/inference job: ranks placed on GPUs, running collectives in order.
struct JobSpec {
  std::string name;
  int ranks = 8;
  Placement placement = Placement::Contiguous;
  std::uint64_t seed = 1;           ///< for Placement::Random
  std::vector<std::string> gpus;    ///< explicit GPU node names; overrides placement when set
  Duration start;                   ///< when the job's first collective may begin
  std::vector<CollectiveSpec> collectives;
};

}  // namespace ofe::traffic
