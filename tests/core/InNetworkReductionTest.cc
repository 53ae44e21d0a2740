// Packet switches that reduce in the network (SHARP) as transfer ends: exact
// times over one link, switch to switch, the cut-through rule for frames a
// switch keeps, the rate cap of reduction_efficiency, and what is refused.

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/PacketEngine.h"
#include "tests/core/CoreTestSupport.h"

namespace ofe::core {
namespace {

// As in PacketTimingTest: 1000 B -> 1062 B frame, 1082 B on the wire, 86.56 ns
// at 100 Gbps; 700 ns per link; 300 ns port-to-port; 250 ns NIC.
constexpr std::int64_t kSer = 86'560;
constexpr std::int64_t kLink = 700'000;
constexpr std::int64_t kPortToPort = 300'000;
constexpr std::int64_t kNic = 250'000;
// An ACK: 62 + 20 B on the wire, 6.56 ns. It goes first on a link where it
// and a data frame are ready at the same moment.
constexpr std::int64_t kAck = 6'560;

models::Catalog reducingCatalog() {
  models::Catalog c = test::testCatalog();
  for (const char* base : {"t-sw", "t-sw-ct"}) {
    models::SwitchModel s = c.packetSwitch(base);
    s.name = std::string(base) + "-sharp";
    s.inNetworkReduction = true;
    c.put(s);
  }
  models::SwitchModel half = c.packetSwitch("t-sw-sharp");
  half.name = "t-sw-sharp-half";
  half.reductionEfficiency = 0.5;
  c.put(half);
  return c;
}

/// gpu0 - sw - gpu1, and sw - parent.
struct Star {
  topology::Fabric fabric{reducingCatalog()};
  topology::NodeId gpu0, gpu1, sw, parent;
  topology::LinkId toGpu0, toGpu1, up;
  explicit Star(const std::string& model) {
    gpu0 = test::addGpu(fabric, "gpu0");
    gpu1 = test::addGpu(fabric, "gpu1");
    sw = test::addSwitch(fabric, "sw", model);
    parent = test::addSwitch(fabric, "parent", model);
    toGpu0 = test::addLink(fabric, gpu0, sw);
    toGpu1 = test::addLink(fabric, gpu1, sw);
    up = test::addLink(fabric, sw, parent);
  }
};

RunResult run(const Star& s, const traffic::Plan& plan) {
  const auto routing = topology::Routing::compute(s.fabric);
  PacketEngine engine(s.fabric, routing, models::EngineSettings{});
  return engine.run(plan);
}

TEST(InNetworkReduction, TwoGpusReduceInTheirSwitchAndGetTheSumBack) {
  for (const char* model : {"t-sw-sharp", "t-sw-ct-sharp"}) {
    const Star s(model);
    traffic::Plan plan;
    plan.add(test::transfer(s.gpu0, s.sw, 1000));
    plan.add(test::transfer(s.gpu1, s.sw, 1000));
    plan.add(test::transfer(s.sw, s.gpu0, 1000, {0, 1}));
    plan.add(test::transfer(s.sw, s.gpu1, 1000, {0, 1}));
    const RunResult r = run(s, plan);
    ASSERT_TRUE(r.completed) << r.diagnosis;
    // Up: NIC 250 + 86.56 + 700, taken in whole (even cut-through) + 300.
    const std::int64_t up = kNic + kSer + kLink + kPortToPort;
    EXPECT_EQ(up, 1'336'560);
    EXPECT_EQ(r.transfers[0].finish.ps(), up) << model;
    EXPECT_EQ(r.transfers[1].finish.ps(), up) << model;
    // The sum starts at once (no NIC in the switch), behind the ACK of the
    // GPU's data on the same link, and ends at the GPU's NIC.
    EXPECT_EQ(r.transfers[2].start.ps(), up) << model;
    EXPECT_EQ(r.transfers[2].finish.ps(), up + kAck + kSer + kLink + kNic) << model;
    EXPECT_EQ(r.transfers[3].finish.ps(), 2'379'680) << model;
    // Each way of a GPU's link: one data frame and one ACK.
    EXPECT_EQ(r.links[2 * s.toGpu0].bytes, Bytes(1062 + 62)) << model;
    EXPECT_EQ(r.links[2 * s.toGpu0 + 1].bytes, Bytes(62 + 1062)) << model;
    EXPECT_EQ(r.links[2 * s.up].bytes, Bytes(0)) << model;
  }
}

TEST(InNetworkReduction, PartialSumsGoUpAndTheTotalComesDownSwitchToSwitch) {
  const Star s("t-sw-sharp");
  traffic::Plan plan;
  plan.add(test::transfer(s.gpu0, s.sw, 1000));
  plan.add(test::transfer(s.sw, s.parent, 1000, {0}));
  plan.add(test::transfer(s.parent, s.sw, 1000, {1}));
  plan.add(test::transfer(s.sw, s.gpu0, 1000, {2}));
  const RunResult r = run(s, plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;
  // 1,336.56 up; each switch hop 86.56 + 700 + 300; down 86.56 + 700 + 250 ns.
  // The total leaves the parent behind its ACK of the partial sum; the sw
  // sends its own ACK to the parent, another link than the one to gpu0.
  EXPECT_EQ(r.transfers[1].finish.ps(), 1'336'560 + kSer + kLink + kPortToPort);
  EXPECT_EQ(r.transfers[2].finish.ps(), 1'336'560 + 2 * (kSer + kLink + kPortToPort) + kAck);
  EXPECT_EQ(r.transfers[3].finish.ps(), 4'552'800);
  EXPECT_EQ(4'552'800, 1'336'560 + 2 * (kSer + kLink + kPortToPort) + kAck + kSer + kLink + kNic);
  EXPECT_EQ(r.links[2 * s.up].bytes, Bytes(1062 + 62));
}

TEST(InNetworkReduction, ReductionEfficiencyCapsTheRateOfTheSwitchsTransfers) {
  // 1 MiB = 256 frames of 4096 + 62 B, 4178 B on the wire: 334.24 ns at 100
  // Gbps. Paced at 0.5 x 100 Gbps a frame leaves every 668.48 ns:
  //   250 + 255 x 668.48 + 334.24 + 700 + 300 = 172,046.64 ns
  // against 250 + 256 x 334.24 + 700 + 300 = 86,815.44 ns at line rate.
  const std::int64_t bytes = 1 << 20;
  for (const auto& [model, expected] :
       {std::pair<const char*, std::int64_t>{"t-sw-sharp", 86'815'440},
        std::pair<const char*, std::int64_t>{"t-sw-sharp-half", 172'046'640}}) {
    const Star s(model);
    traffic::Plan plan;
    plan.add(test::transfer(s.gpu0, s.sw, bytes));
    const RunResult r = run(s, plan);
    ASSERT_TRUE(r.completed) << r.diagnosis;
    EXPECT_EQ(r.transfers[0].finish.ps(), expected) << model;
    EXPECT_EQ(r.transfers[0].retransmissions, 0u) << model;
  }
}

TEST(InNetworkReduction, OnlyLinkedReducingSwitchesEndTransfers) {
  {
    // A switch without in_network_reduction.
    auto chain = test::makeChain(1);
    const auto routing = topology::Routing::compute(chain.fabric);
    PacketEngine engine(chain.fabric, routing, models::EngineSettings{});
    traffic::Plan plan;
    plan.add(test::transfer(chain.src, chain.switches[0], 1000));
    try {
      engine.run(plan);
      FAIL() << "expected an error";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("in_network_reduction"), std::string::npos) << e.what();
    }
  }
  // A reducing switch the GPU has no link to.
  const Star s("t-sw-sharp");
  traffic::Plan plan;
  plan.add(test::transfer(s.gpu0, s.parent, 1000));
  EXPECT_THROW(run(s, plan), std::invalid_argument);
}

}  // namespace
}  // namespace ofe::core
