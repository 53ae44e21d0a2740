#pragma once
/// @file Site.h
/// @brief A data-centre site: where fabrics stand and what running them costs.

#include <optional>
#include <string>
#include <vector>

#include "topology/Ids.h"
#include "topology/MultiSiteComposer.h"

namespace ofe::scenario {

/// One site of a scenario. `pue` and `electricityPrice` feed the power and cost reports.
struct Site {
  std::string name;
  std::string region;             ///< free text, e.g. "Ningxia hub"
  double pue = 1.0;               ///< power usage effectiveness: facility / IT power
  double electricityPrice = 0.0;  ///< per kWh, in the scenario's currency
  std::optional<topology::BorderParams> border;  ///< border switches joining this site to others
  std::vector<topology::NodeId> borderSwitches;  ///< filled in by the loader
};

}  // namespace ofe::scenario
