#pragma once
/// @file RadixCheck.h
/// @brief Check: ports used vs. ports available, and link speed vs. port speed.

#include "analysis/CheckResult.h"
#include "topology/Fabric.h"

namespace ofe::analysis {

/// Radix and port speed of every switch, OCS and GPU (all links count, up or down).
///
/// - Packet/scale-up switch: sum of the channels of its links <= SwitchModel::ports
///   (each channel is one module in one cage; breakout is not modelled), and
///   every link's per-channel module rate <= SwitchModel::portRate.
/// - OCS: 2 ports per circuit (each link passing it, in and out) <= CircuitSwitchModel::ports.
/// - GPU: channels of its NIC links (all but scale-up links) <= GpuModel::nics, each at
///   <= nicRate; the rates of its scale-up links together <= scaleUpRate. A zero
///   rate figure in the catalog means "not rated" and is not judged.
/// Any violation is a FAIL. Metrics: switches, circuit_switches, max_switch_port_use,
/// max_ocs_port_use (ratios), over_radix, over_speed (counts).
CheckResult checkRadix(const topology::Fabric& fabric);

}  // namespace ofe::analysis
