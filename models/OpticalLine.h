#pragma once
/// @file OpticalLine.h
/// @brief An amplified line as the QoT model sees it: spans of one fibre, amplifiers, the module and its settings.

#include <vector>

#include "models/AmplifierModel.h"
#include "models/FibreType.h"
#include "models/LineSettings.h"
#include "models/OpticalModule.h"
#include "units/Decibel.h"
#include "units/Length.h"

namespace ofe::models {

/// One fibre span and what follows it.
struct LineSpan {
  Length length;
  Decibel extraLoss;           ///< lumped at the span's end (connectors, splices)
  bool amplified = false;      ///< an amplifier follows the span
  AmplifierModel amplifier;    ///< its type, when amplified
};

/// Transmitter -> [booster] -> span -> amplifier -> ... -> span -> [preamplifier] -> receiver.
struct OpticalLine {
  FibreType fibre;
  std::vector<LineSpan> spans;  ///< in order; zero-length spans are left out
  AmplifierModel booster;       ///< used when settings.booster
  OpticalModule module;         ///< at both ends
  LineSettings settings;
  int channels = 1;             ///< wavelengths the link carries (all must fit the band)
};

}  // namespace ofe::models
