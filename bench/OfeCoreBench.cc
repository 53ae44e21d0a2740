#include "bench/OfeCoreBench.h"

#include <algorithm>
#include <numeric>
#include <random>

#include "core/PacketEngine.h"
#include "topology/FatTreeBuilder.h"
#include "topology/Routing.h"
#include "traffic/FlowMatrix.h"

namespace ofe::bench {

namespace {

BenchPart measure(const topology::Fabric& fabric, const traffic::Plan& plan,
                  const models::EngineSettings& settings = {}) {
  const auto routing = topology::Routing::compute(fabric);
  core::PacketEngine engine(fabric, routing, settings);
  const Stopwatch watch;
  const core::RunResult r = engine.run(plan);
  BenchPart part;
  part.wallSeconds = watch.wall();
  part.cpuSeconds = watch.cpu();
  if (!r.completed) throw std::runtime_error("benchmark run did not complete:\n" + r.diagnosis);
  part.hops = r.packetHops;
  part.events = r.events;
  part.simulatedSeconds = r.end.seconds();
  std::uint64_t segments = 0;
  for (const auto& t : r.transfers) segments += t.packets;
  part.packets = segments;
  // Data hops per link direction, from its counters: with n data and m
  // control frames, bytes = n x (payload + 62) + m x 62 and packets = n + m,
  // so n = (bytes - 62 x packets) / payload; payloads are 4096 B except
  // each transfer's last segment, hence the rounding up.
  const models::TransportModel& transport = settings.transport;
  const std::int64_t header = transport.headerBytes.count();
  const std::int64_t mtu = transport.mtu.count();
  for (const auto& l : r.links) {
    const std::int64_t payload = l.bytes.count() - static_cast<std::int64_t>(l.packets) * header;
    part.dataHops += static_cast<std::uint64_t>((payload + mtu - 1) / mtu);
  }
  return part;
}

}  // namespace

BenchPart runOfeChain(std::int64_t bytes) {
  models::Catalog catalog = models::Catalog::builtin();
  models::OpticalModule module = catalog.module("400G-DR4");
  module.name = "bench-100G";
  module.rate = DataRate::gbps(100);
  module.latency = Duration::nanoseconds(100);
  catalog.put(module);
  topology::Fabric fabric(catalog);
  const auto addNode = [&](const std::string& name, topology::NodeKind kind, const std::string& model) {
    topology::Node n;
    n.name = name;
    n.kind = kind;
    n.model = model;
    return fabric.addNode(n);
  };
  topology::LinkSpec spec;
  spec.module = "bench-100G";
  spec.fibre = "smf";
  spec.length = Length::metres(100);
  const auto src = addNode("gpu0", topology::NodeKind::Gpu, "h100-sxm");
  topology::NodeId prev = src;
  for (int i = 0; i < 3; ++i) {
    const auto sw = addNode("sw" + std::to_string(i), topology::NodeKind::PacketSwitch, "51.2T-128x400G");
    fabric.addLink(prev, sw, spec);
    prev = sw;
  }
  const auto dst = addNode("gpu1", topology::NodeKind::Gpu, "h100-sxm");
  fabric.addLink(prev, dst, spec);
  traffic::Plan plan;
  traffic::Transfer t;
  t.src = src;
  t.dst = dst;
  t.size = Bytes(bytes);
  plan.add(t);
  return measure(fabric, plan);
}

BenchPart runOfeFatTree(int k, std::int64_t bytes) {
  topology::Fabric fabric;
  topology::FatTreeParams params;
  params.k = k;
  const topology::BuiltPart part = topology::buildFatTree(fabric, params);
  std::vector<topology::NodeId> order = part.gpus;
  std::mt19937_64 rng(12345);
  std::shuffle(order.begin(), order.end(), rng);
  traffic::Plan plan;
  // A cycle through a random order: a permutation without fixed points.
  for (std::size_t i = 0; i < order.size(); ++i) {
    traffic::Transfer t;
    t.src = order[i];
    t.dst = order[(i + 1) % order.size()];
    t.size = Bytes(bytes);
    plan.add(t);
  }
  return measure(fabric, plan);
}

BenchPart runOfePermutation(int k, std::int64_t bytes) {
  topology::Fabric fabric;
  topology::FatTreeParams params;
  params.k = k;
  params.hostModule = params.fabricModule = "100G-LR4";
  const topology::BuiltPart part = topology::buildFatTree(fabric, params);
  traffic::FlowsSpec flows;
  flows.pattern = traffic::FlowPattern::Permutation;
  flows.size = Bytes(bytes);
  traffic::Plan plan;
  for (const traffic::FlowDemand& f : traffic::expandFlows(fabric, flows, part.gpus, "bench")) {
    traffic::Transfer t;
    t.src = f.src;
    t.dst = f.dst;
    t.size = f.bytes;
    plan.add(t);
  }
  models::EngineSettings settings;
  settings.transport.mtu = Bytes(4000);
  settings.queues.ecmp = models::EcmpMode::PacketSpray;
  return measure(fabric, plan, settings);
}

}  // namespace ofe::bench
