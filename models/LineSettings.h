#pragma once
/// @file LineSettings.h
/// @brief How an amplified line is operated: launch power, channel grid, band, booster and preamplifier.

#include <optional>
#include <string>
#include <vector>

#include "units/Frequency.h"
#include "units/PowerLevel.h"

namespace ofe::models {

/// Launch power per channel into each span: a level, or the optimum that maximises GSNR.
struct LaunchPower {
  bool optimum = false;                      ///< `auto`
  PowerLevel level = PowerLevel::dbm(0.0);   ///< used unless optimum
};

/// Named amplifier bands.
enum class Band { C, L, CPlusL };

/// One contiguous stretch of spectrum, [start, end].
struct SpectrumRange {
  Frequency start;
  Frequency end;
};

/// Operating point of a long-haul route or submarine cable. Every amplifier's
/// gain equals the loss of the span before it (capped at the amplifier's
/// maximum gain), so every span is launched at `launchPower`.
struct LineSettings {
  LaunchPower launchPower;                        ///< per channel, into every span
  Frequency channelSpacing = Frequency::hertz(50e9);  ///< grid slot width
  Band band = Band::C;
  std::optional<Frequency> bandStart;             ///< with bandEnd: replaces `band`
  std::optional<Frequency> bandEnd;
  bool preamplifier = true;  ///< an amplifier after the last span, before the receiver (whoever builds
                             ///< the OpticalLine turns it into the last span's `amplified`)
  bool booster = false;      ///< an amplifier between the transmitter and the first span

  /// The spectrum the channels may occupy: bandStart..bandEnd when both are
  /// set, else the named band:
  /// - C: 191.325-196.125 THz (4.8 THz: 96 slots of 50 GHz centred on
  ///   191.35-196.10 THz, the channel range of GNPy's example transceivers,
  ///   github.com/Telecominfraproject/oopt-gnpy example-data/eqpt_config.json);
  /// - L: 186.325-190.125 THz (3.8 THz, the L-band spectral information of
  ///   GNPy's eqpt_config_multiband.json, 186.35-190.1 THz centres);
  /// - C+L: both.
  /// @throws std::invalid_argument when only one edge is set or start >= end.
  std::vector<SpectrumRange> spectrum() const;
};

/// "c", "l", "c+l".
std::string toString(Band band);

}  // namespace ofe::models
