#pragma once
/// @file AmplifierModel.h
/// @brief An in-line optical amplifier (terrestrial EDFA) or submarine repeater.

#include <string>

#include "units/Decibel.h"
#include "units/Duration.h"
#include "units/Length.h"
#include "units/Power.h"

namespace ofe::models {

/// Figures of one amplifier type; spans longer than maxSpan are a design error.
struct AmplifierModel {
  std::string name;       ///< catalog key, e.g. "edfa-std-high-gain"
  bool submarine = false; ///< a repeater powered over the cable
  Decibel gain;           ///< nominal gain, the loss of span it compensates
  Decibel noiseFigure;
  Length maxSpan;         ///< longest fibre span it is designed to follow
  Duration latency;       ///< erbium fibre coil, tens of metres
  Power power;
  std::string source;
  bool assumption = false;
  std::string notes;
};

}  // namespace ofe::models
