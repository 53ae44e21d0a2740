#pragma once
/// @file CollectiveNames.h
/// @brief Stable text names of collective operations, algorithms and placements.

#include <string_view>

#include "traffic/JobSpec.h"

namespace ofe::traffic {

/// "all-reduce", "all-gather", "reduce-scatter", "all-to-all", "broadcast", "reduce", "send-recv".
const char* toString(CollectiveOp op);
/// "ring", "double-binary-tree", "halving-doubling", "direct", "hierarchical".
const char* toString(Algorithm algorithm);
/// "contiguous", "rail-aligned", "random".
const char* toString(Placement placement);

/// Inverse of toString; also accepts '_' for '-' ("all_reduce").
/// @throws std::invalid_argument naming the accepted values.
CollectiveOp parseCollectiveOp(std::string_view text);
/// @copydoc parseCollectiveOp
Algorithm parseAlgorithm(std::string_view text);
/// @copydoc parseCollectiveOp
Placement parsePlacement(std::string_view text);

}  // namespace ofe::traffic
