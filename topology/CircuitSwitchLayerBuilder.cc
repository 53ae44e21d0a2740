#include "topology/CircuitSwitchLayerBuilder.h"

#include <set>
#include <utility>

#include "topology/BuilderSupport.h"

namespace ofe::topology {

using detail::require;

namespace {

// Circuits of one OCS that receives `rounds` uplinks from each of `n`
// switches, as index pairs into the switch list. Each switch ends up in
// exactly `rounds` circuits and never in a circuit with itself: an odd round
// is the perfect matching s <-> s + n/2, and every further two rounds are a
// circulant s <-> s + d, whose offset d shifts with the OCS index so
// different OCSes join different switch pairs.
std::vector<std::pair<int, int>> circuitsOf(int ocs, int rounds, int n) {
  std::vector<std::pair<int, int>> circuits;
  if (rounds % 2 == 1) {
    for (int s = 0; s < n / 2; ++s) circuits.emplace_back(s, s + n / 2);
  }
  const int offsets = n / 2;
  for (int j = 0; j < rounds / 2; ++j) {
    const int d = 1 + (ocs + j) % offsets;
    for (int s = 0; s < n; ++s) circuits.emplace_back(s, (s + d) % n);
  }
  return circuits;
}

}  // namespace

BuiltPart buildCircuitSwitchLayer(Fabric& fabric, const CircuitSwitchLayerParams& params) {
  const int n = static_cast<int>(params.switches.size());
  require(n >= 2, "OCS layer switches must list at least 2 packet switches, got {}", n);
  require(params.circuitSwitches >= 1, "OCS layer circuitSwitches must be >= 1, got {}",
          params.circuitSwitches);
  require(params.uplinksPerSwitch >= 1, "OCS layer uplinksPerSwitch must be >= 1, got {}",
          params.uplinksPerSwitch);
  std::set<NodeId> seen;
  for (NodeId sw : params.switches) {
    detail::requirePacketNode(fabric, sw, "OCS layer switches[]");
    require(fabric.node(sw).kind == NodeKind::PacketSwitch,
            "OCS layer switches[] must be packet switches, got '{}'", fabric.node(sw).name);
    require(seen.insert(sw).second, "OCS layer switches[] lists '{}' twice", fabric.node(sw).name);
    detail::requireFreePorts(fabric, sw, params.uplinksPerSwitch, "OCS layer uplinksPerSwitch");
  }
  const models::CircuitSwitchModel& ocsModel = detail::requireCircuitSwitch(
      fabric, "OCS layer circuitSwitchModel", params.circuitSwitchModel);
  detail::requireModule(fabric, "OCS layer module", params.module);
  detail::requireFibre(fabric, "OCS layer fibre", params.fibre);

  // Uplink u goes to OCS u mod C, so OCS c sees `rounds` uplinks per switch.
  auto roundsOf = [&](int c) {
    return params.uplinksPerSwitch / params.circuitSwitches +
           (c < params.uplinksPerSwitch % params.circuitSwitches ? 1 : 0);
  };
  for (int c = 0; c < params.circuitSwitches; ++c) {
    const std::int64_t ports = std::int64_t{n} * roundsOf(c);
    require(
        ports <= ocsModel.ports,
        "OCS layer: circuit switch {} needs {} ports ({} switches x {} uplinks) but '{}' has {}", c,
        ports, n, roundsOf(c), ocsModel.name, ocsModel.ports);
    require(ports % 2 == 0,
            "OCS layer: circuit switch {} receives an odd number of uplinks ({} switches x {}); "
            "circuits pair them",
            c, n, roundsOf(c));
  }

  const std::string stem = params.prefix.empty() ? std::string("ocs") : params.prefix;
  BuiltPart part;
  part.site = params.site;
  for (int c = 0; c < params.circuitSwitches; ++c) {
    const NodeId ocs = detail::addNode(
        fabric, part,
        detail::makeNode(fmt::format("{}/{}{}", params.site, stem, c), NodeKind::CircuitSwitch,
                         params.circuitSwitchModel, params.site));
    LinkSpec circuit;
    circuit.module = params.module;
    circuit.fibre = params.fibre;
    circuit.spans = {Span{params.switchToOcsLength, ocs}, Span{params.switchToOcsLength, kNoNode}};
    for (const auto& [x, y] : circuitsOf(c, roundsOf(c), n)) {
      detail::addLink(fabric, part, params.switches[static_cast<std::size_t>(x)],
                      params.switches[static_cast<std::size_t>(y)], circuit);
    }
  }
  return part;
}

}  // namespace ofe::topology
