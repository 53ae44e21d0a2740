#pragma once
/// @file LinkTiers.h
/// @brief Links grouped by the tiers (and sites) of their ends: utilisation heatmap and per-tier
/// queue figures.

#include <string>
#include <vector>

#include "analysis/LinkUsage.h"
#include "topology/Fabric.h"

namespace ofe::analysis {

/// The group a link end belongs to: "gpu", "scale-up", "leaf" (tier 0),
/// "spine" (1), "core" (2), "border" (3), "switch" (a switch without a tier),
/// prefixed with "<site>:" when the fabric spans several sites.
std::string endGroup(const topology::Fabric& fabric, topology::NodeId node, bool withSite);

/// All links whose ends fall in groups {a, b} (a <= b in endGroup order).
struct LinkTier {
  std::string a;
  std::string b;
  std::size_t links = 0;
  Bytes bytes;
  double meanUtilization = 0.0;  ///< mean over the links of LinkUsage::utilization
  double maxUtilization = 0.0;
  topology::LinkId busiest = topology::kNoLink;  ///< link with maxUtilization
  Bytes maxQueue;                                ///< deepest queue of any of its links
  double meanQueueBytes = 0.0;  ///< mean over the links of LinkUsage::meanQueueBytes
  std::uint64_t drops = 0;
  std::uint64_t lost = 0;
  std::uint64_t ecnMarks = 0;
  Duration pfcPaused;  ///< sum over the links of LinkUsage::pfcPaused

  /// "a-b", e.g. "gpu-leaf", "leaf-spine".
  std::string name() const { return a + "-" + b; }
};

/// Tiers of the fabric's links and the groups they join (the heatmap's axes).
struct LinkTiers {
  /// In display order: by site, then gpu, scale-up, leaf, spine, core, border.
  std::vector<std::string> groups;
  std::vector<LinkTier> tiers;          ///< ordered by (a, b) in that order
  std::vector<std::size_t> tierOfLink;  ///< per LinkId: index into `tiers`
  /// Name of the tier of link @p id (LinkTier::name()); empty when unknown.
  std::string tierName(topology::LinkId id) const;
  /// The tier joining @p a and @p b (either order), or nullptr.
  const LinkTier* find(const std::string& a, const std::string& b) const;
};

/// Groups @p usage (one entry per link, as linkUsage returns) by the groups of each link's ends.
LinkTiers linkTiers(const topology::Fabric& fabric, const std::vector<LinkUsage>& usage);

}  // namespace ofe::analysis
