#pragma once
/// @file ExplicitLink.h
/// @brief One `links` entry: a link between two named nodes.

#include <string>

#include "topology/Link.h"

namespace ofe::scenario {

/// A hand-placed link; `spec` carries module, fibre, length and channels.
struct ExplicitLink {
  std::string from;  ///< node name
  std::string to;    ///< node name
  topology::LinkSpec spec;
};

}  // namespace ofe::scenario
