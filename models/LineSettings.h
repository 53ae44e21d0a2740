#pragma once
/// @file LineSettings.h
/// @brief How an amplified line is operated: launch power, channel grid, band, booster and preamplifier.

#include <optional>
#include <string>
#include <vector>

#include "units/Frequency.h"
#include "units/PowerLevel.h"
#include "units/SymbolRate.h"

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
  std::optional<Frequency> channelSpacing;        ///< grid slot width; unset: channelSpacingFor()
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

  /// `channelSpacing` when set, else the narrowest slot of the ITU-T G.694.1
  /// flexible grid (a multiple of 12.5 GHz) that holds (1 + @p rollOff) x
  /// @p rate, and never below the 50 GHz of the fixed DWDM grid most line
  /// systems are built on: 50 GHz for 32 GBd, 75 GHz for 400ZR's 59.84 GBd
  /// (the spacing OIF-400ZR-01.0 targets on amplified links), 150 GHz for 130 GBd.
  Frequency channelSpacingFor(SymbolRate rate, double rollOff) const;
};

/// "c", "l", "c+l".
std::string toString(Band band);

}  // namespace ofe::models
