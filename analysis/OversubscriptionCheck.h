#pragma once
/// @file OversubscriptionCheck.h
/// @brief Check: downlink : uplink capacity of the switches of each tier.

#include <optional>
#include <string>
#include <vector>

#include "analysis/CheckResult.h"
#include "topology/Fabric.h"

namespace ofe::analysis {

/// Oversubscription of one switch: capacity towards lower tiers and GPUs over
/// capacity towards higher tiers, counting up links only.
struct SwitchOversubscription {
  topology::NodeId node = topology::kNoNode;
  DataRate down;
  DataRate up;
  double ratio = 0.0;  ///< down / up
};

/// Summary of one tier (Node::tier) over its switches that have uplinks, or of
/// the border switches (those with inter-site links) of every site.
struct TierOversubscription {
  int tier = -1;                                 ///< Node::tier; for the border row, -1
  bool border = false;                           ///< the data-centre interconnect row
  std::string label;                             ///< "tier 0", ..., or "border"
  std::vector<SwitchOversubscription> switches;  ///< ascending node id
  double max = 0.0;
  double median = 0.0;  ///< mean of the two middle values for an even count
};

/// Per-tier oversubscription of the packet switches with a tier (>= 0) and at
/// least one up uplink, over up links only.
///
/// A border switch is one with a link to a node of another site. Its own ratio
/// is the interconnect's: every same-site neighbour is "down", every other-site
/// link "up"; all border switches form one "border" row. For the other
/// switches a neighbour is "down" when it is a GPU or a packet switch of a lower
/// tier, "up" when a packet switch of a higher tier that is not a border switch:
/// a spine's links to the border feed the interconnect, whose ratio is the
/// border row, so they do not make the spine look oversubscribed. Links within
/// a tier and to scale-up switches are ignored. Tiers ascending, border last.
std::vector<TierOversubscription> oversubscriptionByTier(const topology::Fabric& fabric);

/// WARN when any switch exceeds 1:1 (informational: deliberate in many designs),
/// FAIL when one exceeds @p maxRatio. Offenders: the switches over the limit in force.
/// Metrics: tier<N>_max and tier<N>_median for each tier, border_max and
/// border_median for the border row (ratio).
CheckResult checkOversubscription(const topology::Fabric& fabric,
                                  std::optional<double> maxRatio = std::nullopt);

}  // namespace ofe::analysis
