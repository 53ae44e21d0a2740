#pragma once
/// @file MultiSiteComposer.h
/// @brief Joins site fabrics through border switches and long-haul links.

#include <string>
#include <vector>

#include "topology/BuiltPart.h"
#include "topology/Fabric.h"
#include "topology/LongHaulBuilder.h"
#include "topology/SubmarineCableBuilder.h"
#include "units/Length.h"

namespace ofe::topology {

/// Border switches added to one site, each linked to every top-tier switch of it.
struct BorderParams {
  int borderSwitches = 2;
  int linksPerTopSwitch = 1;         ///< links from each border switch to each top switch
  std::string switchModel = "51.2T-128x400G";  ///< same port speed as the default spines
  std::string module = "400G-DR4";
  std::string fibre = "smf-1310";
  Length length = Length::metres(300);
};

/// Adds border switches (tier 3, site = part.site) to a built site and links
/// them to part.top. They are named "<site>/border<n>", numbering on from any
/// border switches the site already has. Returns the border switch ids.
std::vector<NodeId> addBorderSwitches(Fabric& fabric, const BuiltPart& part, const BorderParams& params);

/// Terrestrial route between every border switch pair of two sites, in order
/// (border i of A to border i of B); `route.from/to` are filled in and route i
/// is named "<route.name>-<i>", so its sites are "<route.name>-<i>/amp<s>".
BuiltPart connectSitesOverland(Fabric& fabric, const std::vector<NodeId>& bordersA,
                               const std::vector<NodeId>& bordersB, LongHaulParams route);

/// Submarine cable between border i of A and border i of B for every i; cable i
/// is named "<cable.name>-<i>" (its own landing stations and repeaters).
BuiltPart connectSitesSubsea(Fabric& fabric, const std::vector<NodeId>& bordersA,
                             const std::vector<NodeId>& bordersB, SubmarineCableParams cable);

}  // namespace ofe::topology
