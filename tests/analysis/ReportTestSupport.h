#pragma once
/// @file ReportTestSupport.h
/// @brief Shared by the report tests: a catalog whose every figure is chosen
/// here, so expected times, powers and costs can be derived on paper.
///
/// Figures:
///  - fibre "r-fibre": group index c / 2e8 m/s, exactly 5 ps per mm (100 m = 500,000 ps);
///  - module "r-100G": 100 Gbps (80 ps per byte), 100 ns per end, 10 W;
///    "r-400G": 400 Gbps (20 ps per byte), 50 ns per end, 20 W;
///  - switches "r-sw-saf" (store-and-forward) and "r-sw-ct" (cut-through):
///    300 ns port-to-port, 16 MiB buffer, 500 W;
///  - GPU "r-gpu": 700 W, one 25 W NIC, NIC latency 250 ns per end;
///  - amplifier "r-amp": 50 W, 100 ns.
/// Transport defaults: mtu 4096, header 62 B, wire overhead 20 B, so a full
/// frame is 4178 B on the wire (334,240 ps at 100 Gbps, 83,560 ps at 400 Gbps).

#include <string>
#include <vector>

#include "analysis/RunReport.h"
#include "core/PacketEngine.h"
#include "models/Catalog.h"
#include "scenario/Scenario.h"
#include "scenario/ScenarioLoader.h"
#include "topology/Fabric.h"
#include "topology/Routing.h"
#include "traffic/Workload.h"
#include "units/Length.h"

