// A topology-engineering step on a 4-OCS layer (scenarios/ocs-topology-
// engineering.yaml): circuits torn down and set up during the run, the
// reconfiguration time during which new circuits carry nothing, rerouting,
// and what a step that cuts a busy circuit costs.
#include <gtest/gtest.h>

#include <string>

#include "IntegrationSupport.h"
#include "analysis/PowerCheck.h"
#include "analysis/RadixCheck.h"
#include "scenario/ScenarioError.h"
#include "scenario/ScenarioLoader.h"

namespace ofe::integration {
namespace {

std::string shipped() { return shippedScenarioText("ocs-topology-engineering"); }

/// The shipped file with its schedule's circuits replaced by @p connect (YAML
/// list items), or with no schedule when @p connect is empty.
std::string withConnect(const std::string& connect, const std::string& extraSimulation = "") {
  std::string t = shipped();
  const std::size_t from = t.find("    schedule:\n");
  const std::size_t to = t.find("workload:\n");
  const std::string step = connect.empty() ? "" : "    schedule:\n      - at: 200us\n        connect:\n" + connect;
  t = t.substr(0, from) + step + t.substr(to);
  return t + extraSimulation;
}

std::string pair(int a, int b, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) {
    out += "          - [dc/b" + std::to_string(a) + "/pod0/spine0, dc/b" + std::to_string(b) + "/pod0/spine0]\n";
  }
  return out;
}

std::uint64_t packetsOn(const core::RunResult& r, topology::LinkId l) {
  return r.links[2 * l].packets + r.links[2 * l + 1].packets;
}

TEST(OcsSchedule, TopologyEngineeringDoublesTheBusyPairAfterTheReconfiguration) {
  const scenario::Scenario s = scenario::ScenarioLoader::loadString(shipped(), "ocs-topology-engineering.yaml");
  const scenario::Scenario fixed = scenario::ScenarioLoader::loadString(withConnect(""), "no-schedule.yaml");
  // 16 circuits; the step keeps 8, takes 8 down at 200 us, sets 8 up 3 ms (ocs-136) later.
  ASSERT_EQ(s.fabric.linkCount(), fixed.fabric.linkCount() + 8);
  const std::vector<topology::LinkEvent> events = s.linkEvents();
  ASSERT_EQ(events.size(), 16u);
  int downs = 0;
  for (const topology::LinkEvent& e : events) {
    if (e.up) {
      EXPECT_EQ(e.at, Duration::microseconds(3200));
      EXPECT_TRUE(s.fabric.link(e.link).standby);
      EXPECT_FALSE(s.fabric.link(e.link).up);
    } else {
      ++downs;
      EXPECT_EQ(e.at, Duration::microseconds(200));
      EXPECT_FALSE(s.fabric.link(e.link).standby);
    }
  }
  EXPECT_EQ(downs, 8);
  // Standby circuits reuse ports and modules: radix and power are those of the fixed layer.
  EXPECT_EQ(analysis::computePower(s.fabric).optics, analysis::computePower(fixed.fabric).optics);
  EXPECT_EQ(analysis::checkRadix(s.fabric).status, analysis::checkRadix(fixed.fabric).status);
  EXPECT_EQ(analysis::checkRadix(s.fabric).summary, analysis::checkRadix(fixed.fabric).summary);

  const WorkloadRun run = runWorkload(s.fabric, s.jobs, s.settings, events);
  const WorkloadRun base = runWorkload(fixed.fabric, fixed.jobs, fixed.settings);
  ASSERT_TRUE(run.run.completed) << run.run.diagnosis;
  ASSERT_TRUE(base.run.completed) << base.run.diagnosis;
  ASSERT_EQ(run.run.reroutes.size(), 2u);
  EXPECT_EQ(run.run.reroutes[0], Duration::microseconds(200));
  EXPECT_EQ(run.run.reroutes[1], Duration::microseconds(3200));
  std::uint64_t onNew = 0;
  for (const topology::LinkEvent& e : events) {
    if (e.up) onNew += packetsOn(run.run, e.link);
  }
  EXPECT_GT(onNew, 0u);
  std::uint64_t lost = 0;
  for (const core::LinkDirectionStats& d : run.run.links) lost += d.lost;
  EXPECT_EQ(lost, 0u);  // the circuits taken down carried none of the b0 -> b1 traffic
  // 2 circuits of 400G for the first 3.2 ms, 4 after: faster than 2 throughout,
  // slower than 4 throughout (half the time).
  EXPECT_LT(run.run.end.seconds(), 0.9 * base.run.end.seconds());
  EXPECT_GT(run.run.end.seconds(), 0.5 * base.run.end.seconds());
}

TEST(OcsSchedule, CuttingABusyCircuitLosesFramesUntilTheReroute) {
  // One of the two b0-b1 circuits goes, nothing comes: the switches spray onto
  // it for the 500 us of reroute delay, and every frame sent into it is lost.
  const std::string connect = pair(0, 1, 1) + pair(1, 2, 2) + pair(2, 3, 2) + pair(0, 3, 2) + pair(0, 2, 4) +
                              pair(1, 3, 4);
  const scenario::Scenario s = scenario::ScenarioLoader::loadString(
      withConnect(connect, "  reroute_delay: 500us\n"), "cut.yaml");
  const std::vector<topology::LinkEvent> events = s.linkEvents();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].up);
  const WorkloadRun run = runWorkload(s.fabric, s.jobs, s.settings, events);
  ASSERT_TRUE(run.run.completed) << run.run.diagnosis;
  ASSERT_EQ(run.run.reroutes.size(), 1u);
  EXPECT_EQ(run.run.reroutes[0], Duration::microseconds(700));
  const std::uint64_t lost = run.run.links[2 * events[0].link].lost + run.run.links[2 * events[0].link + 1].lost;
  // Half of ~800 Gb/s of 4 KiB frames for 500 us: thousands lost.
  EXPECT_GT(lost, 1000u);
  std::uint64_t retransmissions = 0;
  for (const core::TransferResult& t : run.run.transfers) retransmissions += t.retransmissions;
  EXPECT_GT(retransmissions, lost / 2);
}

