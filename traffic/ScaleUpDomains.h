#pragma once
/// @file ScaleUpDomains.h
/// @brief Which GPUs share a server (scale-up domain), for placement and hierarchical algorithms.

#include <vector>

#include "topology/Fabric.h"

namespace ofe::traffic {

/// The ranks of a job grouped by the scale-up domain of their GPUs. Two GPUs
/// share a domain when they link to the same NodeKind::ScaleUpSwitch
/// (Fabric::scaleUpSwitchOf: the lowest-numbered one over links that are
/// up); a GPU without a scale-up
/// switch belongs to the server named by its (site, pod, rack), or to a domain
/// of its own when its rack is unknown (-1).
class ScaleUpDomains {
 public:
  /// Every GPU of @p fabric grouped by domain; domains ordered by their lowest
  /// GPU id, GPUs within a domain by (slot, id), so position = slot on
  /// builder-made servers.
  static std::vector<std::vector<topology::NodeId>> servers(const topology::Fabric& fabric);

  /// Groups @p ranks (GPU of each rank). Domains are ordered by their lowest
  /// rank; ranks within a domain by (GPU slot, rank), so that position i of
  /// every domain sits on the same rail when placement kept slots aligned.
  /// @throws std::invalid_argument when a rank's node is not a GPU of @p fabric.
  static ScaleUpDomains of(const topology::Fabric& fabric, const std::vector<topology::NodeId>& ranks);

  /// Rank indices per domain.
  const std::vector<std::vector<int>>& groups() const { return groups_; }
  /// Index in groups() of the domain holding @p rank.
  int domainOf(int rank) const { return domainOf_.at(static_cast<std::size_t>(rank)); }
  std::size_t size() const { return groups_.size(); }
  /// True when every domain holds the same number of ranks.
  bool uniform() const;

 private:
  std::vector<std::vector<int>> groups_;
  std::vector<int> domainOf_;
};

}  // namespace ofe::traffic
