#include "topology/BuilderSupport.h"

#include "models/Catalog.h"

namespace ofe::topology::detail {

namespace {

// Runs a catalog lookup and re-throws its out_of_range as the builder's
// invalid_argument, so every bad parameter surfaces as one exception type.
template <typename Lookup>
decltype(auto) lookupParam(const std::string& param, Lookup&& lookup) {
  try {
    return lookup();
  } catch (const std::out_of_range& e) {
    throw std::invalid_argument(fmt::format("{}: {}", param, e.what()));
  }
}

}  // namespace

std::string namePrefix(const std::string& prefix, const std::string& site) {
  return prefix.empty() ? site : prefix;
}

const models::SwitchModel& requireSwitchModel(const Fabric& fabric, const std::string& param,
                                              const std::string& name) {
  return lookupParam(
      param, [&]() -> const models::SwitchModel& { return fabric.catalog().packetSwitch(name); });
}

const models::OpticalModule& requireModule(const Fabric& fabric, const std::string& param,
                                           const std::string& name) {
  return lookupParam(
      param, [&]() -> const models::OpticalModule& { return fabric.catalog().module(name); });
}

void requireFibre(const Fabric& fabric, const std::string& param, const std::string& name) {
  lookupParam(param, [&]() -> const models::FibreType& { return fabric.catalog().fibre(name); });
}

void requireGpuModel(const Fabric& fabric, const std::string& param, const std::string& name) {
  lookupParam(param, [&]() -> const models::GpuModel& { return fabric.catalog().gpu(name); });
}

const models::AmplifierModel& requireAmplifier(const Fabric& fabric, const std::string& param,
                                               const std::string& name) {
  return lookupParam(
      param, [&]() -> const models::AmplifierModel& { return fabric.catalog().amplifier(name); });
}

const models::CircuitSwitchModel& requireCircuitSwitch(const Fabric& fabric,
                                                       const std::string& param,
                                                       const std::string& name) {
  return lookupParam(param, [&]() -> const models::CircuitSwitchModel& {
    return fabric.catalog().circuitSwitch(name);
  });
}

void requireRadix(const models::SwitchModel& model, std::int64_t needed, const std::string& role) {
  require(needed <= model.ports, "{} needs {} ports but switch model '{}' has {}", role, needed,
          model.name, model.ports);
}

std::int64_t portsInUse(const Fabric& fabric, NodeId node) {
  std::int64_t used = 0;
  for (LinkId l : fabric.linksOf(node)) {
    if (!fabric.link(l).standby) used += fabric.link(l).channels;  // standby circuits reuse ports
  }
  return used;
}

void requireFreePorts(const Fabric& fabric, NodeId node, std::int64_t extra,
                      const std::string& context) {
  const Node& n = fabric.node(node);
  if (n.kind != NodeKind::PacketSwitch && n.kind != NodeKind::ScaleUpSwitch) return;
  const models::SwitchModel& model = fabric.catalog().packetSwitch(n.model);
  const std::int64_t used = portsInUse(fabric, node);
  require(used + extra <= model.ports,
          "{}: switch '{}' ({}, {} ports) has {} ports in use and cannot take {} more", context,
          n.name, model.name, model.ports, used, extra);
}

void requirePacketNode(const Fabric& fabric, NodeId node, const std::string& param) {
  require(node < fabric.nodeCount(), "{} must be a node of the fabric, got id {}", param, node);
  const Node& n = fabric.node(node);
  require(isPacketNode(n.kind), "{} must be a packet node, got '{}' ({})", param, n.name,
          toString(n.kind));
}

Node makeNode(std::string name, NodeKind kind, std::string model, std::string site) {
  Node node;
  node.name = std::move(name);
  node.kind = kind;
  node.model = std::move(model);
  node.site = std::move(site);
  return node;
}

NodeId addNode(Fabric& fabric, BuiltPart& part, Node node) {
  const NodeKind kind = node.kind;
  const NodeId id = fabric.addNode(std::move(node));
  switch (kind) {
    case NodeKind::Gpu:
      part.gpus.push_back(id);
      break;
    case NodeKind::PacketSwitch:
      part.switches.push_back(id);
      break;
    case NodeKind::ScaleUpSwitch:
      part.scaleUpSwitches.push_back(id);
      break;
    case NodeKind::CircuitSwitch:
    case NodeKind::Amplifier:
    case NodeKind::Repeater:
    case NodeKind::Roadm:
    case NodeKind::LandingStation:
      part.passive.push_back(id);
      break;
  }
  return id;
}

LinkId addLink(Fabric& fabric, BuiltPart& part, NodeId a, NodeId b, const LinkSpec& spec) {
  const LinkId id = fabric.addLink(a, b, spec);
  part.links.push_back(id);
  return id;
}

LinkSpec simpleLink(const std::string& module, const std::string& fibre, Length length) {
  LinkSpec spec;
  spec.module = module;
  spec.fibre = fibre;
  spec.length = length;
  return spec;
}

std::int64_t spanCount(Length total, Length spacing) {
  const std::int64_t n = (total.mm() + spacing.mm() - 1) / spacing.mm();
  return n < 1 ? 1 : n;
}

std::vector<Length> splitEvenly(Length total, std::int64_t pieces) {
  const std::int64_t base = total.mm() / pieces;
  const std::int64_t longer = total.mm() % pieces;
  std::vector<Length> out;
  out.reserve(static_cast<std::size_t>(pieces));
  for (std::int64_t i = 0; i < pieces; ++i)
    out.push_back(Length::millimetres(base + (i < longer ? 1 : 0)));
  return out;
}

}  // namespace ofe::topology::detail
