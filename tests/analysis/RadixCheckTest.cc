#include <gtest/gtest.h>

#include "AnalysisTestSupport.h"
#include "analysis/RadixCheck.h"

namespace ofe::analysis {
namespace {

using namespace test;  // NOLINT: test helpers only
using topology::Fabric;
using topology::NodeKind;

TEST(RadixCheck, SwitchOverItsRadixFails) {
  Fabric f;
  const int ports = f.catalog().packetSwitch("qm9700-64x400G").ports;  // 64
  const auto leaf = addSwitch(f, "dc/leaf0", 0, "qm9700-64x400G");
  const auto spine = addSwitch(f, "dc/spine0", 1, "qm9700-64x400G");
  // One bundle of ports - 1 channels plus one GPU: leaf at 64 (full, fine), spine at 63.
  fabricLink(f, leaf, spine, Length::metres(50), ports - 1);
  hostLink(f, addGpu(f, "dc/gpu0"), leaf);
  EXPECT_EQ(checkRadix(f).status, CheckStatus::Pass);
  // A second GPU makes 65 on the leaf.
  hostLink(f, addGpu(f, "dc/gpu1"), leaf);
  const CheckResult r = checkRadix(f);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  EXPECT_EQ(r.metric("over_radix")->value, 1.0);
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_EQ(r.offenders[0],
            fmt::format("dc/leaf0: {} ports used > {} of qm9700-64x400G", ports + 1, ports));
  EXPECT_DOUBLE_EQ(r.metric("max_switch_port_use")->value, static_cast<double>(ports + 1) / ports);
}

TEST(RadixCheck, ModuleFasterThanSwitchPortFails) {
  // 800G-DR8 (800 Gbps per channel) into a 128 x 400G switch.
  Fabric f;
  const auto a = addSwitch(f, "dc/a", 0, "51.2T-128x400G");
  const auto b = addSwitch(f, "dc/b", 1, "51.2T-64x800G");
  topology::LinkSpec s;
  s.module = "800G-DR8";
  s.fibre = "smf-1310";
  s.length = Length::metres(50);
  const auto l = f.addLink(a, b, s);
  const CheckResult r = checkRadix(f);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  EXPECT_EQ(r.metric("over_speed")->value, 1.0);  // only the 400G end
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_EQ(
      r.offenders[0],
      fmt::format(
          "dc/a - dc/b (link {}): 800 Gbps per channel on dc/a > 400 Gbps ports of 51.2T-128x400G",
          l));
}

TEST(RadixCheck, GpuWithMoreNicLinksThanNicsFails) {
  Fabric f;
  const int nics = f.catalog().gpu("h100-sxm").nics;  // 1
  const auto gpu = addGpu(f, "dc/gpu0");
  for (int i = 0; i <= nics; ++i) hostLink(f, gpu, addSwitch(f, "dc/leaf" + std::to_string(i), 0));
  const CheckResult r = checkRadix(f);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_EQ(r.offenders[0],
            fmt::format("dc/gpu0: {} NIC links > {} NICs of h100-sxm", nics + 1, nics));
}

TEST(RadixCheck, ScaleUpLinkIsNotANicLink) {
  // One NIC link plus one NVLink to the server's scale-up switch: within limits.
  Fabric f;
  const auto gpu = addGpu(f, "dc/gpu0");
  hostLink(f, gpu, addSwitch(f, "dc/leaf0", 0));
  topology::Node nvs;
  nvs.name = "dc/server0/nvswitch";
  nvs.kind = NodeKind::ScaleUpSwitch;
  nvs.model = "nvswitch-gen4";
  nvs.site = "dc";
  topology::LinkSpec s;
  s.module = "nvlink4";
  s.fibre = "copper";
  s.length = Length::metres(1);
  f.addLink(gpu, f.addNode(nvs), s);
  EXPECT_EQ(checkRadix(f).status, CheckStatus::Pass) << checkRadix(f).summary;
}

TEST(RadixCheck, OcsCountsTwoPortsPerCircuit) {
  // ocs-136: 68 circuits use 136 ports (full); the 69th needs 138.
  Fabric f;
  const int ocsPorts = f.catalog().circuitSwitch("ocs-136").ports;
  const auto ocs = addPassive(f, "dc/ocs0", NodeKind::CircuitSwitch, "ocs-136", "dc");
  const auto a = addSwitch(f, "dc/spine0", 1);
  const auto b = addSwitch(f, "dc/spine1", 1);
  for (int i = 0; i < ocsPorts / 2; ++i) {
    routedLink(f, a, b, "400G-DR4", "smf-1310", {Length::metres(100), Length::metres(100)}, {ocs});
  }
  CheckResult r = checkRadix(f);
  EXPECT_EQ(r.status, CheckStatus::Pass) << r.summary;
  EXPECT_DOUBLE_EQ(r.metric("max_ocs_port_use")->value, 1.0);
  routedLink(f, a, b, "400G-DR4", "smf-1310", {Length::metres(100), Length::metres(100)}, {ocs});
  r = checkRadix(f);
  EXPECT_EQ(r.status, CheckStatus::Fail);
  ASSERT_EQ(r.offenders.size(), 1u);
  EXPECT_EQ(r.offenders[0], fmt::format("dc/ocs0: {} ports used ({} circuits) > {} of ocs-136",
                                        ocsPorts + 2, ocsPorts / 2 + 1, ocsPorts));
}

}  // namespace
}  // namespace ofe::analysis
