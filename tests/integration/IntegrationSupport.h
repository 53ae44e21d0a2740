#pragma once
// Runs jobs of collectives on the packet engine and reads back per-collective
// times, for the end-to-end tests of the collectives issue. Fabrics are built
// with the C++ API from catalog entries chosen in each test.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/PacketEngine.h"
#include "models/EngineSettings.h"
#include "topology/Fabric.h"
#include "topology/Routing.h"
#include "traffic/CollectiveInstance.h"
#include "traffic/JobSpec.h"
#include "traffic/Plan.h"
#include "traffic/Workload.h"

namespace ofe::integration {

/// A run of a workload: its plan, the engine's result and each instance's time.
struct WorkloadRun {
  traffic::WorkloadPlan workload;
  core::RunResult run;
  std::vector<Duration> times;  ///< per collective instance, spanOf(...).time()
};

/// The text of a shipped scenario, by name ("trans-pacific"), for tests that edit it before loading.
inline std::string shippedScenarioText(const std::string& name) {
  std::ifstream in(std::string(OFE_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline WorkloadRun runWorkload(const topology::Fabric& fabric, const std::vector<traffic::JobSpec>& jobs,
                               const models::EngineSettings& settings = {},
                               std::vector<topology::LinkEvent> linkEvents = {}) {
  WorkloadRun r;
  r.workload = traffic::buildWorkload(fabric, jobs);
  const topology::Routing routing = topology::Routing::compute(fabric);
  core::PacketEngineOptions options;
  options.linkEvents = std::move(linkEvents);
  core::PacketEngine engine(fabric, routing, settings, options);
  r.run = engine.run(r.workload.plan);
  std::vector<Duration> starts;
  std::vector<Duration> finishes;
  for (const core::TransferResult& t : r.run.transfers) {
    starts.push_back(t.start);
    finishes.push_back(t.finish);
  }
  for (const traffic::CollectiveInstance& c : r.workload.collectives) {
    r.times.push_back(traffic::spanOf(c, starts, finishes).time());
  }
  return r;
}

/// The measured one-way latency of a message with no payload to speak of
/// (1 byte) from @p src to @p dst on an idle fabric: the alpha of the cost model.
inline Duration measureAlpha(const topology::Fabric& fabric, topology::NodeId src, topology::NodeId dst,
                             const models::EngineSettings& settings = {}) {
  const topology::Routing routing = topology::Routing::compute(fabric);
  core::PacketEngine engine(fabric, routing, settings);
  traffic::Plan plan;
  traffic::Transfer t;
  t.src = src;
  t.dst = dst;
  t.size = Bytes(1);
  plan.add(t);
  const core::RunResult run = engine.run(plan);
  return run.transfers.at(0).finish - run.transfers.at(0).start;
}

/// Payload rate of a link of @p rate when every rank both sends and receives
/// (rings, all-to-all): each full frame carries mtu payload bytes, and the same
/// link direction also carries the ACKs (one per ackEvery frames) of the data
/// the rank receives: rate x mtu / (frame + ackFrame / ackEvery).
inline DataRate payloadRate(DataRate rate, const models::TransportModel& t = {}) {
  const std::int64_t frame = (t.mtu + t.headerBytes + t.wireOverhead).count() * t.ackEvery;
  const std::int64_t ack = (t.ackBytes + t.wireOverhead).count();
  return DataRate::bitsPerSecond(rate.bps() * t.mtu.count() * t.ackEvery / (frame + ack));
}

inline topology::NodeId addGpu(topology::Fabric& f, const std::string& name, int rack = -1, int slot = -1) {
  topology::Node n;
  n.name = name;
  n.kind = topology::NodeKind::Gpu;
  n.model = "h100-sxm";
  n.site = "dc";
  n.rack = rack;
  n.slot = slot;
  return f.addNode(n);
}

inline topology::NodeId addSwitch(topology::Fabric& f, const std::string& name, int tier) {
  topology::Node n;
  n.name = name;
  n.kind = topology::NodeKind::PacketSwitch;
  n.model = "51.2T-128x400G";
  n.site = "dc";
  n.tier = tier;
  return f.addNode(n);
}

inline topology::LinkId addLink(topology::Fabric& f, topology::NodeId a, topology::NodeId b,
                                const std::string& module = "400G-DR4", Length length = Length::metres(10)) {
  topology::LinkSpec spec;
  spec.module = module;
  spec.fibre = "smf-1310";
  spec.length = length;
  return f.addLink(a, b, spec);
}

inline traffic::JobSpec job(const std::string& name, std::vector<std::string> gpus, traffic::CollectiveOp op,
                            traffic::Algorithm algorithm, Bytes size) {
  traffic::JobSpec j;
  j.name = name;
  j.ranks = static_cast<int>(gpus.size());
  j.gpus = std::move(gpus);
  traffic::CollectiveSpec c;
  c.op = op;
  c.algorithm = algorithm;
  c.minBytes = size;
  c.maxBytes = size;
  j.collectives.push_back(c);
  return j;
}

/// Keeps the block between the lines @p begin and @p end of docs file @p doc
/// (relative to the source tree) equal to @p table: with OFE_UPDATE_DOCS=1 it
/// rewrites the block, otherwise a difference fails the test, naming @p test
/// (a gtest filter) as the command that regenerates it.
inline void expectDocsBlock(const std::string& doc, const std::string& begin, const std::string& end,
                            const std::string& table, const std::string& test) {
  const std::string path = std::string(OFE_SOURCE_DIR) + "/" + doc;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  const std::size_t first = content.find(begin);
  const std::size_t last = content.find(end);
  ASSERT_NE(first, std::string::npos) << path << " lacks " << begin;
  ASSERT_NE(last, std::string::npos) << path << " lacks " << end;
  const std::size_t from = first + begin.size();
  const std::string current = content.substr(from, last - from);
  const char* update = std::getenv("OFE_UPDATE_DOCS");
  if (update != nullptr && std::string(update) == "1" && current != table) {
    content.replace(from, current.size(), table);
    std::ofstream(path, std::ios::binary) << content;
    return;
  }
  EXPECT_EQ(current, table) << path << " is out of date; regenerate it with\n"
                            << "  OFE_UPDATE_DOCS=1 build/tests/ofe_test_integration --gtest_filter='" << test << "'";
}

}  // namespace ofe::integration
