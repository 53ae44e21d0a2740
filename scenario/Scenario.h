#pragma once
/// @file Scenario.h
/// @brief A loaded scenario: the built fabric, its sites, jobs, settings and targets.

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "models/Catalog.h"
#include "models/EngineSettings.h"
#include "scenario/CircuitSwitchLayerSpec.h"
#include "scenario/ExplicitLink.h"
#include "scenario/FabricSpec.h"
#include "scenario/InterSiteLinkSpec.h"
#include "scenario/Site.h"
#include "scenario/Targets.h"
#include "topology/Fabric.h"
#include "topology/Node.h"
#include "traffic/JobSpec.h"

namespace ofe::scenario {

/// Everything a scenario file describes, resolved: defaults filled in, names
/// checked, the fabric built. Produced by ScenarioLoader; the spec members
/// (sites, fabrics, ...) keep the inputs so the scenario can be written back.
struct Scenario {
  std::string name;
  std::string description;
  std::string sourcePath;  ///< file it was loaded from, or the display name of a string
  std::uint64_t seed = models::EngineSettings{}.seed;  ///< default for simulation.seed
  std::string currency = "USD";  ///< unit of every site's electricity price

  models::Catalog catalog = models::Catalog::builtin();  ///< builtin plus the scenario's entries
  /// Names the scenario added or overrode, per catalog section ("modules", "fibres", ...).
  std::map<std::string, std::vector<std::string>> catalogEntries;

  std::vector<Site> sites;
  std::vector<FabricSpec> fabrics;
  std::vector<CircuitSwitchLayerSpec> circuitSwitchLayers;
  std::vector<InterSiteLinkSpec> interSiteLinks;
  std::vector<topology::Node> nodes;  ///< the explicit `nodes` entries
  std::vector<ExplicitLink> links;    ///< the explicit `links` entries
  topology::Fabric fabric;            ///< everything above, built

  std::vector<traffic::JobSpec> jobs;
  models::EngineSettings settings;
  Targets targets;

  /// Every topology change the fabric schedules (OCS layers' reconfigurations), in time order.
  std::vector<topology::LinkEvent> linkEvents() const {
    std::vector<topology::LinkEvent> out;
    for (const CircuitSwitchLayerSpec& layer : circuitSwitchLayers) {
      out.insert(out.end(), layer.part.linkEvents.begin(), layer.part.linkEvents.end());
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const topology::LinkEvent& a, const topology::LinkEvent& b) { return a.at < b.at; });
    return out;
  }

  /// The site called @p name, or nullptr.
  const Site* site(const std::string& siteName) const {
    for (const Site& s : sites) {
      if (s.name == siteName) return &s;
    }
    return nullptr;
  }
};

}  // namespace ofe::scenario