TEST(OcsSchedule, AStepNamingASwitchOutsideTheLayerIsPinnedToItsPlace) {
  try {
    scenario::ScenarioLoader::loadString(withConnect("          - [dc/b0/pod0/spine0, dc/b0/pod0/leaf0]\n"), "t.yaml");
    FAIL() << "loaded";
  } catch (const scenario::ScenarioError& e) {
    EXPECT_EQ(e.keyPath(), "circuit_switch_layers[0].schedule[0].connect[0][1]") << e.what();
    EXPECT_EQ(e.message(), "'dc/b0/pod0/leaf0' is not one of the switches this layer joins");
  }
}

TEST(OcsSchedule, StepsThatCannotBeWiredAreErrors) {
  // A switch outside the layer, a step a switch has no port for, and steps out of order.
  EXPECT_THROW(scenario::ScenarioLoader::loadString(
                   withConnect("          - [dc/b0/pod0/spine0, dc/b0/pod0/leaf0]\n"), "t.yaml"),
               scenario::ScenarioError);
  EXPECT_THROW(scenario::ScenarioLoader::loadString(withConnect(pair(0, 1, 9)), "t.yaml"), scenario::ScenarioError);
  std::string twice = withConnect(pair(0, 1, 2));
  twice.insert(twice.find("workload:\n"), "      - at: 1ms\n        connect:\n" + pair(0, 1, 2));
  EXPECT_THROW(scenario::ScenarioLoader::loadString(twice, "t.yaml"), scenario::ScenarioError);  // < 3 ms apart
}

}  // namespace
}  // namespace ofe::integration
