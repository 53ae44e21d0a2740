#pragma once
/// @file DragonflyBuilder.h
/// @brief Dragonfly (Kim et al. 2008): all-to-all groups joined by global links.

#include <string>

#include "topology/BuiltPart.h"
#include "topology/Fabric.h"
#include "units/Length.h"

namespace ofe::topology {

/// Parameters of a dragonfly: g groups of a routers, p GPUs per router, h
/// global links per router. Balanced when a = 2p = 2h; g <= a*h + 1.
struct DragonflyParams {
  int groups = 9;
  int routersPerGroup = 4;
  int gpusPerRouter = 2;
  int globalLinksPerRouter = 2;
  std::string site = "dc";
  std::string prefix;
  std::string switchModel = "51.2T-128x400G";
  std::string gpuModel = "h100-sxm";
  std::string hostModule = "400G-SR4";
  std::string localModule = "400G-DR4";
  std::string globalModule = "400G-DR4";
  std::string hostFibre = "mmf-om4";
  std::string fabricFibre = "smf-1310";
  Length hostLength = Length::metres(3);
  Length localLength = Length::metres(10);
  Length globalLength = Length::metres(100);
};

/// Adds g*a routers (pod = group), g*a*p GPUs, g*a(a-1)/2 local links and
/// g*a*h/2 global links (group pairs joined round-robin, consecutive routers).
/// @throws std::invalid_argument when g > a*h + 1 or g*a*h is odd.
BuiltPart buildDragonfly(Fabric& fabric, const DragonflyParams& params);

}  // namespace ofe::topology
