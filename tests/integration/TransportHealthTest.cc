// Lossless fabrics under load: nothing is retransmitted when nothing was
// lost. The case of the transport issue is a rail-optimised pod made 2:1 with
// 200G leaf-spine links (there 256 GPUs; here one SU of 8 servers keeps the
// test in seconds): before RFC 6298 timers and RACK, queues longer than the
// fixed 100 us + 2 RTT timer made a 64 MiB ring resend 167,915 packets
// with 0 drops. Here the same transport resent 10,585 packets, and its flat
// ring in rank order (the one that crosses the spines) took 9.09 ms instead
// of 6.77 ms.
#include <gtest/gtest.h>

#include "IntegrationSupport.h"
#include "scenario/ScenarioLoader.h"

namespace ofe::integration {
namespace {

constexpr const char* kPod = R"(
name: rail-2to1
catalog:
  modules:
    - name: 200G-FR4-test
      form_factor: QSFP56
      medium: singlemode
      rate: 200Gbps
      lanes: 4
      line_overhead: 1.0625
      fec: rs544
      latency: 100ns
      reach: 2km
      power: 6W
sites:
  - name: dc
fabrics:
  - name: pod
    builder: rail-pod
    site: dc
    scalable_units: 1
    servers_per_unit: 8
    gpus_per_server: 8
    spines: 4
    fabric_module: 200G-FR4-test
workload:
  jobs:
    - name: ring
      ranks: 64
      placement: rail-aligned
      collectives:
        - op: all-reduce
          algorithm: ring
          size: 64MiB
        - op: all-reduce
          algorithm: flat-ring
          size: 64MiB
        - op: all-to-all
          algorithm: direct
          sizes: 1MiB..4MiB
)";

TEST(TransportHealth, OversubscribedRailPodRetransmitsNothing) {
  const scenario::Scenario s = scenario::ScenarioLoader::loadString(kPod, "rail-2to1");
  const WorkloadRun r = runWorkload(s.fabric, s.jobs, s.settings);
  ASSERT_TRUE(r.run.completed) << r.run.diagnosis;
  std::uint64_t retransmissions = 0;
  std::uint64_t timeouts = 0;
  std::uint64_t drops = 0;
  Duration paused;
  for (const core::TransferResult& t : r.run.transfers) {
    retransmissions += t.retransmissions;
    timeouts += t.timeouts;
  }
  for (const core::LinkDirectionStats& l : r.run.links) {
    drops += l.drops + l.lost;
    paused += l.pfcPaused;
  }
  EXPECT_EQ(drops, 0u);
  EXPECT_EQ(retransmissions, 0u);
  EXPECT_EQ(timeouts, 0u);
  ::testing::Test::RecordProperty("pfc_paused_us", std::to_string(paused.seconds() * 1e6));
}

}  // namespace
}  // namespace ofe::integration
