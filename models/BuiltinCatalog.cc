// The shipped equipment figures. Every figure comes from the published source
// quoted in its entry's `source` (datasheet, standard, vendor page, paper) or is
// marked `assumption = true` with the reason in `notes`. docs/catalog.md lists
// the same figures with their derivations; keep the two in step.
#include <cmath>

#include "models/Catalog.h"

namespace ofe::models {

namespace {

// 100G/lane PAM4 Ethernet: 256b/257b transcoding then RS(544,514) "KP4".
// 544/514 x 257/256 = (544 x 257) / (514 x 256) and 514 = 2 x 257, so the
// product is 544 / 512 = 17/16 = 1.0625 exactly (53.125 GBd x 2 b = 106.25 Gb/s
// per 100G lane). Written as one division so the double is exactly 1.0625.
constexpr double kKp4LineOverhead = (544.0 * 257.0) / (514.0 * 256.0);

// 100GBASE-LR4 runs 64b/66b without mandatory FEC: 4 x 25.78125 Gb/s.
constexpr double k64b66bLineOverhead = 66.0 / 64.0;

// 400ZR: 478.75 Gb/s on the line for 400GbE payload (Huawei 400G 80 km module doc, P).
constexpr double k400ZrLineOverhead = 478.75 / 400.0;

// Shared wording of the two latency assumptions, so every entry says the same thing.
const char* const kDspLatencyNote =
    "latency 100 ns per end = widely quoted KP4 FEC + DSP figure, not verified (U in reference); "
    "the codeword alone takes 5440 b / 106.25 Gb/s = 51.2 ns to buffer (D)";
const char* const kNoDspLatencyNote =
    "no DSP retimer in the module; the host still decodes KP4, so latency = one codeword "
    "buffered (5440 b / lane rate) + ~10 ns decode (estimate)";
const char* const kKp4Source =
    "KP4 RS(544,514): Intel AN 846 (P); latency: Sella/Moore/Zilberman NEAT 2018 (P) + U";

void addModules(Catalog& c) {
  {
    OpticalModule m;
    m.name = "100G-LR4";
    m.formFactor = "QSFP28";
    m.medium = Medium::Singlemode;
    m.rate = DataRate::gbps(100);
    m.lanes = 4;
    m.lineOverhead = k64b66bLineOverhead;
    m.fec = "none";
    m.latency = Duration::nanoseconds(5);
    m.reach = Length::kilometres(10);
    m.maxChannelLoss = Decibel(6.3);
    m.power = Power::watts(3.5);
    m.source =
        "clrnetworks.com CLR-HGS-LR10; huahanda.com (S): 4x25G NRZ, 10 km, 3.5 W max; "
        "6.3 dB: IEEE 802.3ba cl. 88 (recalled, not checked against the source)";
    m.assumption = true;
    m.notes =
        "6.3 dB channel insertion loss recalled from IEEE 802.3ba, not checked against the "
        "reference; latency 5 ns: CDR only, no FEC or DSP (estimate); another vendor quotes 4.0 W";
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "400G-SR8";
    m.formFactor = "QSFP-DD";
    m.medium = Medium::Multimode;
    m.rate = DataRate::gbps(400);
    m.lanes = 8;  // 8 x 50G PAM4 = 8 x 53.125 Gb/s on the line
    m.lineOverhead = kKp4LineOverhead;
    m.fec = "KP4 RS(544,514)";
    m.latency = Duration::nanoseconds(100);
    m.reach = Length::metres(100);
    m.maxChannelLoss = Decibel(1.9);
    m.power = Power::watts(10);
    m.source = std::string(
                   "china-tscom.com (S): 8x50G PAM4, 100 m OM4, <10 W; 1.9 dB: IEEE 802.3cm "
                   "(recalled, not checked against the source); ") +
               kKp4Source;
    m.assumption = true;
    m.notes = std::string(
                  "power is the '<10 W' bound; 1.9 dB (OM4, 0.35 dB fibre + 1.5 dB connections) "
                  "recalled from IEEE 802.3cm; ") +
              kDspLatencyNote;
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "400G-SR4";
    m.formFactor = "OSFP";
    m.medium = Medium::Multimode;
    m.rate = DataRate::gbps(400);
    m.lanes = 4;
    m.lineOverhead = kKp4LineOverhead;
    m.fec = "KP4 RS(544,514)";
    m.latency = Duration::nanoseconds(100);
    m.reach = Length::metres(50);
    m.maxChannelLoss = Decibel(0.0);
    m.power = Power::watts(8);
    m.source = std::string(
                   "docs.nvidia.com/networking/display/MMA4Z00NS400T (P): 4x100G PAM4, 50 m MMF, "
                   "8 W typ / 9 W max; ") +
               kKp4Source;
    m.assumption = true;
    m.notes =
        std::string("channel loss allowance (IEEE 802.3db) not found: 0 = unknown; ") +
        kDspLatencyNote;
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "400G-DR4";
    m.formFactor = "OSFP";
    m.medium = Medium::Singlemode;
    m.rate = DataRate::gbps(400);
    m.lanes = 4;
    m.lineOverhead = kKp4LineOverhead;
    m.fec = "KP4 RS(544,514)";
    m.latency = Duration::nanoseconds(100);
    m.reach = Length::metres(500);
    m.maxChannelLoss = Decibel(3.0);
    m.power = Power::watts(9);
    m.source =
        std::string(
            "docs.nvidia.com/networking/display/mms4x00ns400 (P): 4x100G, 9 W, 100 m for the "
            "NVIDIA part, IEEE DR4 500 m; 3.0 dB: IEEE 802.3bs cl. 124 (not in reference "
            "sheet); ") +
        kKp4Source;
    m.assumption = true;
    m.notes = std::string(
                  "reach is the IEEE 400GBASE-DR4 500 m; the NVIDIA MMS4X00-NS400 is specified "
                  "for 100 m only; 3.0 dB recalled from IEEE 802.3bs; ") +
              kDspLatencyNote;
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "800G-SR8";
    m.formFactor = "OSFP (twin-port)";
    m.medium = Medium::Multimode;
    m.rate = DataRate::gbps(800);
    m.lanes = 8;
    m.lineOverhead = kKp4LineOverhead;
    m.fec = "KP4 RS(544,514)";
    m.latency = Duration::nanoseconds(100);
    m.reach = Length::metres(50);
    m.maxChannelLoss = Decibel(0.0);
    m.power = Power::watts(15);
    m.source =
        std::string("docs.nvidia.com/networking/display/800gmma4z00nst (P): 8x100G, 50 m, 15 W; ") +
        kKp4Source;
    m.assumption = true;
    m.notes =
        std::string("channel loss allowance not found: 0 = unknown; ") + kDspLatencyNote;
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "800G-DR8";
    m.formFactor = "OSFP (twin-port)";
    m.medium = Medium::Singlemode;
    m.rate = DataRate::gbps(800);
    m.lanes = 8;  // 8 x 106.25 Gb/s (53.125 GBd PAM4), 16 fibres
    m.lineOverhead = kKp4LineOverhead;
    m.fec = "KP4 RS(544,514)";
    m.latency = Duration::nanoseconds(100);
    m.reach = Length::metres(500);
    m.maxChannelLoss = Decibel(3.0);
    m.power = Power::watts(17);
    m.source = std::string(
                   "tiafotc.org 800GBASE-DR8 (P): 8x106.25G, 500 m, channel IL <= 3.0 dB; "
                   "docs.nvidia.com/networking/display/800gmms4x00nst (P): 17 W; ") +
               kKp4Source;
    m.assumption = true;
    m.notes = std::string(
                  "reach is IEEE 802.3df 500 m; the NVIDIA MMS4X00-NS (source of the 17 W) is "
                  "specified for 100 m; ") +
              kDspLatencyNote;
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "800G-2xFR4";
    m.formFactor = "OSFP (twin-port)";
    m.medium = Medium::Singlemode;
    m.rate = DataRate::gbps(800);
    m.lanes = 8;  // 2 x (4 wavelengths x 100G)
    m.lineOverhead = kKp4LineOverhead;
    m.fec = "KP4 RS(544,514)";
    m.latency = Duration::nanoseconds(100);
    m.reach = Length::kilometres(2);
    m.maxChannelLoss = Decibel(4.0);
    m.power = Power::watts(16);
    m.source = std::string(
                   "docs.nvidia.com MMS4X50-NM (P, reach 2 km); tarluz.com (S, typical 800G module "
                   "13-18 W); 4.0 dB: IEEE 802.3cu 400GBASE-FR4 (recalled, not checked against the source); ") +
               kKp4Source;
    m.assumption = true;
    m.notes = std::string(
                  "power U: 16 W taken inside the 13-18 W typical range; 4.0 dB per FR4 half "
                  "recalled from IEEE 802.3cu; ") +
              kDspLatencyNote;
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "800G-LPO";
    m.formFactor = "OSFP";
    m.medium = Medium::Singlemode;
    m.rate = DataRate::gbps(800);
    m.lanes = 8;
    m.lineOverhead = kKp4LineOverhead;  // the host's KP4 symbols go straight onto the fibre
    m.fec = "none";
    m.latency = Duration::nanoseconds(60);  // 5440 b / 106.25 Gb/s = 51.2 ns + ~10 ns decode
    m.reach = Length::metres(500);
    m.maxChannelLoss = Decibel(0.0);
    m.power = Power::watts(9);
    m.source =
        "axiomupgrades.com (S): 8x100G no DSP, <=500 m, ~8-9 W (DSP module 14-16 W); "
        "chipcraft.tech (S): LPO removes ~100 ns of DSP latency";
    m.assumption = true;
    m.notes = std::string("power: upper end of ~8-9 W; channel loss allowance unknown (0); ") +
              kNoDspLatencyNote;
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "1.6T-DR8";
    m.formFactor = "OSFP";
    m.medium = Medium::Singlemode;
    m.rate = DataRate::gbps(1600);
    m.lanes = 8;  // 8 x 200G PAM4 (802.3dj)
    m.lineOverhead = kKp4LineOverhead;
    m.fec = "KP4 RS(544,514)";
    m.latency = Duration::nanoseconds(100);
    m.reach = Length::metres(500);
    m.maxChannelLoss = Decibel(3.0);
    m.power = Power::watts(30);
    m.source =
        "chinacryo.com.cn/en/4/2/2104564 (S): 8x200G PAM4, 500 m, ~25-30 W; NVIDIA ~30 W per port "
        "(notebookcheck.net, S)";
    m.assumption = true;
    m.notes = std::string(
                  "3.0 dB assumed equal to 800GBASE-DR8 (802.3dj budget not found); "
                  "lineOverhead counts host KP4 only, an 802.3dj inner FEC on 200G optical lanes "
                  "is not modelled; ") +
              kDspLatencyNote;
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "1.6T-CPO";
    m.formFactor = "CPO";
    m.medium = Medium::Singlemode;
    m.rate = DataRate::gbps(1600);
    m.lanes = 8;  // 200G SerDes
    m.lineOverhead = kKp4LineOverhead;
    m.fec = "none";
    m.latency = Duration::nanoseconds(35);  // 5440 b / 212.5 Gb/s = 25.6 ns + ~10 ns decode
    m.reach = Length::metres(100);
    m.maxChannelLoss = Decibel(0.0);
    m.power = Power::watts(9);
    m.source =
        "notebookcheck.net; techinsights.com/zh-cn/node/60126 (S, quoting NVIDIA "
        "Spectrum-X/Quantum-X "
        "Photonics): 200G SerDes, 1.6T ports, ~9 W per port, in-rack to row";
    m.assumption = true;
    m.notes = std::string(
                  "reach: reference says 'in-rack to row', 100 m assumed; channel loss allowance "
                  "unknown (0); ") +
              kNoDspLatencyNote;
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "400ZR";
    m.formFactor = "QSFP-DD";
    m.medium = Medium::Singlemode;
    m.rate = DataRate::gbps(400);
    m.lanes = 1;  // one DP-16QAM wavelength
    m.lineOverhead = k400ZrLineOverhead;
    m.fec = "CFEC";
    m.latency = Duration::nanoseconds(500);
    m.reach = Length::kilometres(120);
    m.maxChannelLoss = Decibel(0.0);
    m.power = Power::watts(15);
    m.coherent = true;
    m.source =
        "Huawei 400G 80 km module doc (a10.tagan.ru mirror, P): DP-16QAM, 478.75 Gb/s line, CFEC, "
        "OSNR >= 26 dB; f-tone.com/?p=1727; precisionot.com (S): 80-120 km amplified, 15-21 W";
    m.assumption = true;
    m.notes =
        "reach: upper end of 80-120 km amplified, OSNR-limited; power: low end of 15-21 W; "
        "latency 500 ns: coherent DSP + CFEC estimate (several hundred ns class); "
        "no unamplified loss allowance found (0)";
    // QoT figures (docs/optics.md): one DP-16QAM carrier at 478.75 Gb/s / 8 bits per symbol.
    m.symbolRate = SymbolRate::baud(478.75e9 / 8.0);
    m.modulation = Modulation::Dp16Qam;
    m.rollOff = 0.2;                      // GNPy extra_eqpt_config.json ZR400G (P)
    m.txOsnr = Decibel(34.0);             // GNPy extra_eqpt_config.json ZR400G (P)
    m.fecThresholdBer = 1.25e-2;          // CFEC: Smartoptics SO-TQSFP-DD-4CC-ZR datasheet (P)
    m.requiredGsnr = Decibel(26.0 - 10.0 * std::log10(478.75 / 8.0 / 12.5));  // OSNR 26 dB / 0.1 nm, same sheet
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "400ZR+";
    m.formFactor = "QSFP-DD";
    m.medium = Medium::Singlemode;
    m.rate = DataRate::gbps(400);
    m.lanes = 1;
    m.lineOverhead = k400ZrLineOverhead;
    m.fec = "oFEC";
    m.latency = Duration::microseconds(1);
    m.reach = Length::kilometres(1000);
    m.maxChannelLoss = Decibel(0.0);
    m.power = Power::watts(21);
    m.coherent = true;
    m.source =
        "f-tone.com/?p=1727; precisionot.com (S): ZR+ 100s of km, datasheet 21 W typ / 22.5 W max";
    m.assumption = true;
    m.notes =
        "reach 1000 km is an estimate inside 'hundreds of km' for 400G DP-16QAM; line rate taken "
        "equal to 400ZR (OpenZR+ oFEC differs slightly); latency 1 us: coherent DSP + oFEC "
        "estimate";
    // OpenZR+ MSA Rev 3.0 (S): 400G DP-16QAM at 60.14 GBd, OSNR 24 dB / 0.1 nm at the oFEC threshold 2.0e-2.
    m.symbolRate = SymbolRate::baud(60.1385e9);
    m.modulation = Modulation::Dp16Qam;
    m.rollOff = 0.2;
    m.txOsnr = Decibel(34.0);
    m.fecThresholdBer = 2.0e-2;
    m.requiredGsnr = Decibel(24.0 - 10.0 * std::log10(60.1385 / 12.5));
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "subsea-coherent-400G";
    m.formFactor = "SLTE transponder";
    m.medium = Medium::Singlemode;
    m.rate = DataRate::gbps(400);
    m.lanes = 1;
    m.lineOverhead = 1.25;
    m.fec = "SD-FEC";
    m.latency = Duration::microseconds(2);
    m.reach = Length::kilometres(15000);
    m.maxChannelLoss = Decibel(0.0);
    m.power = Power::watts(40);
    m.coherent = true;
    m.source =
        "GNPy example-data/eqpt_config.json, OpenROADM MSA ver. 5.0 400G DP-16QAM mode (P); cable "
        "lengths for scale: PLCN 12,800 km (socaltech.com, S), "
        "NCP ~13,000 km (submarinenetworks.com, S)";
    m.assumption = true;
    m.notes =
        "reach is what the QoT model decides over amplified spans (docs/optics.md): 400G of "
        "DP-16QAM does not close a trans-Pacific cable, 15,000 km is only a ceiling; 25 % SD-FEC "
        "overhead, 2 us DSP + FEC latency and 40 W per 400G line card are estimates";
    // QoT figures: OpenROADM MSA 5.0 "400 Gbit/s, DP-16QAM" mode in GNPy's
    // example-data/eqpt_config.json (P): 63.1 GBd, OSNR 24 dB / 0.1 nm, roll-off 0.15, tx_osnr 36 dB.
    m.symbolRate = SymbolRate::baud(63.1e9);
    m.modulation = Modulation::Dp16Qam;
    m.rollOff = 0.15;
    m.txOsnr = Decibel(36.0);
    m.fecThresholdBer = 2.0e-2;
    m.requiredGsnr = Decibel(24.0 - 10.0 * std::log10(63.1 / 12.5));
    c.put(m);
  }
  {
    // 100G per wavelength is what PLCN was designed for: 240 x 100G per fibre pair
    // (submarinenetworks.com, S). QoT figures: OpenROADM MSA 5.0 "100 Gbit/s, 31.57 Gbaud,
    // DP-QPSK" in GNPy's example-data/eqpt_config.json (P): OSNR 12 dB / 0.1 nm, roll-off 0.15,
    // tx_osnr 36 dB, 50 GHz minimum spacing.
    OpticalModule m;
    m.name = "subsea-100G";
    m.formFactor = "SLTE transponder";
    m.medium = Medium::Singlemode;
    m.rate = DataRate::gbps(100);
    m.lanes = 1;
    m.lineOverhead = 31.57 * 4.0 / 100.0;  // 4 bits per DP-QPSK symbol
    m.fec = "SD-FEC";
    m.latency = Duration::microseconds(2);
    m.reach = Length::kilometres(15000);
    m.maxChannelLoss = Decibel(0.0);
    m.power = Power::watts(25);
    m.coherent = true;
    m.source =
        "GNPy example-data/eqpt_config.json, OpenROADM MSA ver. 5.0 100G DP-QPSK mode (P); "
        "PLCN 240 x 100G per fibre pair (submarinenetworks.com, S)";
    m.assumption = true;
    m.notes =
        "reach is what the QoT model decides over amplified spans (docs/optics.md), 15,000 km "
        "is only a ceiling; FEC threshold 2e-2 (SD-FEC class), 2 us DSP + FEC latency and 25 W "
        "are estimates";
    m.symbolRate = SymbolRate::baud(31.57e9);
    m.modulation = Modulation::DpQpsk;
    m.rollOff = 0.15;
    m.txOsnr = Decibel(36.0);
    m.fecThresholdBer = 2.0e-2;
    m.requiredGsnr = Decibel(12.0 - 10.0 * std::log10(31.57 / 12.5));
    c.put(m);
  }
  {
    // Terrestrial long-haul routes between national hubs run 1,000-2,500 km of fibre
    // (docs/catalog.md, East Data West Computing table), beyond 400ZR+ pluggables.
    OpticalModule m;
    m.name = "400G-LH";
    m.formFactor = "line-card transponder";
    m.medium = Medium::Singlemode;
    m.rate = DataRate::gbps(400);
    m.lanes = 1;
    m.lineOverhead = 1.25;
    m.fec = "SD-FEC";
    m.latency = Duration::microseconds(1);
    m.reach = Length::kilometres(2500);
    m.maxChannelLoss = Decibel(0.0);
    m.power = Power::watts(35);
    m.coherent = true;
    m.source = "engineering estimate; route lengths from the reference's hub-pair table (D)";
    m.assumption = true;
    m.notes =
        "all figures assumed: a long-haul coherent transponder (probabilistic shaping, ~130 GBd) "
        "reaching 2,500 km over amplified spans; 25 % SD-FEC overhead, 1 us DSP + FEC, 35 W";
    // Assumed QoT figures: 400G DP-QPSK at ~130 GBd (the 400G QPSK China Mobile piloted over
    // 5,600 km in 2023, Light Reading 2023-06-16, S); required GSNR 9.2 dB = OpenZR+'s 200G
    // DP-QPSK tolerance (16 dB / 0.1 nm at 60.14 GBd) taken for this class; SD-FEC at 2.0e-2.
    m.symbolRate = SymbolRate::baud(130e9);
    m.modulation = Modulation::DpQpsk;
    m.rollOff = 0.1;
    m.txOsnr = Decibel(36.0);             // OpenROADM v5 transceivers in GNPy (P)
    m.fecThresholdBer = 2.0e-2;
    m.requiredGsnr = Decibel(9.2);
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "nvlink4";
    m.formFactor = "NVLink";
    m.medium = Medium::ScaleUp;
    // 18 links x 20.6 GB/s (NCCL SM90_NVLINK_BW) = 370.8 GB/s = 2966.4 Gb/s of data per direction.
    m.rate = DataRate::bitsPerSecond(2'966'400'000'000);
    m.lanes = 18;  // NVLink links per H100
    m.lineOverhead = 3600.0 / 2966.4;  // 450 GB/s on the wire per direction
    m.fec = "none";
    m.latency = Duration::nanoseconds(50);
    m.reach = Length::metres(2);
    m.maxChannelLoss = Decibel(0.0);
    m.power = Power::watts(0);
    m.source =
        "NVIDIA H100 datasheet: NVLink 4, 18 links, 900 GB/s bidirectional (not in reference "
        "sheet); data rate: NCCL src/graph/topo.h SM90_NVLINK_BW = 20.6 GB/s per link, and "
        "github.com/NVIDIA/nccl-tests/issues/212 (NCCL maintainer: '450GB/s is the line rate. "
        "With the protocol overhead (~20%) NCCL can get an effective NVLink bandwidth of 370GB/s')";
    m.assumption = true;
    m.notes =
        "line 900 GB/s / 2 = 450 GB/s = 3.6 Tb/s per direction, of which 370.8 GB/s carries data "
        "(NVLink packet headers and flow control: line overhead 1.2136); power 0: counted in the "
        "GPU and NVSwitch power; latency 50 ns per end (SerDes + link layer) and 2 m in-chassis "
        "reach are estimates";
    c.put(m);
  }
  {
    OpticalModule m;
    m.name = "nvlink5";
    m.formFactor = "NVLink";
    m.medium = Medium::ScaleUp;
    // 18 links x 40.1 GB/s (NCCL SM100_NVLINK_BW) = 721.8 GB/s = 5774.4 Gb/s of data per direction.
    m.rate = DataRate::bitsPerSecond(5'774'400'000'000);
    m.lanes = 18;  // NVLink links per B200
    m.lineOverhead = 7200.0 / 5774.4;  // 900 GB/s on the wire per direction
    m.fec = "none";
    m.latency = Duration::nanoseconds(50);
    m.reach = Length::metres(2);
    m.maxChannelLoss = Decibel(0.0);
    m.power = Power::watts(0);
    m.source =
        "NVIDIA B200: NVLink 5, 18 links, 1.8 TB/s bidirectional (recalled, not checked against the source); data "
        "rate: NCCL src/graph/topo.h SM100_NVLINK_BW = 40.1 GB/s per link";
    m.assumption = true;
    m.notes =
        "line 1.8 TB/s / 2 = 900 GB/s = 7.2 Tb/s per direction, of which 721.8 GB/s carries data; "
        "power 0, latency 50 ns per end and 2 m reach as nvlink4 (estimates)";
    c.put(m);
  }
}

void addFibres(Catalog& c) {
  {
    FibreType f;
    f.name = "smf";
    f.attenuation = Attenuation::dbPerKm(0.2);
    f.groupIndex = 1.468;
    f.source =
        "FOA loss-budget page, thefoa.org (S): 0.2 dB/km at 1550 nm; group index 1.468: oopt-gnpy "
        "gnpy/core/parameters.py (P), 4.897 us/km";
    c.put(f);
  }
  {
    FibreType f;
    f.name = "smf-1310";
    f.attenuation = Attenuation::dbPerKm(0.4);
    f.groupIndex = 1.468;
    f.source =
        "FOA loss-budget page, thefoa.org (S): 0.4 dB/km at 1310 nm; group index 1.468 at 1310 nm: "
        "hnkoptic.com (S)";
    c.put(f);
  }
  {
    FibreType f;
    f.name = "smf-subsea";
    f.attenuation = Attenuation::dbPerKm(0.16);
    f.groupIndex = 1.468;
    f.source = "engineering estimate (ultra-low-loss submarine fibre); group index per GNPy (P)";
    f.assumption = true;
    f.notes =
        "0.16 dB/km assumed for ultra-low-loss pure-silica-core fibre; its group index (slightly "
        "lower) is taken equal to standard SMF";
    // Large-area pure-silica-core fibre as GNPy's "LOF" (eqpt_config.json, P): D 22 ps/nm/km, A_eff 125 um^2.
    f.dispersion = Dispersion::psPerNmKm(22.0);
    f.effectiveArea = EffectiveArea::squareMicrometres(125.0);
    c.put(f);
  }
  {
    FibreType f;
    f.name = "mmf-om4";
    f.attenuation = Attenuation::dbPerKm(3.5);
    f.groupIndex = 1.482;
    f.source =
        "TIA-568 cabled multimode fibre at 850 nm: 3.5 dB/km (3.0 dB/km in TIA-568.3-D) "
        "(recalled, not checked against the source)";
    f.assumption = true;
    f.notes =
        "3.5 dB/km, the larger TIA figure, is the one IEEE 802.3 MMF link budgets use; group index "
        "1.482 at 850 nm is a typical OM4 datasheet value, not verified";
    c.put(f);
  }
  {
    FibreType f;
    f.name = "copper";
    f.attenuation = Attenuation::dbPerKm(0.0);
    f.groupIndex = 1.43;
    f.source = "engineering estimate (twinax / backplane)";
    f.assumption = true;
    f.notes =
        "attenuation 0: loss is not modelled for copper; velocity factor ~0.7 gives a group index "
        "of 1 / 0.7 = 1.43";
    c.put(f);
  }
}

void addSwitches(Catalog& c) {
  const char* const th5Source =
      "Tomahawk 5: convergedigest 2022-08-21 (Broadcom PR), techinsights node/49000, "
      "chipcraft.tech (S): "
      "51.2T, 450 W typical; Spectrum-4: docs.nvidia.com/networking/display/sn5000 (P): 64x800G / "
      "128x400G, cut-through; latency: Tomahawk-1 300-500 ns (ipspace.net, S)";
  const char* const th5Notes =
      "buffer U: 128 MiB estimate (reference: '100+ MB'); latency 400 ns = middle of the 300-500 "
      "ns "
      "class measured on Tomahawk-1; power is the ASIC's 450 W typical, chassis overhead (fans, "
      "CPU, "
      "PSU losses) not included";
  {
    SwitchModel s;
    s.name = "51.2T-64x800G";
    s.ports = 64;
    s.portRate = DataRate::gbps(800);
    s.capacity = s.portRate * s.ports;
    s.buffer = Bytes(128LL * 1024 * 1024);
    s.portToPort = Duration::nanoseconds(400);
    s.cutThrough = true;
    s.power = Power::watts(450);
    s.source = th5Source;
    s.assumption = true;
    s.notes = th5Notes;
    c.put(s);
  }
  {
    SwitchModel s;
    s.name = "51.2T-128x400G";
    s.ports = 128;
    s.portRate = DataRate::gbps(400);
    s.capacity = s.portRate * s.ports;
    s.buffer = Bytes(128LL * 1024 * 1024);
    s.portToPort = Duration::nanoseconds(400);
    s.cutThrough = true;
    s.power = Power::watts(450);
    s.source = th5Source;
    s.assumption = true;
    s.notes = std::string("same ASIC as 51.2T-64x800G at 128x400G; ") + th5Notes;
    c.put(s);
  }
  {
    SwitchModel s;
    s.name = "qm9700-64x400G";
    s.ports = 64;
    s.portRate = DataRate::gbps(400);
    s.capacity = s.portRate * s.ports;
    s.buffer = Bytes(64LL * 1024 * 1024);
    s.portToPort = Duration::nanoseconds(330);
    s.cutThrough = true;
    s.power = Power::watts(225);
    // SHARPv3 in-network computing: NVIDIA Quantum-2 QM9700 datasheet and
    // docs.nvidia.com QM97X0PUB ("NVIDIA SHARPv3"). Aggregation at line rate
    // is an assumption (no throughput figure published).
    s.inNetworkReduction = true;
    s.reductionEfficiency = 1.0;
    s.source =
        "docs.nvidia.com QM97X0PUB (P): 64x400G NDR, 51.2T, 66.5 Bpps, SHARPv3; latency claims <150 to "
        "~330 ns (itctshop.com; yobitel, S)";
    s.assumption = true;
    s.notes =
        "capacity 64 x 400G = 25.6 Tb/s per direction (NVIDIA's 51.2T counts both directions); SHARP "
        "aggregation at line rate U (reduction_efficiency 1); "
        "latency U: the larger claim (330 ns) is used; buffer undisclosed, 64 MiB estimate; power "
        "U: "
        "25.6 Tb/s x 8.8 pJ/bit (Tomahawk 5, D) = 225 W without optics";
    c.put(s);
  }
  {
    SwitchModel s;
    s.name = "q3400-144x800G";
    s.ports = 144;
    s.portRate = DataRate::gbps(800);
    s.capacity = s.portRate * s.ports;
    s.buffer = Bytes(128LL * 1024 * 1024);
    s.portToPort = Duration::nanoseconds(330);
    s.cutThrough = true;
    s.power = Power::watts(1000);
    // SHARPv4: NVIDIA Quantum-X800 InfiniBand platform announcement (GTC 2024).
    s.inNetworkReduction = true;
    s.reductionEfficiency = 1.0;
    s.source =
        "ziash.github.io study guide (S): Quantum-X800 Q3400, 144x800G XDR, 115.2T, 200G SerDes; SHARPv4 "
        "(NVIDIA Quantum-X800 announcement, GTC 2024)";
    s.assumption = true;
    s.notes =
        "latency, buffer and power U: latency as QM9700 (330 ns); buffer 128 MiB estimate; power "
        "115.2 Tb/s x 8.8 pJ/bit (Tomahawk 5, D) = 1014 W, rounded to 1000 W";
    c.put(s);
  }
  {
    SwitchModel s;
    s.name = "nvswitch-gen4";
    s.ports = 8;  // one logical port per H100 of a DGX H100
    s.portRate = DataRate::gbps(3600);
    s.capacity = s.portRate * s.ports;
    s.buffer = Bytes(0);
    s.portToPort = Duration::nanoseconds(300);
    s.cutThrough = true;
    s.power = Power::watts(400);
    s.inNetworkReduction = true;  // NVLink SHARP (NVLS), third-generation NVSwitch and later
    s.reductionEfficiency = 0.85;
    s.source =
        "engineering estimate; GPU-side figures from the NVIDIA H100 datasheet (NVLink 4, 18 "
        "links, 900 GB/s; recalled, not checked against the source); NVLS efficiency 0.85: NCCL src/graph/tuning.cc "
        "nvlsEfficiency (Hopper)";
    s.assumption = true;
    s.notes =
        "models the NVSwitch complex of one DGX H100 (4 chips) as one switch with 8 GPU ports of "
        "3.6 Tb/s (non-blocking for 8 GPUs); latency 300 ns (switch-hop class), 400 W (4 x ~100 W) "
        "and buffer 0 (credit-based, lossless) are estimates";
    c.put(s);
  }
  {
    SwitchModel s;
    s.name = "nvswitch-gen5";
    s.ports = 8;  // one logical port per B200 of a DGX B200
    s.portRate = DataRate::gbps(7200);
    s.capacity = s.portRate * s.ports;
    s.buffer = Bytes(0);
    s.portToPort = Duration::nanoseconds(300);
    s.cutThrough = true;
    s.power = Power::watts(400);
    s.inNetworkReduction = true;
    s.reductionEfficiency = 0.74;
    s.source =
        "NVIDIA B200: NVLink 5, 1.8 TB/s (recalled, not checked against the source); NVLS efficiency 0.74: NCCL "
        "src/graph/tuning.cc nvlsEfficiency (Blackwell)";
    s.assumption = true;
    s.notes =
        "the NVSwitch complex of one DGX B200 as one switch with 8 GPU ports of 7.2 Tb/s; latency, "
        "power and buffer as nvswitch-gen4 (estimates)";
    c.put(s);
  }
}

void addCircuitSwitches(Catalog& c) {
  CircuitSwitchModel o;
  o.name = "ocs-136";
  o.ports = 136;
  o.insertionLoss = Decibel(2.0);
  o.reconfiguration = Duration::milliseconds(3);
  o.power = Power::watts(100);
  o.source =
      "Google Palomar 3D-MEMS OCS, arXiv 2208.10041 via emergentmind.com (S): 136x136, IL < 2 dB, "
      "reconfiguration median 1.2 ms / p99 < 3 ms; TPU v4: OCS < 3 % of system power (hpcwire, S)";
  o.assumption = true;
  o.notes =
      "insertion loss: the < 2 dB bound used as worst case; reconfiguration: the 3 ms p99 bound "
      "(median 1.2 ms) so schedules are checked against the slow case; power U: 100 W estimate";
  c.put(o);
}

void addAmplifiers(Catalog& c) {
  const char* const gnpySource =
      "oopt-gnpy example-data/eqpt_config.json (P): std_high_gain 35 dB, NF 5.5-7 dB; "
      "std_medium_gain "
      "26 dB, NF 6-10 dB; Span max_length 150 km, max_loss 28 dB, connectors 0.5 dB in/out";
  {
    AmplifierModel a;
    a.name = "edfa-std-high-gain";
    a.gain = Decibel(35);
    a.noiseFigure = Decibel(5.5);
    a.maxSpan = Length::kilometres(150);
    a.latency = Duration::nanoseconds(100);
    a.power = Power::watts(30);
    a.source = gnpySource;
    a.assumption = true;
    a.notes =
        "NF 5.5 dB is GNPy nf_min, which applies at full gain; maxSpan = GNPy max_length 150 km "
        "(0.2 x 150 + 2 x 0.5 = 31 dB, within the 35 dB gain); latency 100 ns = ~20 m erbium coil "
        "and 30 W per amplifier are estimates";
    c.put(a);
  }
  {
    AmplifierModel a;
    a.name = "edfa-std-medium-gain";
    a.gain = Decibel(26);
    a.noiseFigure = Decibel(6);
    a.maxSpan = Length::kilometres(125);
    a.latency = Duration::nanoseconds(100);
    a.power = Power::watts(30);
    a.source = gnpySource;
    a.assumption = true;
    a.notes =
        "NF 6 dB is GNPy nf_min (full gain); maxSpan derived: (26 dB - 2 x 0.5 dB connectors) / "
        "0.2 dB/km = 125 km; latency 100 ns (~20 m erbium coil) and 30 W are estimates";
    c.put(a);
  }
  {
    AmplifierModel a;
    a.name = "submarine-repeater";
    a.submarine = true;
    a.gain = Decibel(15);
    a.noiseFigure = Decibel(4.5);
    a.maxSpan = Length::kilometres(90);
    a.latency = Duration::nanoseconds(100);
    a.power = Power::watts(50);
    a.source =
        "repeater spacing 40-80 km or 60-90 km: mapyourtech.com/?p=48000; library.3koozy.me ch. 10 "
        "(S); arXiv 2401.16997 (P)";
    a.assumption = true;
    a.notes =
        "maxSpan 90 km = top of the quoted spacing; gain 15 dB covers 90 km x 0.16 dB/km = 14.4 "
        "dB; "
        "gain, NF 4.5 dB, latency 100 ns and 50 W per repeater are estimates";
    c.put(a);
  }
}

void addGpus(Catalog& c) {
  {
    GpuModel g;
    g.name = "h100-sxm";
    g.architecture = GpuArchitecture::Hopper;
    g.power = Power::watts(700);
    g.nics = 1;
    g.nicRate = DataRate::gbps(400);
    g.nicPower = Power::watts(25);
    g.scaleUpRate = DataRate::gbps(3600);
    g.scaleUpLatency = Duration::nanoseconds(500);
    g.nicLatency = Duration::nanoseconds(500);
    g.gpusPerServer = 8;
    g.source =
        "docs.nvidia.com/dgx-basepod core components (P): DGX H100 = 8 GPUs, 8 x 400G ConnectX-7 "
        "for compute; NVIDIA H100 datasheet: 700 W SXM, NVLink 900 GB/s (recalled, not checked against the source)";
    g.assumption = true;
    g.notes =
        "scale-up 900 GB/s / 2 = 3.6 Tb/s per direction; NIC power 25 W, NIC latency 500 ns per "
        "end "
        "and scale-up latency 500 ns (2 x (2 x 50 ns nvlink4 + ~5 ns cable) + 300 ns NVSwitch) are "
        "estimates";
    c.put(g);
  }
  {
    GpuModel g;
    g.name = "b200";
    g.architecture = GpuArchitecture::Blackwell;
    g.power = Power::watts(1000);
    g.nics = 1;
    g.nicRate = DataRate::gbps(400);
    g.nicPower = Power::watts(25);
    g.scaleUpRate = DataRate::gbps(7200);
    g.scaleUpLatency = Duration::nanoseconds(500);
    g.nicLatency = Duration::nanoseconds(500);
    g.gpusPerServer = 8;
    g.source =
        "docs.nvidia.com/dgx-superpod reference-architecture b200 (P): 8-GPU DGX B200 nodes, 32 "
        "nodes "
        "per SU on 32 leaves; NVIDIA B200: 1000 W, NVLink 5 1.8 TB/s (recalled, not checked against the source)";
    g.assumption = true;
    g.notes =
        "1 x 400G NIC per GPU follows the B200 RA (same leaf count per SU as H100, 8 x ConnectX-7 "
        "per "
        "node), not stated as such in the RA; scale-up 1.8 TB/s / 2 = 7.2 Tb/s per "
        "direction; "
        "NIC power, NIC latency and scale-up latency as h100-sxm (estimates)";
    c.put(g);
  }
}

}  // namespace

Catalog Catalog::builtin() {
  Catalog c;
  addModules(c);
  addFibres(c);
  addSwitches(c);
  addCircuitSwitches(c);
  addAmplifiers(c);
  addGpus(c);
  return c;
}

}  // namespace ofe::models
