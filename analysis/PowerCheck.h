#pragma once
/// @file PowerCheck.h
/// @brief Check: total electrical power of the fabric, broken down by kind of equipment.

#include <optional>

#include "analysis/CheckResult.h"
#include "topology/Fabric.h"
#include "units/Power.h"

namespace ofe::analysis {

/// Power by kind of equipment, from the catalog figures of each element.
struct PowerBreakdown {
  Power gpus;             ///< GpuModel::power per GPU
  Power nics;             ///< GpuModel::nics x nicPower per GPU
  Power optics;           ///< 2 ends x channels x OpticalModule::power per link
  Power packetSwitches;   ///< SwitchModel::power per packet switch (without optics)
  Power scaleUpSwitches;  ///< SwitchModel::power per scale-up switch
  Power circuitSwitches;  ///< CircuitSwitchModel::power per OCS
  Power amplifiers;       ///< AmplifierModel::power per terrestrial amplifier site
  Power repeaters;        ///< AmplifierModel::power per submarine repeater

  Power total() const;
};

/// Sums the catalog power of every element; down links still draw power.
PowerBreakdown computePower(const topology::Fabric& fabric);

/// Informational PASS with the total and the breakdown; FAIL when the total
/// exceeds @p maxPower. Metrics (W): total, gpus, nics, optics, packet_switches,
/// scale_up_switches, circuit_switches, amplifiers, repeaters.
CheckResult checkPower(const topology::Fabric& fabric,
                       std::optional<Power> maxPower = std::nullopt);

}  // namespace ofe::analysis
