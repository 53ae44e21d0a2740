#pragma once
/// @file RailPodBuilder.h
/// @brief Rail-optimised GPU pod (DGX SuperPOD-like): one leaf per rail per scalable unit.

#include <string>

#include "topology/BuiltPart.h"
#include "topology/Fabric.h"
#include "units/Length.h"

namespace ofe::topology {

/// Parameters of a rail-optimised pod. GPU i of every server connects to the
/// rail-i leaf of its scalable unit (SU); every leaf connects to every spine.
/// NVIDIA's H100 reference: 32 servers per SU, 8 rails, 4 SUs = 32 leaves and
/// 16 spines of 64 x 400G (docs.nvidia.com/dgx-superpod, see docs/catalog.md).
struct RailPodParams {
  int scalableUnits = 1;
  int serversPerUnit = 32;
  int gpusPerServer = 8;      ///< = rails = leaves per SU
  int spines = 0;             ///< 0: enough for 1:1 (leaves x downlinks / spine radix, rounded up to a divisor of serversPerUnit)
  bool scaleUp = true;        ///< add one NVSwitch-class node per server with scale-up links
  std::string site = "dc";
  std::string prefix;
  std::string switchModel = "qm9700-64x400G";
  std::string scaleUpSwitchModel = "nvswitch-gen4";
  std::string gpuModel = "h100-sxm";
  std::string hostModule = "400G-SR4";
  std::string fabricModule = "400G-DR4";
  std::string scaleUpModule = "nvlink4";
  std::string hostFibre = "mmf-om4";
  std::string fabricFibre = "smf-1310";
  Length hostLength = Length::metres(5);
  Length leafSpineLength = Length::metres(50);
  Length scaleUpLength = Length::metres(1);
  std::string scaleUpFibre = "copper";  ///< medium of the GPU - scale-up switch links
};

/// Adds the pod: SU x servers x gpus GPUs; SU x rails leaves (tier 0, rail set);
/// spines (tier 1); with scaleUp one scale-up switch per server and one link per GPU.
/// @throws std::invalid_argument when spines does not divide serversPerUnit, a
/// leaf or spine would exceed its radix, or a catalog name is unknown.
BuiltPart buildRailPod(Fabric& fabric, const RailPodParams& params);

}  // namespace ofe::topology
