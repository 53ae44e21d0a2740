#pragma once
/// @file CostModel.h
/// @brief Alpha-beta estimates of collective times and nccl-tests bandwidth figures.

#include "traffic/JobSpec.h"
#include "units/Bytes.h"
#include "units/DataRate.h"
#include "units/Duration.h"

namespace ofe::traffic {

/// Inputs of the alpha-beta model (docs/collectives.md gives every formula).
struct CostParameters {
  Duration alpha;              ///< per-message latency between ranks (scale-out)
  DataRate bandwidth;          ///< per-rank, per-direction rate: 1/beta (scale-out NIC)
  Duration scaleUpAlpha;       ///< Hierarchical: per-message latency inside a server
  DataRate scaleUpBandwidth;   ///< Hierarchical: per-GPU scale-up rate
  int gpusPerServer = 8;       ///< Hierarchical: ranks per scale-up domain (g)
};

/// Estimated time of one @p op over @p n ranks on S = @p size bytes (nccl-tests
/// convention) with flat schedule @p algorithm, on an ideal non-blocking fabric where each
/// rank sends and receives at `bandwidth` and every message pays `alpha`.
/// Pipelined algorithms are given in the limit of fine chunks (no fill term).
/// Bandwidth terms are exact fractions rounded once to the picosecond.
/// @throws std::invalid_argument for n < 2, an unsupported pair, an NCCL
/// algorithm (ncclEstimate covers those), a zero rate,
/// halving-doubling all-gather/reduce-scatter on a non-power-of-two n, or
/// hierarchical with n not a multiple of gpusPerServer.
Duration estimate(CollectiveOp op, Algorithm algorithm, int n, Bytes size, const CostParameters& params);
/// The same without scale-up figures; @throws std::invalid_argument for Algorithm::Hierarchical.
Duration estimate(CollectiveOp op, Algorithm algorithm, int n, Bytes size, Duration alpha, DataRate bandwidth);

/// nccl-tests busbw / algbw: AllReduce 2(n-1)/n; AllGather, ReduceScatter,
/// AllToAll (n-1)/n; Broadcast, Reduce, SendRecv 1.
double busBandwidthFactor(CollectiveOp op, int n);
/// nccl-tests algbw = S / t, as a rate (bits per second = 8 S / t), rounded to 1 bps.
/// @throws std::invalid_argument when @p time is not positive.
DataRate algBandwidth(Bytes size, Duration time);
/// nccl-tests busbw = algbw x busBandwidthFactor, computed exactly then rounded to 1 bps.
DataRate busBandwidth(CollectiveOp op, int n, Bytes size, Duration time);

}  // namespace ofe::traffic
