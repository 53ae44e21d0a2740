#pragma once
/// @file OpticalModule.h
/// @brief A transceiver (pluggable, LPO, CPO, coherent) or an electrical/scale-up port as a value type.

#include <optional>
#include <string>

#include "models/Modulation.h"
#include "units/DataRate.h"
#include "units/Decibel.h"
#include "units/Duration.h"
#include "units/Length.h"
#include "units/Power.h"
#include "units/PowerLevel.h"
#include "units/SymbolRate.h"

namespace ofe::models {

/// What carries the signal between the two ends of a link.
enum class Medium { Multimode, Singlemode, Copper, ScaleUp };

/// "multimode", "singlemode", "copper", "scale-up".
std::string toString(Medium medium);

/// One transceiver type. A link has one at each end; figures are per module.
struct OpticalModule {
  std::string name;        ///< catalog key, e.g. "800G-DR8"
  std::string formFactor;  ///< OSFP, QSFP-DD, CPO, NVLink, ...
  Medium medium = Medium::Singlemode;
  DataRate rate;           ///< payload (MAC) rate the module carries
  int lanes = 1;           ///< electrical/optical lanes
  double lineOverhead = 1.0;  ///< line rate / payload rate (FEC + encoding), e.g. 1.0625 for 257b + RS(544,514)
  std::string fec;         ///< FEC scheme, "none" for LPO/CPO links relying on host FEC
  Duration latency;        ///< added by one end (FEC decode, DSP retiming)
  Length reach;            ///< specified reach over its medium
  Decibel maxChannelLoss;  ///< channel insertion-loss allowance; 0 dB when not specified
  Power power;             ///< electrical power of one module
  bool coherent = false;   ///< coherent DSP (400ZR/ZR+): reach set by OSNR, amplified spans allowed
  std::string source;      ///< where the figures come from
  bool assumption = false; ///< true when some figure is not verified (see notes)
  std::string notes;
  // Coherent figures the QoT model uses (docs/optics.md); a zero symbol rate leaves the module to its reach.
  SymbolRate symbolRate;   ///< modulation rate; 0 when not coherent or unknown
  double rollOff = 0.15;   ///< pulse-shaping roll-off: a channel occupies (1 + rollOff) x symbolRate
  Modulation modulation = Modulation::DpQpsk;
  Decibel txOsnr = Decibel(40.0);  ///< transmitter noise, over 0.1 nm (GNPy's tx_osnr)
  std::optional<Decibel> requiredGsnr;  ///< over the signal bandwidth, at the FEC threshold
  double fecThresholdBer = 0.0;    ///< pre-FEC BER the FEC corrects to 1e-15; 0 when unknown
  PowerLevel txPower = PowerLevel::dbm(-10.0);  ///< transmitter output, what a booster amplifies (assumed default)

  /// Signalling rate on the medium, payload rate x lineOverhead.
  DataRate lineRate() const;
};

}  // namespace ofe::models
