// A cable run a fraction of a dB below its module's requirement: the GN
// model's post-FEC BER becomes frame loss on the wire, the transport
// retransmits, and the run still completes, slower. The same cable with its
// margin intact loses nothing.
#include <gtest/gtest.h>

#include <string>

#include <fmt/format.h>

#include "IntegrationSupport.h"
#include "models/FrameErrorRate.h"
#include "scenario/ScenarioLoader.h"

namespace ofe::integration {
namespace {

std::string transPacific() { return shippedScenarioText("trans-pacific"); }

/// trans-pacific.yaml with subsea-100G needing @p required dB of GSNR.
scenario::Scenario withRequirement(double required) {
  const std::string catalog = fmt::format(
      "catalog:\n  modules:\n    - name: subsea-100G\n      required_gsnr: {}dB\n", required);
  return scenario::ScenarioLoader::loadString(catalog + transPacific(), "trans-pacific-degraded.yaml");
}

const topology::Link& cable(const scenario::Scenario& s) {
  for (const topology::Link& l : s.fabric.links()) {
    if (l.qot) return l;
  }
  throw std::logic_error("no cable");
}

struct Wire {
  std::uint64_t packets = 0;
  std::uint64_t lost = 0;
  std::uint64_t retransmissions = 0;
};

Wire runOver(const scenario::Scenario& s, Duration* last) {
  const WorkloadRun r = runWorkload(s.fabric, s.jobs, s.settings);
  EXPECT_TRUE(r.run.completed) << r.run.diagnosis;
  Wire w;
  const topology::LinkId id = cable(s).id;
  for (const core::LinkDirectionStats& d : r.run.links) {
    if (d.link != id) continue;
    w.packets += d.packets;
    w.lost += d.lost;
  }
  for (const core::TransferResult& t : r.run.transfers) w.retransmissions += t.retransmissions;
  *last = r.run.end;
  return w;
}

TEST(DegradedLine, NegativeMarginLosesFramesAndRetransmits) {
  const scenario::Scenario healthy = scenario::ScenarioLoader::loadString(transPacific(), "trans-pacific.yaml");
  const double gsnr = cable(healthy).qot->worst.gsnrSignal.db();
  ASSERT_GT(cable(healthy).qot->margin->db(), 1.0);
  Duration healthyEnd;
  const Wire clean = runOver(healthy, &healthyEnd);
  EXPECT_GT(clean.packets, 0u);
  EXPECT_EQ(clean.lost, 0u);
  EXPECT_EQ(clean.retransmissions, 0u);

  // 0.2 dB short: past the FEC threshold, on the decoder's waterfall (post-FEC BER ~1.5e-7,
  // half a percent of full frames lost; 0.05 dB short gives ~3e-13, 0.25 dB ~4e-6 and 12 % of
  // frames, where a segment lost three times in a row outlasts the default stall window).
  const scenario::Scenario degraded = withRequirement(gsnr + 0.2);
  const topology::Link& line = cable(degraded);
  ASSERT_LT(line.qot->margin->db(), 0.0);
  EXPECT_EQ(line.bitErrorRate, line.qot->postFecBer);
  // A full 4,000 B payload frame (plus headers) crossing it is lost with probability
  // 1 - (1 - BER)^bits; smaller frames (acknowledgements) less often.
  const double fullFrameLoss = models::frameErrorRate(line.bitErrorRate, 8 * 4200);
  ASSERT_GT(fullFrameLoss, 1e-3) << "the requirement must put the line on the waterfall";
  ASSERT_LT(fullFrameLoss, 0.02) << "but not so far down that most frames need several tries";
  Duration degradedEnd;
  const Wire lossy = runOver(degraded, &degradedEnd);
  EXPECT_GT(lossy.lost, 0u);
  EXPECT_LE(static_cast<double>(lossy.lost), fullFrameLoss * static_cast<double>(lossy.packets) * 2.0 + 10.0);
  EXPECT_GE(lossy.retransmissions, 1u);
  EXPECT_GT(degradedEnd, healthyEnd);  // every loss costs at least a round trip of 125 ms
}

}  // namespace
}  // namespace ofe::integration
