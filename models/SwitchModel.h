#pragma once
/// @file SwitchModel.h
/// @brief A packet switch (Ethernet/InfiniBand) or scale-up switch as a value type.

#include <string>

#include "units/Bytes.h"
#include "units/DataRate.h"
#include "units/Duration.h"
#include "units/Power.h"

namespace ofe::models {

/// Figures of one packet-switch type; a Fabric node names it by `name`.
struct SwitchModel {
  std::string name;       ///< catalog key, e.g. "51.2T-64x800G"
  int ports = 0;          ///< radix at portRate
  DataRate portRate;      ///< fastest port speed
  DataRate capacity;      ///< switching capacity (ports x portRate for a full-rate ASIC)
  Bytes buffer;           ///< packet buffer (shared)
  Duration portToPort;    ///< port-to-port latency (cut-through, no queueing)
  bool cutThrough = true;
  Power power;            ///< system power without optics
  /// Reduces data inside the switch: NVLink SHARP on an NVSwitch (nvls,
  /// nvls-tree), SHARP on an InfiniBand switch (collnet, collnet-chain, nvls
  /// across servers), where the packet engine makes the switch a transfer end.
  bool inNetworkReduction = false;
  /// Share of a port's rate that reduction and multicast traffic achieves (1 = line rate):
  /// the NVLS flows of a scale-up switch, the transfers a packet switch ends.
  double reductionEfficiency = 1.0;
  std::string source;
  bool assumption = false;
  std::string notes;
};

}  // namespace ofe::models