namespace ofe::analysis::test {

inline models::Catalog reportCatalog() {
  models::Catalog c = models::Catalog::builtin();
  models::FibreType fibre;
  fibre.name = "r-fibre";
  fibre.attenuation = Attenuation::dbPerKm(0.2);
  fibre.groupIndex = 299'792'458.0 / 2e8;
  c.put(fibre);
  struct M {
    const char* name;
    int gbps;
    int latencyNs;
    double watts;
  };
  for (const M& m : {M{"r-100G", 100, 100, 10.0}, M{"r-400G", 400, 50, 20.0}}) {
    models::OpticalModule o;
    o.name = m.name;
    o.rate = DataRate::gbps(m.gbps);
    o.latency = Duration::nanoseconds(m.latencyNs);
    o.reach = Length::kilometres(2000);
    o.power = Power::watts(m.watts);
    c.put(o);
  }
  models::SwitchModel sw;
  sw.name = "r-sw-saf";
  sw.ports = 32;
  sw.portRate = DataRate::gbps(400);
  sw.capacity = sw.portRate * 32;
  sw.buffer = Bytes(16 * 1024 * 1024);
  sw.portToPort = Duration::nanoseconds(300);
  sw.cutThrough = false;
  sw.power = Power::watts(500);
  c.put(sw);
  sw.name = "r-sw-ct";
  sw.cutThrough = true;
  c.put(sw);
  models::GpuModel g;
  g.name = "r-gpu";
  g.power = Power::watts(700);
  g.nics = 1;
  g.nicRate = DataRate::gbps(400);
  g.nicPower = Power::watts(25);
  g.nicLatency = Duration::nanoseconds(250);
  c.put(g);
  models::AmplifierModel amp;
  amp.name = "r-amp";
  amp.maxSpan = Length::kilometres(100);
  amp.latency = Duration::nanoseconds(100);
  amp.power = Power::watts(50);
  c.put(amp);
  return c;
}

inline topology::NodeId addGpu(topology::Fabric& f, const std::string& name,
                               const std::string& site = "dc") {
  topology::Node n;
  n.name = name;
  n.kind = topology::NodeKind::Gpu;
  n.model = "r-gpu";
  n.site = site;
  return f.addNode(n);
}

inline topology::NodeId addSwitch(topology::Fabric& f, const std::string& name,
                                  const std::string& model, int tier = 0,
                                  const std::string& site = "dc") {
  topology::Node n;
  n.name = name;
  n.kind = topology::NodeKind::PacketSwitch;
  n.model = model;
  n.tier = tier;
  n.site = site;
  return f.addNode(n);
}

inline topology::LinkId addLink(topology::Fabric& f, topology::NodeId a, topology::NodeId b,
                                const std::string& module = "r-100G",
                                Length length = Length::metres(100)) {
  topology::LinkSpec spec;
  spec.module = module;
  spec.fibre = "r-fibre";
  spec.length = length;
  return f.addLink(a, b, spec);
}

/// gpu0 - sw0 - ... - sw(n-1) - gpu1, links of @p modules (one per link, n + 1).
struct Chain {
  topology::Fabric fabric{reportCatalog()};
  topology::NodeId src = topology::kNoNode;
  topology::NodeId dst = topology::kNoNode;
  std::vector<topology::LinkId> links;
};

inline Chain makeChain(int switches, const std::string& switchModel,
                       const std::vector<std::string>& modules) {
  Chain c;
  c.src = addGpu(c.fabric, "gpu0");
  topology::NodeId prev = c.src;
  for (int i = 0; i < switches; ++i) {
    const topology::NodeId sw = addSwitch(c.fabric, "sw" + std::to_string(i), switchModel, i);
    c.links.push_back(addLink(c.fabric, prev, sw, modules.at(c.links.size())));
    prev = sw;
  }
  c.dst = addGpu(c.fabric, "gpu1");
  c.links.push_back(addLink(c.fabric, prev, c.dst, modules.at(c.links.size())));
  return c;
}

/// Two sites joined by an amplified link:
///   west: gpu0, gpu1 - sw0        east: gpu2 - sw1
///   sw0 - sw1: r-400G over 2 x 50 km through amplifier amp0 (site "route").
/// Element powers (ReportTestSupport.h): GPU 700 W, NIC 25 W, switch 500 W,
/// r-100G 10 W and r-400G 20 W per module (one per link end), amplifier 50 W.
///   west: 2 x (700 + 25) + 500 + optics (gpu0 end 10, gpu1 end 10, sw0's three ends 10 + 10 + 20)
///   = 2,010 W east: 700 + 25 + 500 + optics (gpu2 end 10, sw1's two ends 10 + 20) = 1,265 W route:
///   50 W; total 3,325 W.
struct TwoSites {
  scenario::Scenario scenario;
  topology::NodeId gpu0, gpu1, gpu2, sw0, sw1, amp;
};

inline TwoSites twoSites() {
  TwoSites t;
  t.scenario.fabric = topology::Fabric(test::reportCatalog());
  topology::Fabric& f = t.scenario.fabric;
  t.gpu0 = test::addGpu(f, "west/gpu0", "west");
  t.gpu1 = test::addGpu(f, "west/gpu1", "west");
  t.sw0 = test::addSwitch(f, "west/sw0", "r-sw-saf", 0, "west");
  t.gpu2 = test::addGpu(f, "east/gpu2", "east");
  t.sw1 = test::addSwitch(f, "east/sw1", "r-sw-saf", 0, "east");
  topology::Node a;
  a.name = "route/amp0";
  a.kind = topology::NodeKind::Amplifier;
  a.model = "r-amp";
  a.site = "route";
  t.amp = f.addNode(a);
  test::addLink(f, t.gpu0, t.sw0);
  test::addLink(f, t.gpu1, t.sw0);
  test::addLink(f, t.gpu2, t.sw1);
  topology::LinkSpec longHaul;
  longHaul.module = "r-400G";
  longHaul.fibre = "r-fibre";
  longHaul.spans = {topology::Span{Length::kilometres(50), t.amp},
                    topology::Span{Length::kilometres(50)}};
  f.addLink(t.sw0, t.sw1, longHaul);
  t.scenario.currency = "CNY";
  scenario::Site west;
  west.name = "west";
  west.pue = 1.25;
  west.electricityPrice = 0.36;
  scenario::Site east;
  east.name = "east";
  east.pue = 1.5;
  east.electricityPrice = 0.5;
  t.scenario.sites = {west, east};
  return t;
}

/// A scenario run on the packet engine, with its report.
struct ScenarioRun {
  scenario::Scenario scenario;
  topology::Routing routing;
  traffic::WorkloadPlan workload;
  core::RunResult run;
  RunReport report;
};

inline ScenarioRun runScenario(scenario::Scenario s) {
  ScenarioRun r{std::move(s), {}, {}, {}, {}};
  r.routing = topology::Routing::compute(r.scenario.fabric);
  r.workload = traffic::buildWorkload(r.scenario.fabric, r.scenario.jobs);
  core::PacketEngineOptions options;
  options.linkEvents = r.scenario.linkEvents();
  core::PacketEngine engine(r.scenario.fabric, r.routing, r.scenario.settings, options);
  r.run = engine.run(r.workload.plan);
  r.report = makeRunReport(r.scenario, r.routing, r.workload, r.run, engine.name());
  return r;
}

/// A shipped scenario file, by name ("leaf-spine-1to1").
inline scenario::Scenario shippedScenario(const std::string& name) {
  return scenario::ScenarioLoader::loadFile(std::string(OFE_SOURCE_DIR) + "/scenarios/" + name +
                                            ".yaml");
}

}  // namespace ofe::analysis::test
