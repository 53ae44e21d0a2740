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

}  // namespace ofe::bench
