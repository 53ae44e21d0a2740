#pragma once
/// @file LinkEvent.h
/// @brief A link going down or coming up during a run (an OCS reconfiguration, later a fault).

#include "topology/Ids.h"
#include "units/Duration.h"

namespace ofe::topology {

/// At simulated time `at`, link `link` goes down (`up` false: everything it
/// carries from then on is lost) or comes up. Engines recompute routing
/// `reroute_delay` after each change (models::EngineSettings::rerouteDelay).
struct LinkEvent {
  Duration at;
  LinkId link = kNoLink;
  bool up = false;
};

}  // namespace ofe::topology
