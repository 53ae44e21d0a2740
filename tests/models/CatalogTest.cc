#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/Catalog.h"

namespace ofe::models {
namespace {

const std::vector<std::string> kModules = {"100G-LR4",
                                           "400G-SR8",
                                           "400G-SR4",
                                           "400G-DR4",
                                           "800G-SR8",
                                           "800G-DR8",
                                           "800G-2xFR4",
                                           "800G-LPO",
                                           "1.6T-DR8",
                                           "1.6T-CPO",
                                           "400ZR",
                                           "400ZR+", "400G-LH",
                                           "subsea-coherent-400G", "subsea-100G",
                                           "nvlink4",
                                           "nvlink5"};
const std::vector<std::string> kFibres = {"smf", "smf-1310", "smf-subsea", "mmf-om4", "copper"};
const std::vector<std::string> kSwitches = {"51.2T-64x800G", "51.2T-128x400G", "qm9700-64x400G",
                                            "q3400-144x800G", "nvswitch-gen4",
                                            "nvswitch-gen5"};
const std::vector<std::string> kAmplifiers = {"edfa-std-high-gain", "edfa-std-medium-gain",
                                              "submarine-repeater"};
const std::vector<std::string> kGpus = {"h100-sxm", "b200"};

TEST(Catalog, BuiltinHasExactlyTheAgreedKeys) {
  const Catalog c = Catalog::builtin();
  for (const auto& k : kModules) EXPECT_TRUE(c.hasModule(k)) << k;
  for (const auto& k : kFibres) EXPECT_TRUE(c.hasFibre(k)) << k;
  for (const auto& k : kSwitches) EXPECT_TRUE(c.hasSwitch(k)) << k;
  for (const auto& k : kAmplifiers) EXPECT_TRUE(c.hasAmplifier(k)) << k;
  for (const auto& k : kGpus) EXPECT_TRUE(c.hasGpu(k)) << k;
  EXPECT_TRUE(c.hasCircuitSwitch("ocs-136"));
  EXPECT_EQ(c.modules().size(), kModules.size());
  EXPECT_EQ(c.fibres().size(), kFibres.size());
  EXPECT_EQ(c.switches().size(), kSwitches.size());
  EXPECT_EQ(c.circuitSwitches().size(), 1u);
  EXPECT_EQ(c.amplifiers().size(), kAmplifiers.size());
  EXPECT_EQ(c.gpus().size(), kGpus.size());
}

TEST(Catalog, UnknownNameThrowsListingKnownNames) {
  const Catalog c = Catalog::builtin();
  try {
    c.module("800G-XR8");
    FAIL() << "expected std::out_of_range";
  } catch (const std::out_of_range& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("'800G-XR8'"), std::string::npos) << what;
    for (const auto& k : kModules) EXPECT_NE(what.find(k), std::string::npos) << k;
  }
  EXPECT_THROW(c.fibre("smf-28"), std::out_of_range);
  EXPECT_THROW(c.packetSwitch("tomahawk6"), std::out_of_range);
  EXPECT_THROW(c.circuitSwitch("ocs-320"), std::out_of_range);
  EXPECT_THROW(c.amplifier("raman"), std::out_of_range);
  EXPECT_THROW(c.gpu("gb300"), std::out_of_range);
}

// Every entry names a source; every assumption says why; figures are physical.
TEST(Catalog, EveryModuleIsSourcedAndPhysical) {
  const Catalog c = Catalog::builtin();
  for (const auto& [name, m] : c.modules()) {
    SCOPED_TRACE(name);
    EXPECT_EQ(m.name, name);
    EXPECT_FALSE(m.source.empty());
    EXPECT_FALSE(m.fec.empty());
    if (m.assumption) {
      EXPECT_FALSE(m.notes.empty());
    }
    EXPECT_GT(m.rate.bps(), 0);
    EXPECT_GT(m.lanes, 0);
    EXPECT_GE(m.lineOverhead, 1.0);
    EXPECT_GT(m.reach.mm(), 0);
    EXPECT_GE(m.maxChannelLoss.db(), 0.0);
    EXPECT_GT(m.latency.ps(), 0);
    // Scale-up ports draw their power inside the GPU and NVSwitch figures.
    if (m.medium != Medium::ScaleUp) {
      EXPECT_GT(m.power.wattsValue(), 0.0);
    }
  }
}

TEST(Catalog, EveryOtherEntryIsSourcedAndPhysical) {
  const Catalog c = Catalog::builtin();
  for (const auto& [name, f] : c.fibres()) {
    SCOPED_TRACE(name);
    EXPECT_FALSE(f.source.empty());
    if (f.assumption) {
      EXPECT_FALSE(f.notes.empty());
    }
    EXPECT_GT(f.groupIndex, 1.0);
    EXPECT_GE(f.attenuation.dbPerKmValue(), 0.0);
  }
  for (const auto& [name, s] : c.switches()) {
    SCOPED_TRACE(name);
    EXPECT_FALSE(s.source.empty());
    if (s.assumption) {
      EXPECT_FALSE(s.notes.empty());
    }
    EXPECT_GT(s.ports, 0);
    EXPECT_EQ(s.capacity, s.portRate * s.ports);
    EXPECT_GT(s.portToPort.ps(), 0);
    EXPECT_GT(s.power.wattsValue(), 0.0);
  }
  for (const auto& [name, o] : c.circuitSwitches()) {
    SCOPED_TRACE(name);
    EXPECT_FALSE(o.source.empty());
    if (o.assumption) {
      EXPECT_FALSE(o.notes.empty());
    }
    EXPECT_GT(o.ports, 0);
    EXPECT_GT(o.insertionLoss.db(), 0.0);
    EXPECT_GT(o.reconfiguration.ps(), 0);
    EXPECT_GT(o.power.wattsValue(), 0.0);
  }
  for (const auto& [name, a] : c.amplifiers()) {
    SCOPED_TRACE(name);
    EXPECT_FALSE(a.source.empty());
    if (a.assumption) {
      EXPECT_FALSE(a.notes.empty());
    }
    EXPECT_GT(a.gain.db(), 0.0);
    EXPECT_GT(a.noiseFigure.db(), 0.0);
    EXPECT_GT(a.maxSpan.mm(), 0);
    EXPECT_GT(a.power.wattsValue(), 0.0);
  }
  for (const auto& [name, g] : c.gpus()) {
    SCOPED_TRACE(name);
    EXPECT_FALSE(g.source.empty());
    if (g.assumption) {
      EXPECT_FALSE(g.notes.empty());
    }
    EXPECT_GT(g.power.wattsValue(), 0.0);
    EXPECT_GT(g.nics, 0);
    EXPECT_GT(g.nicRate.bps(), 0);
    EXPECT_GT(g.nicPower.wattsValue(), 0.0);
    EXPECT_GT(g.scaleUpRate.bps(), 0);
    EXPECT_GT(g.gpusPerServer, 0);
  }
}

TEST(Catalog, CoherentFlagOnlyOnCoherentModules) {
  const Catalog c = Catalog::builtin();
  for (const auto& [name, m] : c.modules()) {
    const bool expected = name == "400ZR" || name == "400ZR+" || name == "400G-LH" ||
                          name == "subsea-coherent-400G" || name == "subsea-100G";
    EXPECT_EQ(m.coherent, expected) << name;
  }
}

TEST(Catalog, PrimarySourcedFiguresCarriedOver) {
  const Catalog c = Catalog::builtin();
  // tiafotc.org 800GBASE-DR8: 500 m, channel IL <= 3.0 dB.
  EXPECT_EQ(c.module("800G-DR8").reach, Length::metres(500));
  EXPECT_EQ(c.module("800G-DR8").maxChannelLoss, Decibel(3.0));
  // Palomar: 136 ports, IL < 2 dB taken as 2.0 dB, p99 reconfiguration < 3 ms taken as 3 ms.
  EXPECT_EQ(c.circuitSwitch("ocs-136").ports, 136);
  EXPECT_EQ(c.circuitSwitch("ocs-136").insertionLoss, Decibel(2.0));
  EXPECT_EQ(c.circuitSwitch("ocs-136").reconfiguration, Duration::milliseconds(3));
  // GNPy eqpt_config: 35 dB / 26 dB gain, Span max_length 150 km.
  EXPECT_EQ(c.amplifier("edfa-std-high-gain").gain, Decibel(35));
  EXPECT_EQ(c.amplifier("edfa-std-high-gain").maxSpan, Length::kilometres(150));
  EXPECT_EQ(c.amplifier("edfa-std-medium-gain").gain, Decibel(26));
  EXPECT_EQ(c.amplifier("submarine-repeater").maxSpan, Length::kilometres(90));
  // Tomahawk 5 / Spectrum-4: 64 x 800G = 128 x 400G = 51.2 Tb/s.
  EXPECT_EQ(c.packetSwitch("51.2T-64x800G").capacity.bps(), 51'200'000'000'000);
  EXPECT_EQ(c.packetSwitch("51.2T-128x400G").capacity.bps(), 51'200'000'000'000);
  // Quantum-2 QM9700: 64 x 400G = 25.6 Tb/s per direction (NVIDIA's "51.2T" counts both
  // directions).
  EXPECT_EQ(c.packetSwitch("qm9700-64x400G").capacity.bps(), 25'600'000'000'000);
  // Quantum-X800: 144 x 800G = 115.2 Tb/s.
  EXPECT_EQ(c.packetSwitch("q3400-144x800G").capacity.bps(), 115'200'000'000'000);
}

TEST(Catalog, ScaleUpRatesFromNvlinkBandwidth) {
  const Catalog c = Catalog::builtin();
  // NVLink 4: 900 GB/s bidirectional -> 450 GB/s x 8 b = 3.6 Tb/s per direction.
  // That is the line rate (the GPU's and the NVSwitch port's per-direction limit).
  EXPECT_EQ(c.gpu("h100-sxm").scaleUpRate.bps(), 3'600'000'000'000);
  EXPECT_EQ(c.packetSwitch("nvswitch-gen4").portRate, c.gpu("h100-sxm").scaleUpRate);
  // The nvlink4 module carries data at NCCL's SM90_NVLINK_BW: 18 links x 20.6 GB/s
  // = 370.8 GB/s x 8 b = 2966.4 Gb/s; its line overhead brings it back to the line rate.
  EXPECT_EQ(c.module("nvlink4").rate.bps(), 2'966'400'000'000);
  EXPECT_EQ(c.module("nvlink4").lanes, 18);
  EXPECT_DOUBLE_EQ(c.module("nvlink4").lineOverhead, 3600.0 / 2966.4);
  EXPECT_NEAR(static_cast<double>(c.module("nvlink4").lineRate().bps()),
              static_cast<double>(c.gpu("h100-sxm").scaleUpRate.bps()), 1e3);
  // NVLink 5: 1.8 TB/s bidirectional -> 900 GB/s x 8 b = 7.2 Tb/s per direction (line);
  // data 18 x 40.1 GB/s (SM100_NVLINK_BW) = 721.8 GB/s = 5774.4 Gb/s.
  EXPECT_EQ(c.gpu("b200").scaleUpRate.bps(), 7'200'000'000'000);
  EXPECT_EQ(c.packetSwitch("nvswitch-gen5").portRate, c.gpu("b200").scaleUpRate);
  EXPECT_EQ(c.module("nvlink5").rate.bps(), 5'774'400'000'000);
  EXPECT_NEAR(static_cast<double>(c.module("nvlink5").lineRate().bps()),
              static_cast<double>(c.gpu("b200").scaleUpRate.bps()), 1e3);
  // Both NVSwitch generations reduce in the switch (NVLS), at NCCL's nvlsEfficiency.
  EXPECT_TRUE(c.packetSwitch("nvswitch-gen4").inNetworkReduction);
  EXPECT_DOUBLE_EQ(c.packetSwitch("nvswitch-gen4").reductionEfficiency, 0.85);
  EXPECT_TRUE(c.packetSwitch("nvswitch-gen5").inNetworkReduction);
  EXPECT_DOUBLE_EQ(c.packetSwitch("nvswitch-gen5").reductionEfficiency, 0.74);
  EXPECT_EQ(c.gpu("h100-sxm").architecture, GpuArchitecture::Hopper);
  EXPECT_EQ(c.gpu("b200").architecture, GpuArchitecture::Blackwell);
  // DGX H100: 8 x 400G ConnectX-7 for 8 GPUs = 3.2 Tb/s per node.
  const GpuModel& h100 = c.gpu("h100-sxm");
  EXPECT_EQ((h100.nicRate * (h100.nics * h100.gpusPerServer)).bps(), 3'200'000'000'000);
}

TEST(Catalog, ScaleUpLatencyAgreesWithItsParts) {
  // GPU -> NVSwitch -> GPU = 2 x (2 ends x nvlink4 latency + 1 m of copper) + switch hop
  //                        = 2 x (2 x 50 ns + 4.77 ns) + 300 ns = 509.54 ns; the GPU figure says
  //                        500 ns.
  const Catalog c = Catalog::builtin();
  const Duration parts =
      (c.module("nvlink4").latency * 2 + c.fibre("copper").delayOver(Length::metres(1))) * 2 +
      c.packetSwitch("nvswitch-gen4").portToPort;
  EXPECT_EQ(parts.ps(), 509'540);
  EXPECT_LT(std::abs(parts.ps() - c.gpu("h100-sxm").scaleUpLatency.ps()), 20'000);
}

TEST(Catalog, PutReplacesAnEntry) {
  Catalog c = Catalog::builtin();
  OpticalModule m = c.module("800G-DR8");
  m.power = Power::watts(12);
  m.source = "scenario override";
  c.put(m);
  EXPECT_EQ(c.module("800G-DR8").power, Power::watts(12));
  EXPECT_EQ(c.module("800G-DR8").source, "scenario override");
  EXPECT_EQ(c.modules().size(), kModules.size());

  FibreType f;
  f.name = "hollow-core";
  f.groupIndex = 1.003;
  f.source = "scenario";
  c.put(f);
  EXPECT_TRUE(c.hasFibre("hollow-core"));
  EXPECT_EQ(c.fibres().size(), kFibres.size() + 1);
}

}  // namespace
}  // namespace ofe::models
