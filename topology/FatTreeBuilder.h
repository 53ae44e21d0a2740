#pragma once
/// @file FatTreeBuilder.h
/// @brief k-ary fat-tree (Al-Fares et al.): k pods, k^3/4 hosts, 5k^2/4 switches.

#include <string>

#include "topology/BuiltPart.h"
#include "topology/Fabric.h"
#include "units/Length.h"

namespace ofe::topology {

/// Parameters of a k-ary fat-tree. Hosts are GPUs, one NIC each.
struct FatTreeParams {
  int k = 4;                              ///< even, >= 2
  std::string site = "dc";
  std::string prefix;                     ///< node-name prefix; defaults to site
  std::string switchModel = "51.2T-128x400G";
  std::string gpuModel = "h100-sxm";
  std::string hostModule = "400G-SR4";    ///< GPU NIC - edge
  std::string fabricModule = "400G-DR4";  ///< edge - aggregation - core
  std::string hostFibre = "mmf-om4";
  std::string fabricFibre = "smf-1310";
  Length hostLength = Length::metres(3);
  Length edgeAggLength = Length::metres(30);
  Length aggCoreLength = Length::metres(100);
};

/// Adds the fat-tree to @p fabric: k^3/4 GPUs, k^2/2 edge (tier 0), k^2/2
/// aggregation (tier 1), (k/2)^2 core (tier 2) switches and 3k^3/4 links.
/// @throws std::invalid_argument when k is odd or < 2, the switch model has
/// fewer than k ports, or a catalog name is unknown.
BuiltPart buildFatTree(Fabric& fabric, const FatTreeParams& params);

}  // namespace ofe::topology
