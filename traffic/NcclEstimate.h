#pragma once
/// @file NcclEstimate.h
/// @brief Alpha-beta estimates and bus-bandwidth bounds of NCCL's schedules on a fabric.

#include "traffic/JobSpec.h"
#include "traffic/NcclTopology.h"
#include "traffic/NcclTuner.h"
#include "units/Bytes.h"
#include "units/DataRate.h"
#include "units/Duration.h"

namespace ofe::traffic {

/// What the fabric offers one communicator, measured by the caller (analysis).
struct NcclFabricFigures {
  Duration intraAlpha;             ///< empty message between two GPUs of a server (scale-up latency)
  Duration interAlpha;             ///< empty message between servers on one rail, NICs included
  DataRate scaleUp;                ///< per-GPU scale-up data rate, per direction
  DataRate nic;                    ///< per-GPU NIC payload rate (ACK share removed), per direction
  double reductionEfficiency = 1.0;  ///< in-switch reduction, SwitchModel::reductionEfficiency
};

/// The busbw no run of @p algorithm x @p protocol can exceed on these
/// figures: the busiest port's load per byte of S, from the schedule's
/// traffic (docs/collectives.md, "Bounds"): ring min(NICs x nic, scale-up x
/// g/(g-1)) across servers and the scale-up rate in one; tree and NVLS-tree
/// the busiest server's tree degrees over its NICs; NVLS 2(g-1)/(g+1) x
/// scale-up x efficiency (across servers also heads x NIC); collnet and
/// collnet-chain heads x NIC and the busiest GPU's scale-up load; pxn and
/// direct all-to-all the NIC and NVLink loads. Divided by the protocol's wire expansion (LL 2, LL128 128/120).
/// A zero rate when a figure it needs is missing.
DataRate ncclBusBound(CollectiveOp op, Algorithm algorithm, Protocol protocol, const NcclTopology& topology,
                      const NcclFabricFigures& fabric);

/// Latency + bandwidth estimate of one collective: the base latency and, per
/// hop of the schedule's longest chain, NCCL's per-hop latency plus the
/// fabric's alpha; then nccl-tests' bus factor x S / ncclBusBound. Pipelines
/// are taken in the limit of fine pieces (no fill term).
Duration ncclEstimate(CollectiveOp op, Algorithm algorithm, Protocol protocol, const NcclTopology& topology,
                      Bytes size, const NcclHopCosts& costs, const NcclFabricFigures& fabric);

}  // namespace ofe::traffic
