#pragma once
/// @file TransferPath.h
/// @brief The links a transfer crossed: recorded by the engine when it can, else the routing's
/// choice.

#include <type_traits>
#include <utility>
#include <vector>

#include "topology/Fabric.h"
#include "topology/Routing.h"

namespace ofe::analysis {

/// A GPU-to-GPU path: nodes[0] is the source, nodes.back() the destination,
/// links[i] joins nodes[i] and nodes[i + 1].
struct TransferPath {
  std::vector<topology::NodeId> nodes;
  std::vector<topology::LinkId> links;
  /// True when the engine recorded the path; false when it is the routing's
  /// first equal-cost choice at every hop (see routedPath).
  bool recorded = false;

  bool empty() const { return links.empty(); }
};

/// The path from @p src to GPU @p dst taking, at every hop, the first of the
/// equal-cost next hops (Routing::nextHops()[0]). The packet engine spreads
/// flows over the others by hash, so this is the path a transfer took only
/// when there is no choice; on symmetric fabrics (fat-tree, Clos, rail pod)
/// every choice has the same links' figures, which is what the latency
/// breakdown needs. Empty when @p dst is unreachable.
TransferPath routedPath(const topology::Fabric& fabric, const topology::Routing& routing,
                        topology::NodeId src, topology::NodeId dst);

/// The one-link path from @p src to the adjacent node @p dst (the first link
/// that is up between them), for transfers a switch ends: NVLS reduction and
/// multicast, in-network reduction (SHARP). Empty when they are not linked.
TransferPath linkPath(const topology::Fabric& fabric, topology::NodeId src, topology::NodeId dst);

/// True when an end of the transfer @p src -> @p dst is a switch, so it crosses one link only.
bool endsAtSwitch(const topology::Fabric& fabric, topology::NodeId src, topology::NodeId dst);

/// The path that starts at @p src and follows @p links (ids in order), marked recorded.
TransferPath pathFromLinks(const topology::Fabric& fabric, topology::NodeId src,
                           const std::vector<topology::LinkId>& links);

namespace detail {
/// True when an engine result type carries the links its transfer crossed (a `path` member).
template <typename Result, typename = void>
struct HasRecordedPath : std::false_type {};
template <typename Result>
struct HasRecordedPath<Result, std::void_t<decltype(std::declval<const Result&>().path.begin())>>
    : std::true_type {};
}  // namespace detail

/// The path of one transfer. core::TransferResult does not record paths yet;
/// when it gains a `path` member (link ids in order), that recorded path is
/// used and this needs no change. Until then: routedPath(src, dst).
template <typename Result>
TransferPath transferPath(const topology::Fabric& fabric, const topology::Routing& routing,
                          topology::NodeId src, topology::NodeId dst, const Result& result) {
  if constexpr (detail::HasRecordedPath<Result>::value) {
    if (result.path.begin() != result.path.end()) {
      return pathFromLinks(fabric, src,
                           std::vector<topology::LinkId>(result.path.begin(), result.path.end()));
    }
  }
  return routedPath(fabric, routing, src, dst);
}

/// True when the engine's results carry recorded paths (see transferPath).
template <typename Result>
constexpr bool pathsAreRecorded() {
  return detail::HasRecordedPath<Result>::value;
}

}  // namespace ofe::analysis
