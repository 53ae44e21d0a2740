// Smoke tests: the built-in default scenario and every shipped example run to
// completion, and no collective reports a busbw above what its schedule can
// reach on the fabric: the ceiling the reports give it (ncclBusBound for the
// NCCL schedules, the slowest ring hop for a flat ring), and for a flat
// schedule whose ranks span several servers also one NIC's payload rate.
// NCCL schedules legitimately exceed one NIC (several NICs per server, NVLink
// inside it, in-switch reduction), and so do flat schedules other than the
// ring once ranks share a scale-up domain (hierarchical sends only S/g of a
// GPU's data over its NIC): those are held to their ceiling only. And no
// data packet is sent twice unless a frame was dropped or lost on the wire
// (issue: retransmission storms on lossless fabrics).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <set>
#include <string>

#include "IntegrationSupport.h"
#include "analysis/CollectiveResult.h"
#include "scenario/ScenarioLoader.h"
#include "traffic/CollectiveNames.h"
#include "traffic/ScaleUpDomains.h"

namespace ofe::integration {
namespace {

/// One NIC's payload bound for @p nodes: the slowest NIC (non-scale-up) link
/// of any of them x mtu / (mtu + headers + wire overhead).
DataRate oneNicCeiling(const scenario::Scenario& s, const std::vector<topology::NodeId>& nodes) {
  DataRate nic = DataRate::bitsPerSecond(std::numeric_limits<std::int64_t>::max());
  for (topology::NodeId gpu : nodes) {
    for (topology::LinkId l : s.fabric.linksOf(gpu)) {
      const topology::Link& link = s.fabric.link(l);
      if (link.module.medium != models::Medium::ScaleUp) nic = std::min(nic, link.rate);
    }
  }
  const models::TransportModel& t = s.settings.transport;
  return DataRate::bitsPerSecond(nic.bps() * t.mtu.count() / (t.mtu + t.headerBytes + t.wireOverhead).count());
}

/// True when two of @p nodes hang off the same scale-up switch.
bool sharesScaleUp(const scenario::Scenario& s, const std::vector<topology::NodeId>& nodes) {
  std::set<topology::NodeId> seen;
  for (topology::NodeId gpu : nodes) {
    const topology::NodeId sw = s.fabric.scaleUpSwitchOf(gpu);
    if (sw != topology::kNoNode && !seen.insert(sw).second) return true;
  }
  return false;
}

void runAndCheck(const scenario::Scenario& s) {
  const WorkloadRun r = runWorkload(s.fabric, s.jobs, s.settings, s.linkEvents());
  ASSERT_TRUE(r.run.completed) << s.sourcePath << ": " << r.run.diagnosis;
  ASSERT_FALSE(r.times.empty() && r.workload.flows.empty()) << s.sourcePath;
  std::uint64_t retransmissions = 0;
  std::uint64_t lostOrDropped = 0;
  for (const core::TransferResult& t : r.run.transfers) retransmissions += t.retransmissions;
  for (const core::LinkDirectionStats& l : r.run.links) lostOrDropped += l.drops + l.lost;
  if (lostOrDropped == 0) {
    EXPECT_EQ(retransmissions, 0u) << s.sourcePath << ": spurious retransmissions";
  }
  ::testing::Test::RecordProperty("retransmissions", std::to_string(retransmissions));
  const topology::Routing routing = topology::Routing::compute(s.fabric);
  const std::vector<analysis::CollectiveResult> results =
      analysis::collectiveResults(s.fabric, routing, s.settings.transport, s.jobs, r.workload, r.run);
  ASSERT_EQ(results.size(), r.workload.collectives.size()) << s.sourcePath;
  double highest = 0.0;  // busbw / bound, over every bound checked
  int bounded = 0;
  const auto note = [&](DataRate busbw, DataRate bound) {
    highest = std::max(highest, static_cast<double>(busbw.bps()) / static_cast<double>(bound.bps()));
    ++bounded;
  };
  for (std::size_t i = 0; i < results.size(); ++i) {
    const analysis::CollectiveResult& c = results[i];
    const traffic::CollectiveInstance& instance = r.workload.collectives[i];
    const std::string what = s.sourcePath + " collective " + std::to_string(i) + " (" +
                             traffic::toString(c.op) + " " + traffic::toString(c.algorithm) + " " +
                             (c.protocol == traffic::Protocol::Auto ? "-" : traffic::toString(c.protocol)) + " " +
                             c.bytes.toString() + ")";
    ASSERT_TRUE(c.completed) << what;
    EXPECT_GT(c.time, Duration()) << what;
    if (c.ceiling.bps() > 0) {
      EXPECT_LE(c.busbw, c.ceiling) << what << ": ceiling " << c.ceiling;
      note(c.busbw, c.ceiling);
    }
    const bool flat = c.protocol == traffic::Protocol::Auto;
    const bool allOverNics = c.algorithm == traffic::Algorithm::FlatRing || !sharesScaleUp(s, instance.nodes);
    if (flat && allOverNics && traffic::ScaleUpDomains::of(s.fabric, instance.nodes).size() > 1) {
      const DataRate nic = oneNicCeiling(s, instance.nodes);
      EXPECT_LE(c.busbw, nic) << what << ": one NIC " << nic;
      note(c.busbw, nic);
    }
  }
  ::testing::Test::RecordProperty("collectives", static_cast<int>(results.size()));
  ::testing::Test::RecordProperty("bounded", bounded);
  ::testing::Test::RecordProperty("max_busbw_over_bound", std::to_string(highest));
}

class ExampleScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(ExampleScenario, RunsToCompletionWithinPhysicalLimits) {
  runAndCheck(scenario::ScenarioLoader::loadFile(GetParam()));
}

std::vector<std::string> exampleFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(OFE_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

INSTANTIATE_TEST_SUITE_P(Shipped, ExampleScenario, ::testing::ValuesIn(exampleFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = std::filesystem::path(info.param).stem().string();
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

TEST(DefaultScenario, RunsToCompletionWithinPhysicalLimits) {
  runAndCheck(scenario::ScenarioLoader::defaultScenario());
}

}  // namespace
}  // namespace ofe::integration
