#pragma once
/// @file ClosBuilder.h
/// @brief Leaf-spine and leaf-spine-superspine Clos with a chosen oversubscription.

#include <string>

#include "topology/BuiltPart.h"
#include "topology/Fabric.h"
#include "units/Length.h"

namespace ofe::topology {

/// Parameters of a 2- or 3-tier Clos. Leaf uplinks = gpusPerLeaf x host rate /
/// (oversubscription x fabric rate), spread evenly over the pod's spines.
struct ClosParams {
  int pods = 1;                 ///< > 1 needs superspines
  int leavesPerPod = 4;
  int spinesPerPod = 2;
  int gpusPerLeaf = 8;
  double oversubscription = 1.0;       ///< leaf downlink : uplink capacity, >= 1
  int superspines = 0;                 ///< 0 for two tiers
  double spineOversubscription = 1.0;  ///< spine down : up capacity when superspines > 0
  std::string site = "dc";
  std::string prefix;
  std::string switchModel = "51.2T-128x400G";
  std::string gpuModel = "h100-sxm";
  std::string hostModule = "400G-SR4";
  std::string fabricModule = "400G-DR4";
  std::string hostFibre = "mmf-om4";
  std::string fabricFibre = "smf-1310";
  Length hostLength = Length::metres(3);
  Length leafSpineLength = Length::metres(50);
  Length spineSuperspineLength = Length::metres(200);
};

/// Adds the Clos. @throws std::invalid_argument when the uplink count is not a
/// whole multiple of the spine count, or a switch would exceed its radix.
BuiltPart buildClos(Fabric& fabric, const ClosParams& params);

}  // namespace ofe::topology
