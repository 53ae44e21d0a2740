#pragma once
/// @file Fabric.h
/// @brief The fabric graph: nodes, links and the catalog their models come from.

#include <boost/graph/adjacency_list.hpp>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/Catalog.h"
#include "topology/Link.h"
#include "topology/Node.h"

namespace ofe::topology {

/// A fabric: packet nodes joined by links, plus the passive optical sites
/// those links pass through. Node and link ids are dense indices; a Boost.Graph
/// view (vertex = NodeId, edge property = LinkId) serves graph algorithms.
class Fabric {
 public:
  /// Undirected Boost view; every link is one edge whose edge_index is its LinkId.
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                      boost::property<boost::edge_index_t, LinkId>>;

  explicit Fabric(models::Catalog catalog = models::Catalog::builtin());

  /// Adds @p node (its id is assigned). @throws std::invalid_argument on a duplicate
  /// name, or when `model` is not in the catalog for the node's kind.
  NodeId addNode(Node node);
  /// Joins packet nodes @p a and @p b. @throws std::invalid_argument when an end is
  /// not a packet node, a `via` is not passive, or a catalog name is unknown.
  LinkId addLink(NodeId a, NodeId b, const LinkSpec& spec);
  /// Marks a link failed (or repaired). Routing must be recomputed afterwards.
  void setLinkUp(LinkId id, bool up);

  const Node& node(NodeId id) const { return nodes_.at(id); }
  const Link& link(LinkId id) const { return links_.at(id); }
  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Link>& links() const { return links_; }
  std::size_t nodeCount() const { return nodes_.size(); }
  std::size_t linkCount() const { return links_.size(); }
  /// Links touching @p id, in insertion order.
  const std::vector<LinkId>& linksOf(NodeId id) const { return incident_.at(id); }
  std::optional<NodeId> findNode(const std::string& name) const;
  /// The scale-up domain of GPU @p gpu: the lowest-numbered NodeKind::ScaleUpSwitch
  /// it links to over a link that is up, or kNoNode.
  NodeId scaleUpSwitchOf(NodeId gpu) const;
  /// Node ids of one kind, ascending.
  std::vector<NodeId> nodesOfKind(NodeKind kind) const;
  /// Number of nodes of one kind.
  std::size_t countOf(NodeKind kind) const;

  const Graph& graph() const { return graph_; }
  const models::Catalog& catalog() const { return catalog_; }

 private:
  models::Catalog catalog_;
  std::vector<Node> nodes_;
  std::vector<Link> links_;
  std::vector<std::vector<LinkId>> incident_;
  std::unordered_map<std::string, NodeId> byName_;
  Graph graph_;
};

}  // namespace ofe::topology
