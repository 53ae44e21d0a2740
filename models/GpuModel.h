#pragma once
/// @file GpuModel.h
/// @brief A GPU with its NIC(s) and scale-up (NVLink-class) port.

#include <string>

#include "units/DataRate.h"
#include "units/Duration.h"
#include "units/Power.h"

namespace ofe::models {

/// GPU generation, as NCCL's tuning model tells them apart (compute capability
/// 7.x, 8.x, 9.x, 10.x): it selects NCCL's per-generation constants.
enum class GpuArchitecture { Volta, Ampere, Hopper, Blackwell };

/// Figures of one GPU type. Each GPU vertex in a fabric has `nics` scale-out
/// ports of `nicRate` and one scale-up port of `scaleUpRate` per direction.
struct GpuModel {
  std::string name;         ///< catalog key, e.g. "h100-sxm"
  GpuArchitecture architecture = GpuArchitecture::Hopper;  ///< selects NCCL's tuning constants
  Power power;              ///< board power (TDP)
  int nics = 1;             ///< scale-out NIC ports per GPU
  DataRate nicRate;         ///< per NIC port
  Power nicPower;           ///< per NIC
  DataRate scaleUpRate;     ///< NVLink-class bandwidth per direction
  Duration scaleUpLatency;  ///< one-way latency of a scale-up transfer, GPU to GPU over the scale-up switch
  Duration nicLatency;      ///< host/NIC pipeline latency, one way per end
  int gpusPerServer = 8;
  std::string source;
  bool assumption = false;
  std::string notes;
};

}  // namespace ofe::models
