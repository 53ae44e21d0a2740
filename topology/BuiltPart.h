#pragma once
/// @file BuiltPart.h
/// @brief What a builder added to a fabric, so composers can join it to more.

#include <string>
#include <vector>

#include "topology/Ids.h"
#include "topology/LinkEvent.h"

namespace ofe::topology {

/// Node ids a builder created, grouped by role.
struct BuiltPart {
  std::string site;
  std::vector<NodeId> gpus;
  std::vector<NodeId> switches;    ///< every packet switch it created (all tiers)
  std::vector<NodeId> top;         ///< highest-tier switches: where border/OCS links attach
  std::vector<NodeId> passive;     ///< amplifiers, repeaters, ROADMs, landing stations, OCS
  std::vector<LinkId> links;
  std::vector<NodeId> scaleUpSwitches;  ///< NVSwitch-class nodes of servers' scale-up domains (not in `switches`)
  std::vector<LinkEvent> linkEvents;    ///< topology changes it schedules (an OCS layer's reconfigurations)
};

}  // namespace ofe::topology
