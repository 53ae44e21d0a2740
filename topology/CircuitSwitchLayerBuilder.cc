#include "topology/CircuitSwitchLayerBuilder.h"

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>
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

/// A circuit: switch indices (into params.switches), its OCS and its link.
struct Circuit {
  int a;
  int b;
  int ocs;
  LinkId link;
};

LinkSpec circuitSpec(const CircuitSwitchLayerParams& params, NodeId ocs, bool standby) {
  LinkSpec circuit;
  circuit.module = params.module;
  circuit.fibre = params.fibre;
  circuit.spans = {Span{params.switchToOcsLength, ocs}, Span{params.switchToOcsLength, kNoNode}};
  circuit.standby = standby;
  return circuit;
}

/// Runs the schedule: the circuits each step keeps, takes down and sets up.
template <typename RoundsOf>
void applySchedule(Fabric& fabric, const CircuitSwitchLayerParams& params, const models::CircuitSwitchModel& model,
                   const std::vector<NodeId>& ocsNodes, RoundsOf roundsOf, std::vector<Circuit> circuits,
                   BuiltPart& part) {
  const int n = static_cast<int>(params.switches.size());
  auto indexOf = [&](NodeId sw, Duration at) {
    for (int i = 0; i < n; ++i) {
      if (params.switches[static_cast<std::size_t>(i)] == sw) return i;
    }
    throw std::invalid_argument(fmt::format("OCS layer schedule at {}: '{}' is not one of the layer's switches", at,
                                            sw < fabric.nodeCount() ? fabric.node(sw).name : std::to_string(sw)));
  };
  // free[c][s]: ports OCS c still has towards switch s.
  std::vector<std::vector<int>> free(ocsNodes.size(), std::vector<int>(static_cast<std::size_t>(n), 0));
  for (std::size_t c = 0; c < ocsNodes.size(); ++c) {
    std::fill(free[c].begin(), free[c].end(), roundsOf(static_cast<int>(c)));
  }
  for (const Circuit& k : circuits) {
    --free[static_cast<std::size_t>(k.ocs)][static_cast<std::size_t>(k.a)];
    --free[static_cast<std::size_t>(k.ocs)][static_cast<std::size_t>(k.b)];
  }
  std::optional<Duration> previous;
  for (const CircuitStep& step : params.schedule) {
    require(!previous || step.at >= *previous + model.reconfiguration,
            "OCS layer schedule: the step at {} starts before the one at {} has finished reconfiguring ({})", step.at,
            previous.value_or(Duration()), model.reconfiguration);
    previous = step.at;
    std::multiset<std::pair<int, int>> wanted;
    for (const auto& [x, y] : step.connect) {
      const int a = indexOf(x, step.at);
      const int b = indexOf(y, step.at);
      require(a != b, "OCS layer schedule at {}: a circuit from '{}' to itself", step.at, fabric.node(x).name);
      wanted.insert(std::minmax(a, b));
    }
    std::vector<Circuit> kept;
    for (const Circuit& k : circuits) {
      const auto it = wanted.find(std::minmax(k.a, k.b));
      if (it != wanted.end()) {
        wanted.erase(it);
        kept.push_back(k);
        continue;
      }
      part.linkEvents.push_back(LinkEvent{step.at, k.link, false});
      ++free[static_cast<std::size_t>(k.ocs)][static_cast<std::size_t>(k.a)];
      ++free[static_cast<std::size_t>(k.ocs)][static_cast<std::size_t>(k.b)];
    }
    for (const auto& [a, b] : wanted) {
      std::size_t c = 0;
      while (c < ocsNodes.size() && (free[c][static_cast<std::size_t>(a)] == 0 || free[c][static_cast<std::size_t>(b)] == 0)) ++c;
      require(c < ocsNodes.size(), "OCS layer schedule at {}: no circuit switch has a free port towards both '{}' and '{}'",
              step.at, fabric.node(params.switches[static_cast<std::size_t>(a)]).name,
              fabric.node(params.switches[static_cast<std::size_t>(b)]).name);
      --free[c][static_cast<std::size_t>(a)];
      --free[c][static_cast<std::size_t>(b)];
      const LinkId id = detail::addLink(fabric, part, params.switches[static_cast<std::size_t>(a)],
                                        params.switches[static_cast<std::size_t>(b)],
                                        circuitSpec(params, ocsNodes[c], true));
      kept.push_back(Circuit{a, b, static_cast<int>(c), id});
      part.linkEvents.push_back(LinkEvent{step.at + model.reconfiguration, id, true});
    }
    circuits = std::move(kept);
  }
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
  std::vector<NodeId> ocsNodes;
  std::vector<Circuit> circuits;
  for (int c = 0; c < params.circuitSwitches; ++c) {
    ocsNodes.push_back(detail::addNode(
        fabric, part,
        detail::makeNode(fmt::format("{}/{}{}", params.site, stem, c), NodeKind::CircuitSwitch,
                         params.circuitSwitchModel, params.site)));
    for (const auto& [x, y] : circuitsOf(c, roundsOf(c), n)) {
      const LinkSpec spec = circuitSpec(params, ocsNodes.back(), false);
      const LinkId id = detail::addLink(fabric, part, params.switches[static_cast<std::size_t>(x)],
                                        params.switches[static_cast<std::size_t>(y)], spec);
      circuits.push_back(Circuit{x, y, c, id});
    }
  }
  applySchedule(fabric, params, ocsModel, ocsNodes, roundsOf, circuits, part);
  return part;
}

}  // namespace ofe::topology
