#pragma once
/// @file GpuModel.h
/// @brief A GPU with its NIC(s) and scale-up (NVLink-class) port.

#include <string>

#include "units/DataRate.h"
#include "units/Duration.h"
#include "units/Power.h"

namespace ofe::models {

/// Figures of one GPU type. Each GPU vertex in a fabric has `nics` scale-out
/// ports of `nicRate` and one scale-up port of `scaleUpRate` per direction.
struct GpuModel {
  std::string name;         ///< catalog key, e.g. "h100-sxm"
  Power power;              ///< board power (TDP)
  int nics = 1;             ///< scale-out NIC ports per GPU
  DataRate nicRate;         ///< per NIC port
  Power nicPower;           ///< per NIC
  DataRate scaleUpRate;     ///< NVLink-class bandwidth per direction
  Duration scaleUpLatency;  ///< one-way GPU-to-GPU over the scale-up switch
  Duration nicLatency;      ///< host/NIC pipeline latency, one way per end
  int gpusPerServer = 8;
  std::string source;
  bool assumption = false;
  std::string notes;
};

}  // namespace ofe::models
