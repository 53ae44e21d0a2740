#pragma once
/// @file FabricSpec.h
/// @brief One `fabrics` entry: which builder, with which parameters, and what it built.

#include <string>
#include <variant>

#include "topology/BuiltPart.h"
#include "topology/ClosBuilder.h"
#include "topology/DragonflyBuilder.h"
#include "topology/FatTreeBuilder.h"
#include "topology/RailPodBuilder.h"
#include "topology/TorusBuilder.h"

namespace ofe::scenario {

/// The parameters of whichever builder a fabric entry names.
using FabricParams = std::variant<topology::FatTreeParams, topology::ClosParams, topology::RailPodParams,
                                  topology::DragonflyParams, topology::TorusParams>;

/// A fabric built by one of the topology builders.
struct FabricSpec {
  std::string name;     ///< unique among the scenario's fabrics
  std::string builder;  ///< "fat-tree", "clos", "rail-pod", "dragonfly" or "torus"
  FabricParams params;  ///< fully resolved (defaults filled in)
  topology::BuiltPart part;  ///< what the builder added; part.site is the fabric's site
};

}  // namespace ofe::scenario
