#pragma once
/// @file TestSupport.h
/// @brief Shared by the topology tests: a self-contained catalog with round test
/// figures, so exact latencies follow from numbers written in the tests rather
/// than from the shipped catalog (whose sourced figures may be revised), and a
/// few counting helpers.

#include <cstddef>
#include <functional>

#include "models/Catalog.h"
#include "topology/Fabric.h"
#include "units/Attenuation.h"
#include "units/DataRate.h"
#include "units/Decibel.h"
#include "units/Duration.h"
#include "units/Length.h"

namespace ofe::topology::test {

/// Test figures (not real equipment):
/// - fibre "test-fibre": n = 1.468 (GNPy's value), 0.25 dB/km
/// - modules "test-host" 400G 50 ns, "test-fabric" 400G 100 ns, "test-coherent" 400G 1 us
/// - amplifiers "test-amp" 150 ns, "test-repeater" 200 ns (submarine)
/// - switches "test-switch" 128 x 400G, "test-switch-4" 4 x 400G
/// - OCS "test-ocs-8": 8 ports, 2 dB insertion loss
/// - GPU "test-gpu": one 400G NIC
inline models::Catalog testCatalog() {
  models::Catalog c;
  models::FibreType fibre;
  fibre.name = "test-fibre";
  fibre.attenuation = Attenuation::dbPerKm(0.25);
  fibre.groupIndex = 1.468;
  c.put(fibre);
  auto module = [&](const char* name, std::int64_t latencyNs) {
    models::OpticalModule m;
    m.name = name;
    m.rate = DataRate::gbps(400);
    m.latency = Duration::nanoseconds(latencyNs);
    m.reach = Length::kilometres(20'000);
    c.put(m);
  };
  module("test-host", 50);
  module("test-fabric", 100);
  module("test-coherent", 1'000);
  auto amplifier = [&](const char* name, std::int64_t latencyNs, bool submarine) {
    models::AmplifierModel a;
    a.name = name;
    a.submarine = submarine;
    a.gain = Decibel(20);
    a.maxSpan = Length::kilometres(100);
    a.latency = Duration::nanoseconds(latencyNs);
    c.put(a);
  };
  amplifier("test-amp", 150, false);
  amplifier("test-repeater", 200, true);
  auto packetSwitch = [&](const char* name, int ports) {
    models::SwitchModel s;
    s.name = name;
    s.ports = ports;
    s.portRate = DataRate::gbps(400);
    s.capacity = s.portRate * ports;
    s.portToPort = Duration::nanoseconds(400);
    c.put(s);
  };
  packetSwitch("test-switch", 128);
  packetSwitch("test-switch-4", 4);
  models::CircuitSwitchModel ocs;
  ocs.name = "test-ocs-8";
  ocs.ports = 8;
  ocs.insertionLoss = Decibel(2.0);
  c.put(ocs);
  models::GpuModel gpu;
  gpu.name = "test-gpu";
  gpu.nics = 1;
  gpu.nicRate = DataRate::gbps(400);
  c.put(gpu);
  return c;
}

/// Links whose ends satisfy @p endA and @p endB (in either orientation).
inline std::size_t countLinks(const Fabric& fabric, const std::function<bool(const Node&)>& endA,
                              const std::function<bool(const Node&)>& endB) {
  std::size_t n = 0;
  for (const Link& link : fabric.links()) {
    const Node& a = fabric.node(link.a);
    const Node& b = fabric.node(link.b);
    if ((endA(a) && endB(b)) || (endA(b) && endB(a))) ++n;
  }
  return n;
}

/// Packet switches of one tier.
inline std::size_t countTier(const Fabric& fabric, int tier) {
  std::size_t n = 0;
  for (const Node& node : fabric.nodes()) {
    if (node.kind == NodeKind::PacketSwitch && node.tier == tier) ++n;
  }
  return n;
}

/// Predicates for countLinks.
inline std::function<bool(const Node&)> isKind(NodeKind kind) {
  return [kind](const Node& n) { return n.kind == kind; };
}
inline std::function<bool(const Node&)> isTier(int tier) {
  return [tier](const Node& n) { return n.kind == NodeKind::PacketSwitch && n.tier == tier; };
}

}  // namespace ofe::topology::test
