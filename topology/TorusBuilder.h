#pragma once
/// @file TorusBuilder.h
/// @brief 2D or 3D torus of switches (one router per position, GPUs attached).

#include <string>
#include <vector>

#include "topology/BuiltPart.h"
#include "topology/Fabric.h"
#include "units/Length.h"

namespace ofe::topology {

/// Parameters of a torus. GPUs do not forward in ofe, so each position holds a
/// router with its GPUs; a dimension of size 2 has one link per pair, not two.
struct TorusParams {
  std::vector<int> dims = {4, 4};  ///< 2 or 3 sizes, each >= 2
  int gpusPerRouter = 1;
  std::string site = "dc";
  std::string prefix;
  std::string switchModel = "51.2T-128x400G";
  std::string gpuModel = "h100-sxm";
  std::string hostModule = "400G-SR4";
  std::string fabricModule = "400G-DR4";
  std::string hostFibre = "mmf-om4";
  std::string fabricFibre = "smf-1310";
  Length hostLength = Length::metres(1);
  Length neighbourLength = Length::metres(5);
};

/// Adds prod(dims) routers and GPUs; per dimension of size d > 2 there are
/// prod(dims) links, for d == 2 prod(dims)/2. Routers are named
/// "<prefix>/router<x>-<y>[-<z>]".
/// @throws std::invalid_argument on bad dims or when a router exceeds its radix.
BuiltPart buildTorus(Fabric& fabric, const TorusParams& params);

}  // namespace ofe::topology
