#pragma once
/// @file Ids.h
/// @brief Typed indices of fabric nodes and links.

#include <cstdint>
#include <limits>

namespace ofe::topology {

/// Index of a node in its Fabric (dense, from 0).
using NodeId = std::uint32_t;
/// Index of a link in its Fabric (dense, from 0).
using LinkId = std::uint32_t;

inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();
inline constexpr LinkId kNoLink = std::numeric_limits<LinkId>::max();

}  // namespace ofe::topology
