// Smoke tests: the built-in default scenario and every shipped example run to
// completion, and no collective reports a busbw above its ranks' NIC rate.
#include <gtest/gtest.h>

#include <filesystem>

#include "IntegrationSupport.h"
#include "scenario/ScenarioLoader.h"
#include "traffic/CostModel.h"

namespace ofe::integration {
namespace {

void runAndCheck(const scenario::Scenario& s) {
  const WorkloadRun r = runWorkload(s.fabric, s.jobs, s.settings);
  ASSERT_TRUE(r.run.completed) << s.sourcePath << ": " << r.run.diagnosis;
  ASSERT_FALSE(r.times.empty()) << s.sourcePath;
  for (std::size_t i = 0; i < r.times.size(); ++i) {
    const traffic::CollectiveInstance& c = r.workload.collectives[i];
    // The bottleneck per-rank rate: the slowest NIC (non-scale-up) link of any rank.
    DataRate nic = DataRate::bitsPerSecond(std::numeric_limits<std::int64_t>::max());
    for (topology::NodeId gpu : c.nodes) {
      for (topology::LinkId l : s.fabric.linksOf(gpu)) {
        const topology::Link& link = s.fabric.link(l);
        if (link.module.medium != models::Medium::ScaleUp) nic = std::min(nic, link.rate);
      }
    }
    // Every frame carries at most mtu payload bytes in mtu + headers + wire overhead.
    const models::TransportModel& t = s.settings.transport;
    const DataRate ceiling = DataRate::bitsPerSecond(
        nic.bps() * t.mtu.count() / (t.mtu + t.headerBytes + t.wireOverhead).count());
    const DataRate busbw = traffic::busBandwidth(c.op, c.ranks, c.bytes, r.times[i]);
    EXPECT_LE(busbw, ceiling) << s.sourcePath << " collective " << i << " (" << c.bytes << ")";
  }
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
