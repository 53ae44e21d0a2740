#pragma once
// Small fabrics whose every figure is chosen here, so expected values can be
// derived on paper.
//
// Figures used throughout (see testCatalog):
//  - fibre "t-fibre": group index c / 2e8 m/s, i.e. exactly 5 ps per mm (5 ns per metre);
//  - modules "t-100G" (100 Gbps, 100 ns per end), "t-400G" (400 Gbps, 100 ns),
//    "t-10G" (10 Gbps, 100 ns);
//  - switch "t-sw": 32 ports, 16 MiB buffer, 300 ns port-to-port, store-and-forward;
//    "t-sw-ct": the same, cut-through;
//  - GPU "t-gpu": NIC latency 250 ns per end;
//  - amplifier "t-edfa": 100 ns.
// At 100 Gbps one byte takes 80 ps; at 400 Gbps 20 ps; at 10 Gbps 800 ps.

#include <string>
#include <vector>

#include "core/RunResult.h"
#include "models/Catalog.h"
#include "models/EngineSettings.h"
#include "topology/Fabric.h"
#include "topology/Routing.h"
#include "traffic/Plan.h"

namespace ofe::core::test {

inline models::Catalog testCatalog() {
  models::Catalog c = models::Catalog::builtin();
  models::FibreType fibre;
  fibre.name = "t-fibre";
  fibre.attenuation = Attenuation::dbPerKm(0.2);
  fibre.groupIndex = 299'792'458.0 / 2e8;
  c.put(fibre);
  for (auto [name, gbps] : {std::pair<const char*, int>{"t-100G", 100}, {"t-400G", 400}, {"t-10G", 10}}) {
    models::OpticalModule m;
    m.name = name;
    m.rate = DataRate::gbps(gbps);
    m.latency = Duration::nanoseconds(100);
    m.reach = Length::kilometres(2000);
    c.put(m);
  }
  models::SwitchModel sw;
  sw.name = "t-sw";
  sw.ports = 32;
  sw.portRate = DataRate::gbps(400);
  sw.capacity = sw.portRate * 32;
  sw.buffer = Bytes(16 * 1024 * 1024);
  sw.portToPort = Duration::nanoseconds(300);
  sw.cutThrough = false;
  c.put(sw);
  sw.name = "t-sw-ct";
  sw.cutThrough = true;
  c.put(sw);
  models::AmplifierModel amp;
  amp.name = "t-edfa";
  amp.maxSpan = Length::kilometres(150);
  amp.latency = Duration::nanoseconds(100);
  c.put(amp);
  models::GpuModel g;
  g.name = "t-gpu";
  g.nicRate = DataRate::gbps(400);
  g.nicLatency = Duration::nanoseconds(250);
  c.put(g);
  return c;
}

inline topology::NodeId addGpu(topology::Fabric& f, const std::string& name) {
  topology::Node n;
  n.name = name;
  n.kind = topology::NodeKind::Gpu;
  n.model = "t-gpu";
  return f.addNode(n);
}

inline topology::NodeId addSwitch(topology::Fabric& f, const std::string& name, const std::string& model = "t-sw") {
  topology::Node n;
  n.name = name;
  n.kind = topology::NodeKind::PacketSwitch;
  n.model = model;
  return f.addNode(n);
}

inline topology::LinkId addLink(topology::Fabric& f, topology::NodeId a, topology::NodeId b,
                                const std::string& module = "t-100G", Length length = Length::metres(100),
                                double ber = 0.0) {
  topology::LinkSpec spec;
  spec.module = module;
  spec.fibre = "t-fibre";
  spec.length = length;
  spec.bitErrorRate = ber;
  return f.addLink(a, b, spec);
}

/// gpu0 - sw0 - ... - sw(n-1) - gpu1: n switches, n + 1 links.
struct Chain {
  topology::Fabric fabric{testCatalog()};
  topology::NodeId src = topology::kNoNode;
  topology::NodeId dst = topology::kNoNode;
  std::vector<topology::NodeId> switches;
  std::vector<topology::LinkId> links;
};

inline Chain makeChain(int switches, const std::string& switchModel = "t-sw",
                       const std::vector<std::string>& modules = {}) {
  Chain c;
  c.src = addGpu(c.fabric, "gpu0");
  topology::NodeId prev = c.src;
  for (int i = 0; i < switches; ++i) {
    const topology::NodeId sw = addSwitch(c.fabric, "sw" + std::to_string(i), switchModel);
    c.links.push_back(addLink(c.fabric, prev, sw, modules.empty() ? "t-100G" : modules.at(c.links.size())));
    c.switches.push_back(sw);
    prev = sw;
  }
  c.dst = addGpu(c.fabric, "gpu1");
  c.links.push_back(addLink(c.fabric, prev, c.dst, modules.empty() ? "t-100G" : modules.at(c.links.size())));
  return c;
}

inline traffic::Transfer transfer(topology::NodeId src, topology::NodeId dst, std::int64_t bytes,
                                  std::vector<traffic::TransferId> after = {}, Duration notBefore = {}) {
  traffic::Transfer t;
  t.src = src;
  t.dst = dst;
  t.size = Bytes(bytes);
  t.after = std::move(after);
  t.notBefore = notBefore;
  return t;
}

/// Goodput of a transfer in bits per second.
inline double goodputBps(const TransferResult& r, std::int64_t bytes) {
  return static_cast<double>(bytes) * 8.0 / (r.finish - r.start).seconds();
}

}  // namespace ofe::core::test
