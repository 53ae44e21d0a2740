#pragma once
/// @file SubmarineCableBuilder.h
/// @brief Submarine cable: landing stations, repeaters every 50-90 km, fibre pairs.

#include <string>

#include "models/LineSettings.h"
#include "topology/BuiltPart.h"
#include "topology/Fabric.h"
#include "units/Length.h"

namespace ofe::topology {

/// Parameters of a submarine system between two border switches. Route:
/// from -(backhaul)- landing A -(wet segment, repeaters)- landing B -(backhaul)- to.
/// The wet segment has ceil(wetLength / repeaterSpacing) - 1 repeaters.
struct SubmarineCableParams {
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  Length wetLength = Length::kilometres(12800);  ///< PLCN LA-HK (see docs/catalog.md)
  Length repeaterSpacing = Length::kilometres(60);
  Length backhaulA = Length::kilometres(0);
  Length backhaulB = Length::kilometres(0);
  int fibrePairs = 1;           ///< each pair is one link
  int wavelengthsPerPair = 1;   ///< channels bundled in each link
  std::string name = "cable";
  std::string module = "subsea-100G";  ///< PLCN's 100G per wavelength: 400G DP-16QAM does not close 12,800 km
  std::string fibre = "smf-subsea";
  std::string repeaterModel = "submarine-repeater";
  models::LineSettings line;    ///< launch power, grid, band, booster/preamplifier: the QoT model's inputs
};

/// Adds 2 landing stations ("<name>/landingA", "<name>/landingB"), the
/// repeaters ("<name>/repeater<r>"), and fibrePairs links.
/// @throws std::invalid_argument on an empty name, non-packet or equal ends,
/// non-positive lengths or counts, unknown catalog names, or when the ends
/// lack wavelengthsPerPair x fibrePairs free ports.
BuiltPart buildSubmarineCable(Fabric& fabric, const SubmarineCableParams& params);

}  // namespace ofe::topology
