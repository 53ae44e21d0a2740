#pragma once
/// @file QotEstimate.h
/// @brief Quality of transmission of one amplified line: GSNR per channel, margin, BER, CD, PMD.

#include <optional>
#include <string>

#include "units/Decibel.h"
#include "units/Duration.h"
#include "units/Frequency.h"
#include "units/PowerLevel.h"

namespace ofe::models {

/// Noise figures of one channel at the receiver. "0.1 nm" figures are over the
/// 12.5 GHz reference bandwidth; "signal" figures over the symbol rate.
struct ChannelQot {
  Frequency frequency;
  Decibel gsnr;            ///< 0.1 nm
  Decibel gsnrSignal;      ///< symbol-rate bandwidth: the SNR the receiver sees
  Decibel osnrAse;         ///< 0.1 nm, amplifier noise only
  Decibel snrNli;          ///< 0.1 nm, nonlinear interference only
  Decibel snrNliSignal;    ///< symbol-rate bandwidth
};

/// What the QoT model says about one line at its launch power.
struct QotEstimate {
  int slots = 0;               ///< channels of the module's grid that fit the band
  int channels = 0;            ///< channels the link carries
  int amplifiers = 0;          ///< in-line, pre- and booster amplifiers
  PowerLevel launchPower;      ///< per channel, as used (the optimum when `auto`)
  PowerLevel optimumLaunchPower;
  ChannelQot centre;           ///< the slot nearest the middle of the spectrum
  ChannelQot edge;             ///< the lowest-frequency slot
  ChannelQot worst;            ///< the slot with the lowest GSNR: margin and BER use it
  std::optional<Decibel> requiredGsnr;  ///< signal bandwidth; unset when the module gives neither it nor a FEC threshold
  std::optional<Decibel> margin;        ///< worst.gsnrSignal - requiredGsnr
  Decibel implementationPenalty;        ///< requiredGsnr - the textbook SNR at the FEC threshold
  double preFecBer = 0.0;      ///< of the worst slot; 0 when unknown
  double postFecBer = 0.0;
  double dispersionPsPerNm = 0.0;  ///< accumulated chromatic dispersion
  double pmdPs = 0.0;              ///< mean differential group delay
  Duration latency;                ///< fibre propagation, the same for every channel to within picoseconds
  std::string spectrumProblem;     ///< why the channels do not fit; empty when they do
  Frequency channelSpacing;        ///< the grid used (LineSettings::channelSpacingFor)
  int spans = 0;                   ///< fibre spans of non-zero length
};

}  // namespace ofe::models
