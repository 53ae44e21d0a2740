#pragma once
// The ofe packet core on the benchmark fabrics.

#include <cstdint>

#include "bench/BenchPart.h"

namespace ofe::bench {

/// One transfer of @p bytes over gpu - sw - sw - sw - gpu at 100 Gbps (the
/// stock chain's rate and about its latency). Wall time covers
/// PacketEngine::run (ns-3 set-up included).
BenchPart runOfeChain(std::int64_t bytes);

/// A k-ary fat-tree (buildFatTree defaults: 400G links) where GPU i sends
/// @p bytes to GPU perm(i), a seeded derangement.
BenchPart runOfeFatTree(int k, std::int64_t bytes);

/// The transport issue's workload: a k-ary fat-tree of 100G links
/// (100G-LR4 modules; k = 16: 1,024 GPUs, 320 switches) where every GPU
/// sends one flow of @p bytes to another (a seeded random permutation,
/// traffic::expandFlows), MTU 4000 B, packets sprayed. htsim's NDP on the
/// same k = 16 permutation of 2,000,000 B flows: docs/benchmark.md.
BenchPart runOfePermutation(int k, std::int64_t bytes);

}  // namespace ofe::bench
