// The scale-up fluid model inside the packet engine: max-min sharing of GPU
// ports, rates recomputed as flows end, in-switch reduction at its efficiency,
// FIFO connections, overheads and barriers; every time derived on paper.
#include <gtest/gtest.h>

#include "CoreTestSupport.h"
#include "core/PacketEngine.h"

namespace ofe::core {
namespace {

using test::transfer;

// 800 Gb/s NVLink-class ports: 1 MB takes 10 us. Scale-up latency 400 ns.
// In-switch reduction at 0.8 of the port rate.
struct Domain {
  topology::Fabric fabric{catalog()};
  std::vector<topology::NodeId> gpu;
  topology::NodeId nvs = topology::kNoNode;

  static models::Catalog catalog() {
    models::Catalog c = test::testCatalog();
    models::OpticalModule m;
    m.name = "t-nvl";
    m.medium = models::Medium::ScaleUp;
    m.rate = DataRate::gbps(800);
    c.put(m);
    models::SwitchModel s;
    s.name = "t-nvs";
    s.ports = 8;
    s.portRate = DataRate::gbps(800);
    s.inNetworkReduction = true;
    s.reductionEfficiency = 0.8;
    c.put(s);
    models::GpuModel g;
    g.name = "t-gpu-su";
    g.nicRate = DataRate::gbps(400);
    g.nicLatency = Duration::nanoseconds(250);
    g.scaleUpLatency = Duration::nanoseconds(400);
    c.put(g);
    return c;
  }

  Domain() {
    topology::Node n;
    n.name = "nvs";
    n.kind = topology::NodeKind::ScaleUpSwitch;
    n.model = "t-nvs";
    nvs = fabric.addNode(n);
    for (int i = 0; i < 3; ++i) {
      topology::Node g;
      g.name = "gpu" + std::to_string(i);
      g.kind = topology::NodeKind::Gpu;
      g.model = "t-gpu-su";
      g.slot = i;
      gpu.push_back(fabric.addNode(g));
      test::addLink(fabric, gpu.back(), nvs, "t-nvl", Length::metres(1));
    }
  }

  RunResult run(const traffic::Plan& plan) const {
    const topology::Routing routing = topology::Routing::compute(fabric);
    PacketEngine engine(fabric, routing, models::EngineSettings{});
    RunResult r = engine.run(plan);
    EXPECT_TRUE(r.completed) << r.diagnosis;
    return r;
  }
};

constexpr std::int64_t kMB = 1'000'000;
const Duration kLatency = Duration::nanoseconds(400);

TEST(ScaleUpFabric, AFlowAloneRunsAtThePortRateAndArrivesAScaleUpLatencyLater) {
  Domain d;
  traffic::Plan plan;
  plan.add(transfer(d.gpu[0], d.gpu[1], kMB));
  const RunResult r = d.run(plan);
  EXPECT_EQ(r.transfers[0].start, Duration());
  EXPECT_EQ(r.transfers[0].finish, Duration::microseconds(10) + kLatency);
  // Counted once on each hop it uses; no frames, no ACKs.
  const topology::LinkId up = d.fabric.linksOf(d.gpu[0]).front();
  EXPECT_EQ(r.links[2 * up].bytes, Bytes(kMB));
  EXPECT_EQ(r.links[2 * up].packets, 1u);
  EXPECT_EQ(r.links[2 * up].busy, Duration::microseconds(10));
  EXPECT_EQ(r.transfers[0].retransmissions, 0u);
}

TEST(ScaleUpFabric, TwoSendersShareTheReceiversPortAndTheSurvivorSpeedsUp) {
  Domain d;
  traffic::Plan plan;
  plan.add(transfer(d.gpu[0], d.gpu[2], kMB / 2));
  plan.add(transfer(d.gpu[1], d.gpu[2], kMB));
  const RunResult r = d.run(plan);
  // 400 Gb/s each until the half megabyte is in (10 us); the other half of
  // the second then runs at 800 Gb/s: 5 us more.
  EXPECT_EQ(r.transfers[0].finish, Duration::microseconds(10) + kLatency);
  EXPECT_EQ(r.transfers[1].finish, Duration::microseconds(15) + kLatency);
}

TEST(ScaleUpFabric, ReductionInTheSwitchRunsAtItsEfficiency) {
  Domain d;
  traffic::Plan plan;
  plan.add(transfer(d.gpu[0], d.nvs, kMB));
  plan.add(transfer(d.nvs, d.gpu[1], kMB));
  const RunResult r = d.run(plan);
  // 0.8 x 800 Gb/s = 640 Gb/s: 8e6 bits in 12.5 us, each on its own port.
  EXPECT_EQ(r.transfers[0].finish, Duration::nanoseconds(12'500) + kLatency);
  EXPECT_EQ(r.transfers[1].finish, Duration::nanoseconds(12'500) + kLatency);
}

TEST(ScaleUpFabric, AConnectionSendsItsTransfersOneAfterAnother) {
  for (int connection : {-1, 0}) {
    Domain d;
    traffic::Plan plan;
    traffic::Transfer a = transfer(d.gpu[0], d.gpu[1], kMB);
    traffic::Transfer b = a;
    a.connection = b.connection = connection;
    plan.add(a);
    plan.add(b);
    const RunResult r = d.run(plan);
    if (connection < 0) {
      // Sharing: both at 400 Gb/s, both in after 20 us.
      EXPECT_EQ(r.transfers[0].finish, Duration::microseconds(20) + kLatency);
      EXPECT_EQ(r.transfers[1].finish, Duration::microseconds(20) + kLatency);
    } else {
      // In order: the second starts when the first has sent its last byte.
      EXPECT_EQ(r.transfers[0].finish, Duration::microseconds(10) + kLatency);
      EXPECT_EQ(r.transfers[1].start, Duration::microseconds(10));
      EXPECT_EQ(r.transfers[1].finish, Duration::microseconds(20) + kLatency);
    }
  }
}

TEST(ScaleUpFabric, OverheadDelaysTheStartAndABarrierJoinsDependencies) {
  Domain d;
  traffic::Plan plan;
  traffic::Transfer a = transfer(d.gpu[0], d.gpu[1], kMB);
  a.overhead = Duration::microseconds(3);
  const traffic::TransferId first = plan.add(a);
  traffic::Transfer barrier;
  barrier.src = barrier.dst = d.gpu[2];
  barrier.barrier = true;
  barrier.after = {first};
  const traffic::TransferId join = plan.add(barrier);
  plan.add(transfer(d.gpu[2], d.gpu[0], kMB, {join}));
  const RunResult r = d.run(plan);
  EXPECT_EQ(r.transfers[0].start, Duration::microseconds(3));
  EXPECT_EQ(r.transfers[0].finish, Duration::microseconds(13) + kLatency);
  EXPECT_EQ(r.transfers[1].start, r.transfers[0].finish);
  EXPECT_EQ(r.transfers[1].finish, r.transfers[0].finish);
  EXPECT_EQ(r.transfers[2].start, r.transfers[0].finish);
  EXPECT_EQ(r.transfers[2].finish, r.transfers[0].finish + Duration::microseconds(10) + kLatency);
}

}  // namespace
}  // namespace ofe::core
