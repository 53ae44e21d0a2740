#pragma once
/// @file CollectiveNames.h
/// @brief Stable text names of collective operations, algorithms and placements.

#include <string_view>

#include "traffic/JobSpec.h"

namespace ofe::traffic {

/// "all-reduce", "all-gather", "reduce-scatter", "all-to-all", "broadcast", "reduce", "send-recv".
const char* toString(CollectiveOp op);
/// "auto", "ring", "tree", "nvls", "nvls-tree", "pxn", "direct", "flat-ring",
/// "flat-double-binary-tree", "halving-doubling", "hierarchical".
const char* toString(Algorithm algorithm);
/// "auto", "ll", "ll128", "simple".
const char* toString(Protocol protocol);
/// True for the algorithms that follow NCCL (auto, ring, tree, nvls,
/// nvls-tree, pxn) and therefore run with a Protocol; flat schedules do not.
bool isNcclAlgorithm(Algorithm algorithm);
/// "contiguous", "rail-aligned", "random".
const char* toString(Placement placement);

/// Inverse of toString; also accepts '_' for '-' ("all_reduce") and any case ("LL128").
/// @throws std::invalid_argument naming the accepted values.
CollectiveOp parseCollectiveOp(std::string_view text);
/// @copydoc parseCollectiveOp
Algorithm parseAlgorithm(std::string_view text);
/// @copydoc parseCollectiveOp
Placement parsePlacement(std::string_view text);
/// @copydoc parseCollectiveOp
Protocol parseProtocol(std::string_view text);

}  // namespace ofe::traffic
