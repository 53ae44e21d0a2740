// Power of every element, energy of collectives and of the workload, and
// electricity cost per site, against figures worked out by hand.

#include <gtest/gtest.h>

#include "ReportTestSupport.h"
#include "analysis/ElementPower.h"
#include "analysis/EnergyReport.h"
#include "analysis/PowerCheck.h"

namespace ofe::analysis {
namespace {

using test::TwoSites;
using test::twoSites;

TEST(ReportEnergy, ElementsAddUpToThePowerCheck) {
  const TwoSites t = twoSites();
  const std::vector<ElementPower> elements = elementPowers(t.scenario.fabric);
  // 3 GPUs + 3 NICs + 2 switches + 1 amplifier + 2 ends x 4 links = 17.
  ASSERT_EQ(elements.size(), 17u);
  double watts = 0.0;
  for (const ElementPower& e : elements) watts += e.power.wattsValue();
  EXPECT_DOUBLE_EQ(watts, 3325.0);
  EXPECT_DOUBLE_EQ(computePower(t.scenario.fabric).total().wattsValue(), 3325.0);
  EXPECT_EQ(elements[1].name, "west/gpu0/nic");
  EXPECT_EQ(elements[1].kind, PowerKind::Nic);
  EXPECT_EQ(elements.back().name, "east/sw1 optics (link 3)");
  EXPECT_DOUBLE_EQ(elements.back().power.wattsValue(), 20.0);
}

TEST(ReportEnergy, CollectiveEnergyIsPowerOfItsElementsTimesItsTime) {
  TwoSites t = twoSites();
  const auto routing = topology::Routing::compute(t.scenario.fabric);
  // Collective 0: gpu0 -> gpu1 for 10 us; collective 1: gpu0 -> gpu2 for 20 us.
  traffic::WorkloadPlan w;
  const auto one = [&](int index, topology::NodeId src, topology::NodeId dst) {
    traffic::Transfer tr;
    tr.src = src;
    tr.dst = dst;
    tr.size = Bytes(1000);
    tr.collective = index;
    const traffic::TransferId id = w.plan.add(tr);
    traffic::CollectiveInstance c;
    c.index = index;
    c.job = 0;
    c.ranks = 2;
    c.first = id;
    c.last = id;
    c.nodes = {src, dst};
    w.collectives.push_back(c);
  };
  one(0, t.gpu0, t.gpu1);
  one(1, t.gpu0, t.gpu2);
  core::RunResult run;
  for (std::int64_t us : {10, 20}) {
    core::TransferResult r;
    r.id = static_cast<traffic::TransferId>(run.transfers.size());
    r.finish = Duration::microseconds(us);
    r.completed = true;
    run.transfers.push_back(r);
  }
  run.end = Duration::milliseconds(3'600'000);  // one hour
  run.completed = true;
  std::vector<CollectiveResult> results(2);
  results[0].time = Duration::microseconds(10);
  results[1].time = Duration::microseconds(20);

  const EnergyReport e = makeEnergyReport(t.scenario, routing, w, run, results);
  ASSERT_EQ(e.collectives.size(), 2u);
  // Collective 0 involves gpu0, gpu1, their NICs, sw0 and the modules at
  // both ends of gpu0-sw0 and gpu1-sw0: 2 x 725 + 500 + 4 x 10 = 1,990 W;
  // energy by hand: sum(power x time) = 1,990 W x 10 us = 0.0199 J.
  EXPECT_EQ(e.collectives[0].elements, 9u);
  EXPECT_DOUBLE_EQ(e.collectives[0].power.wattsValue(), 1990.0);
  double byHand = 0.0;
  for (double watts : {700.0, 25.0, 700.0, 25.0, 500.0, 10.0, 10.0, 10.0, 10.0})
    byHand += watts * 10e-6;
  EXPECT_NEAR(e.collectives[0].energy.joulesValue(), byHand, 1e-15);
  EXPECT_NEAR(e.collectives[0].energy.joulesValue(), 0.0199, 1e-15);
  // Collective 1: gpu0, gpu2, NICs, sw0, sw1, the amplifier the long haul
  // passes, modules of gpu0-sw0 (2 x 10), sw0-sw1 (2 x 20), sw1-gpu2 (2 x 10):
  // 1,450 + 1,000 + 50 + 80 = 2,580 W x 20 us = 0.0516 J.
  EXPECT_EQ(e.collectives[1].elements, 13u);
  EXPECT_DOUBLE_EQ(e.collectives[1].power.wattsValue(), 2580.0);
  EXPECT_NEAR(e.collectives[1].energy.joulesValue(), 0.0516, 1e-15);

  // Workload: 3,325 W x 1 h = 3.325 kWh.
  EXPECT_DOUBLE_EQ(e.total.wattsValue(), 3325.0);
  EXPECT_NEAR(e.energy.kilowattHours(), 3.325, 1e-12);
  // Cost = kWh x PUE x price per site:
  //   west 2.010 kWh x 1.25 x 0.36 = 0.9045; east 1.265 kWh x 1.5 x 0.5 = 0.94875;
  //   route (not a scenario site) 0.05 kWh, not priced; total 1.85325 CNY.
  ASSERT_EQ(e.sites.size(), 3u);
  EXPECT_EQ(e.sites[0].site, "west");
  EXPECT_NEAR(e.sites[0].energy.kilowattHours(), 2.010, 1e-12);
  EXPECT_NEAR(e.sites[0].cost, 2.010 * 1.25 * 0.36, 1e-12);
  EXPECT_NEAR(e.sites[0].cost, 0.9045, 1e-12);
  EXPECT_EQ(e.sites[1].site, "east");
  EXPECT_NEAR(e.sites[1].cost, 0.94875, 1e-12);
  EXPECT_EQ(e.sites[2].site, "route");
  EXPECT_FALSE(e.sites[2].priced);
  EXPECT_NEAR(e.sites[2].energy.kilowattHours(), 0.05, 1e-12);
  EXPECT_EQ(e.sites[2].cost, 0.0);
  EXPECT_NEAR(e.cost, 1.85325, 1e-12);
  EXPECT_EQ(e.currency, "CNY");
  // The whole 3.325 kWh at each site: west x 1.25 x 0.36 = 1.49625; east x 1.5 x 0.5 = 2.49375.
  ASSERT_EQ(e.ifRunAt.size(), 2u);
  EXPECT_NEAR(e.ifRunAt[0].cost, 1.49625, 1e-12);
  EXPECT_NEAR(e.ifRunAt[1].cost, 2.49375, 1e-12);
}

}  // namespace
}  // namespace ofe::analysis
