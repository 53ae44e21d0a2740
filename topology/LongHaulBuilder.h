#pragma once
/// @file LongHaulBuilder.h
/// @brief Terrestrial long-haul route: amplified fibre spans between two packet nodes.

#include <string>

#include "models/LineSettings.h"
#include "topology/BuiltPart.h"
#include "topology/Fabric.h"
#include "units/Length.h"

namespace ofe::topology {

/// Parameters of a terrestrial route between two border switches. The route
/// is cut into ceil(distance / amplifierSpacing) equal spans with an amplifier
/// site between consecutive spans; every roadmEvery-th site is a ROADM instead.
struct LongHaulParams {
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  Length distance = Length::kilometres(1500);  ///< fibre route length (not great-circle)
  Length amplifierSpacing = Length::kilometres(80);
  int roadmEvery = 0;           ///< 0: no intermediate ROADMs
  int channels = 1;             ///< wavelengths (module pairs) carried, bundled as one link
  int parallelLinks = 1;        ///< separate links (fibre pairs) over the same route
  std::string name;             ///< route name for the sites' names, e.g. "zhongwei-shanghai"
  std::string module = "400G-LH";  ///< coherent long-haul transponder (400ZR+ reaches ~1,000 km)
  std::string fibre = "smf";
  std::string amplifierModel = "edfa-std-high-gain";
  models::LineSettings line;    ///< launch power, grid, band, booster/preamplifier: the QoT model's inputs
};

/// Adds the amplifier/ROADM nodes (site = name, named "<name>/amp<s>" or
/// "<name>/roadm<s>" for site s = 0 .. spans-2) and the link(s).
/// @throws std::invalid_argument on an empty name, non-packet or equal ends,
/// non-positive lengths or counts, unknown catalog names, or when the ends
/// lack channels x parallelLinks free ports.
BuiltPart buildLongHaul(Fabric& fabric, const LongHaulParams& params);

}  // namespace ofe::topology
