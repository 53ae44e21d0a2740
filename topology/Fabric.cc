#include "topology/Fabric.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "models/QotModel.h"
#include "topology/AmplifiedLine.h"

namespace ofe::topology {

Fabric::Fabric(models::Catalog catalog) : catalog_(std::move(catalog)) {}

NodeId Fabric::addNode(Node node) {
  if (node.name.empty()) throw std::invalid_argument("node without a name");
  if (byName_.count(node.name) != 0) {
    throw std::invalid_argument(fmt::format("duplicate node name '{}'", node.name));
  }
  // Resolve the model now so a typo fails at build time, not in a report.
  try {
    switch (node.kind) {
      case NodeKind::Gpu: catalog_.gpu(node.model); break;
      case NodeKind::PacketSwitch:
      case NodeKind::ScaleUpSwitch: catalog_.packetSwitch(node.model); break;
      case NodeKind::CircuitSwitch: catalog_.circuitSwitch(node.model); break;
      case NodeKind::Amplifier:
      case NodeKind::Repeater: catalog_.amplifier(node.model); break;
      case NodeKind::Roadm:
      case NodeKind::LandingStation: break;
    }
  } catch (const std::out_of_range& e) {
    throw std::invalid_argument(fmt::format("node '{}': {}", node.name, e.what()));
  }
  node.id = static_cast<NodeId>(nodes_.size());
  byName_.emplace(node.name, node.id);
  nodes_.push_back(std::move(node));
  incident_.emplace_back();
  const auto v = boost::add_vertex(graph_);
  (void)v;
  return nodes_.back().id;
}

LinkId Fabric::addLink(NodeId a, NodeId b, const LinkSpec& spec) {
  if (a >= nodes_.size() || b >= nodes_.size()) throw std::invalid_argument("link end out of range");
  if (a == b) throw std::invalid_argument(fmt::format("link from '{}' to itself", nodes_[a].name));
  for (NodeId end : {a, b}) {
    if (!isPacketNode(nodes_[end].kind)) {
      throw std::invalid_argument(fmt::format("link end '{}' is a {}, not a packet node",
                                              nodes_[end].name, toString(nodes_[end].kind)));
    }
  }
  Link link;
  link.id = static_cast<LinkId>(links_.size());
  link.a = a;
  link.b = b;
  try {
    link.module = catalog_.module(spec.module);
    link.fibre = catalog_.fibre(spec.fibre);
  } catch (const std::out_of_range& e) {
    throw std::invalid_argument(
        fmt::format("link '{}' - '{}': {}", nodes_[a].name, nodes_[b].name, e.what()));
  }
  link.spans = spec.spans.empty() ? std::vector<Span>{Span{spec.length, kNoNode}} : spec.spans;
  if (spec.channels < 1) throw std::invalid_argument("link channels must be at least 1");
  link.channels = spec.channels;
  link.extraLoss = spec.extraLoss;
  link.standby = spec.standby;
  link.up = !spec.standby;
  if (spec.bitErrorRate && (*spec.bitErrorRate < 0.0 || *spec.bitErrorRate >= 1.0)) {
    throw std::invalid_argument("link bit-error rate must be in [0, 1)");
  }

  Length longest;
  for (std::size_t i = 0; i < link.spans.size(); ++i) {
    const Span& span = link.spans[i];
    link.length += span.length;
    longest = std::max(longest, span.length);
    const bool last = i + 1 == link.spans.size();
    if (last != (span.via == kNoNode)) {
      throw std::invalid_argument(fmt::format(
          "link '{}' - '{}': every span but the last must end at a passive node", nodes_[a].name,
          nodes_[b].name));
    }
    if (last) continue;
    if (span.via >= nodes_.size() || isPacketNode(nodes_[span.via].kind)) {
      throw std::invalid_argument(fmt::format("link '{}' - '{}': span {} ends at a non-passive node",
                                              nodes_[a].name, nodes_[b].name, i));
    }
    const Node& via = nodes_[span.via];
    if (via.kind == NodeKind::Amplifier || via.kind == NodeKind::Repeater) {
      link.passiveLatency += catalog_.amplifier(via.model).latency;
    } else if (via.kind == NodeKind::CircuitSwitch) {
      link.extraLoss += catalog_.circuitSwitch(via.model).insertionLoss;
    }
  }
  link.rate = link.module.rate * link.channels;
  link.propagation = link.fibre.delayOver(link.length);
  link.moduleLatency = link.module.latency * 2;
  link.latency = link.propagation + link.moduleLatency + link.passiveLatency;
  link.worstSpanLoss = link.fibre.attenuation.over(longest) + link.extraLoss;
  try {
    if (const auto line = amplifiedLineOf(*this, link, spec)) link.qot = models::QotModel(*line).estimate();
  } catch (const std::exception& e) {
    throw std::invalid_argument(
        fmt::format("link '{}' - '{}': quality of transmission: {}", nodes_[a].name, nodes_[b].name, e.what()));
  }
  // An explicit bit-error rate wins over the estimate: it is how a measured link is replayed.
  link.bitErrorRate = spec.bitErrorRate.value_or(link.qot ? link.qot->postFecBer : 0.0);

  incident_[a].push_back(link.id);
  incident_[b].push_back(link.id);
  boost::add_edge(a, b, link.id, graph_);
  links_.push_back(std::move(link));
  return links_.back().id;
}

void Fabric::setLinkUp(LinkId id, bool up) { links_.at(id).up = up; }

std::optional<NodeId> Fabric::findNode(const std::string& name) const {
  auto it = byName_.find(name);
  if (it == byName_.end()) return std::nullopt;
  return it->second;
}

std::vector<NodeId> Fabric::nodesOfKind(NodeKind kind) const {
  std::vector<NodeId> out;
  for (const Node& n : nodes_) {
    if (n.kind == kind) out.push_back(n.id);
  }
  return out;
}

std::size_t Fabric::countOf(NodeKind kind) const {
  return static_cast<std::size_t>(
      std::count_if(nodes_.begin(), nodes_.end(), [kind](const Node& n) { return n.kind == kind; }));
}

NodeId Fabric::scaleUpSwitchOf(NodeId gpu) const {
  NodeId best = kNoNode;
  for (LinkId l : linksOf(gpu)) {
    const Link& link = links_[l];
    const NodeId other = link.other(gpu);
    if (link.up && nodes_[other].kind == NodeKind::ScaleUpSwitch && other < best) best = other;
  }
  return best;
}

}  // namespace ofe::topology
