#pragma once
/// @file CircuitSwitchModel.h
/// @brief An optical circuit switch (MEMS, e.g. Google Palomar) as a value type.

#include <string>

#include "units/Decibel.h"
#include "units/Duration.h"
#include "units/Power.h"

namespace ofe::models {

/// Passive to the data path: adds insertion loss, no packet processing.
struct CircuitSwitchModel {
  std::string name;          ///< catalog key, e.g. "ocs-136"
  int ports = 0;             ///< N in an N x N switch
  Decibel insertionLoss;     ///< worst-case loss through one cross-connect
  Duration reconfiguration;  ///< time to set up a new cross-connect
  Power power;
  std::string source;
  bool assumption = false;
  std::string notes;
};

}  // namespace ofe::models
