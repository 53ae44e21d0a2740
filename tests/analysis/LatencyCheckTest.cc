#include <gtest/gtest.h>

#include <cmath>

#include "AnalysisTestSupport.h"
#include "analysis/LatencyCheck.h"

namespace ofe::analysis {
namespace {

using namespace test;  // NOLINT: test helpers only
using topology::Fabric;

// Propagation as on paper: length x n / c, to the nearest picosecond.
std::int64_t propagationPs(Length length, double groupIndex) {
  return std::llround(static_cast<long double>(length.mm()) * groupIndex * 1e9L / 299'792'458.0L);
}

// Two tiers: leaf0 holds gpu0..gpu2, leaf1 holds gpu3; both leaves link to
// spine0 and spine1 over 50 m of 400G-DR4; GPUs hang on 3 m of 400G-SR4/OM4.
struct TwoTier {
  Fabric f;
  std::int64_t host = 0;    // one host link, ps
  std::int64_t fabric = 0;  // one leaf-spine link, ps
  std::int64_t leafPp = 0;
  std::int64_t spinePp = 0;

  TwoTier() {
    const models::Catalog& c = f.catalog();
    const auto leaf0 = addSwitch(f, "dc/leaf0", 0);
    const auto leaf1 = addSwitch(f, "dc/leaf1", 0);
    const auto spine0 = addSwitch(f, "dc/spine0", 1, "qm9700-64x400G");
    const auto spine1 = addSwitch(f, "dc/spine1", 1, "qm9700-64x400G");
    for (int g = 0; g < 4; ++g)
      hostLink(f, addGpu(f, "dc/gpu" + std::to_string(g)), g < 3 ? leaf0 : leaf1);
    for (auto leaf : {leaf0, leaf1}) {
      for (auto spine : {spine0, spine1}) fabricLink(f, leaf, spine, Length::metres(50));
    }
    // With today's catalog: host = 3 m x 1.482 / c (14.830 ns) + 2 x 100 ns = 214.830 ns;
    // fabric = 50 m x 1.468 / c (244.836 ns) + 2 x 100 ns = 444.836 ns;
    // leaf 400 ns (51.2T-128x400G), spine 330 ns (qm9700).
    host = propagationPs(Length::metres(3), c.fibre("mmf-om4").groupIndex) +
           2 * c.module("400G-SR4").latency.ps();
    fabric = propagationPs(Length::metres(50), c.fibre("smf-1310").groupIndex) +
             2 * c.module("400G-DR4").latency.ps();
    leafPp = c.packetSwitch("51.2T-128x400G").portToPort.ps();
    spinePp = c.packetSwitch("qm9700-64x400G").portToPort.ps();
  }
  // gpu -> leaf -> gpu: 2 x 214.830 + 400 = 829.660 ns.
  std::int64_t sameLeaf() const { return 2 * host + leafPp; }
  // gpu -> leaf -> spine -> leaf -> gpu: 2 x 214.830 + 2 x 444.836 + 400 + 330 + 400 = 2449.332 ns.
  std::int64_t crossLeaf() const { return 2 * host + 2 * fabric + 2 * leafPp + spinePp; }
};

TEST(LatencyCheck, WorstAndMedianOfTwoTierFabricByHand) {
  const TwoTier t;
  const GpuLatencyStats st = computeGpuLatency(t.f);
  EXPECT_EQ(st.gpus, 4u);
  EXPECT_EQ(st.pairs, 12u);  // 4 x 3 ordered pairs
  EXPECT_EQ(st.pairsMeasured, 12u);
  EXPECT_FALSE(st.sampled);
  EXPECT_EQ(st.worst.ps(), t.crossLeaf());
  // Worst pair: the first leaf0 GPU towards gpu3.
  EXPECT_EQ(t.f.node(st.worstFrom).name, "dc/gpu0");
  EXPECT_EQ(t.f.node(st.worstTo).name, "dc/gpu3");
  // 6 same-leaf ordered pairs (3 x 2) and 6 cross-leaf ones (3 x 1 x 2): the
  // middle two of the 12 sorted values are one of each, so the median is their mean.
  EXPECT_EQ(st.median.ps(), (t.sameLeaf() + t.crossLeaf()) / 2);
  // GPUs on one leaf form one group, gpu3 another.
  EXPECT_EQ(st.sourceGroups, 2u);
}

TEST(LatencyCheck, TargetBelowWorstFails) {
  const TwoTier t;
  const Duration worst = Duration::picoseconds(t.crossLeaf());
  EXPECT_EQ(checkLatency(t.f, worst).status, CheckStatus::Pass);  // equal to the target is fine
  const CheckResult r = checkLatency(t.f, worst - Duration::picoseconds(1));
  EXPECT_EQ(r.status, CheckStatus::Fail);
  // The cross-leaf pairs, listed once (latency is symmetric) for both directions: 6 ordered pairs.
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_EQ(r.offenders[0], fmt::format("dc/gpu0 -> dc/gpu3: {} > {} (and 5 similar pairs)", worst,
                                        worst - Duration::picoseconds(1)));
  EXPECT_EQ(r.moreOffenders, 0u);
  EXPECT_DOUBLE_EQ(r.metric("worst")->value, worst.seconds());
}

TEST(LatencyCheck, AmplifiersAndLongFibreCount) {
  // gpu0 - leaf A - (400ZR+ over 2 x 100 km via one EDFA) - leaf B - gpu1.
  Fabric f;
  const models::Catalog& c = f.catalog();
  const auto la = addSwitch(f, "A/leaf0", 0, "51.2T-128x400G", "A");
  const auto lb = addSwitch(f, "B/leaf0", 0, "51.2T-128x400G", "B");
  hostLink(f, addGpu(f, "A/gpu0", -1, "A"), la);
  hostLink(f, addGpu(f, "B/gpu0", -1, "B"), lb);
  const auto amp = addPassive(f, "A-B/amp0", topology::NodeKind::Amplifier, "edfa-std-high-gain");
  routedLink(f, la, lb, "400ZR+", "smf", {Length::kilometres(100), Length::kilometres(100)}, {amp});
  // 200 km x 1.468 / c = 979.34 us, + 2 x 1 us (400ZR+) + 100 ns (EDFA) + 2 leaves + 2 host links.
  const std::int64_t host = propagationPs(Length::metres(3), c.fibre("mmf-om4").groupIndex) +
                            2 * c.module("400G-SR4").latency.ps();
  const std::int64_t longHaul = propagationPs(Length::kilometres(200), c.fibre("smf").groupIndex) +
                                2 * c.module("400ZR+").latency.ps() +
                                c.amplifier("edfa-std-high-gain").latency.ps();
  const std::int64_t expected =
      2 * host + longHaul + 2 * c.packetSwitch("51.2T-128x400G").portToPort.ps();
  const CheckResult r = checkLatency(f, Duration::milliseconds(20));
  EXPECT_EQ(r.status, CheckStatus::Pass);
  EXPECT_DOUBLE_EQ(r.metric("worst")->value, Duration::picoseconds(expected).seconds());
  // Two sites: the A<->B worst is reported on its own.
  ASSERT_NE(r.metric("worst:A<->B"), nullptr);
  EXPECT_DOUBLE_EQ(r.metric("worst:A<->B")->value, Duration::picoseconds(expected).seconds());
  // The site-pair target: met at exactly the worst, failed 1 ps below it.
  const Duration worst = Duration::picoseconds(expected);
  EXPECT_EQ(checkLatency(f, std::nullopt, worst).status, CheckStatus::Pass);
  const CheckResult tight = checkLatency(f, std::nullopt, worst - Duration::picoseconds(1));
  EXPECT_EQ(tight.status, CheckStatus::Fail);
  ASSERT_EQ(tight.offenders.size(), 1u);
  EXPECT_EQ(tight.offenders[0],
            fmt::format("A <-> B: {} > {}", worst, worst - Duration::picoseconds(1)));
}

TEST(LatencyCheck, SamplesSourcesWhenWorkIsTooLarge) {
  const TwoTier t;
  // A work budget of 1 affords one source group: leaf0's 3 GPUs, towards all
  // 4 GPUs: 3 x 2 within + 3 x 1 towards gpu3 = 9 ordered pairs.
  const GpuLatencyStats st = computeGpuLatency(t.f, std::nullopt, 1);
  EXPECT_TRUE(st.sampled);
  EXPECT_EQ(st.sourceGroupsMeasured, 1u);
  EXPECT_EQ(st.pairsMeasured, 9u);
  const CheckResult r = checkLatency(t.f, std::nullopt, std::nullopt, 1);
  EXPECT_TRUE(contains(r.summary, "sampled: 1 of 2 source GPU groups")) << r.summary;
  EXPECT_EQ(r.metric("sampled")->value, 1.0);
}

TEST(LatencyCheck, UnreachablePairsWarn) {
  TwoTier t;
  addGpu(t.f, "dc/gpu-lonely");
  const CheckResult r = checkLatency(t.f);
  EXPECT_EQ(r.status, CheckStatus::Warn);
  // The lonely GPU to and from each of 4: 8 ordered pairs.
  EXPECT_EQ(r.metric("unreachable_pairs")->value, 8.0);
}

}  // namespace
}  // namespace ofe::analysis
