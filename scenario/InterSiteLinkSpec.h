#pragma once
/// @file InterSiteLinkSpec.h
/// @brief One `inter_site_links` entry: a long-haul route or submarine cable between two sites.

#include <string>
#include <variant>

#include "topology/BuiltPart.h"
#include "topology/LongHaulBuilder.h"
#include "topology/SubmarineCableBuilder.h"

namespace ofe::scenario {

/// Parameters of whichever kind of inter-site link an entry names.
using InterSiteParams = std::variant<topology::LongHaulParams, topology::SubmarineCableParams>;

/// Joins the border switches of site `from` to those of site `to`, pairwise.
struct InterSiteLinkSpec {
  std::string kind;  ///< "long-haul" or "submarine"
  std::string from;  ///< site name
  std::string to;    ///< site name
  InterSiteParams params;  ///< from/to node ids are set by the composer
  topology::BuiltPart part;
};

}  // namespace ofe::scenario
