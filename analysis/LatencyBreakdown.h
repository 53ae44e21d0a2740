#pragma once
/// @file LatencyBreakdown.h
/// @brief Where the time of a transfer (or of a collective's critical path) went.

#include "analysis/TransferPath.h"
#include "traffic/Transfer.h"
#include "models/EngineSettings.h"
#include "topology/Fabric.h"
#include "units/Bytes.h"
#include "units/Duration.h"

namespace ofe::analysis {

/// Components of a measured time. All but `queueing` are computed from the
/// fabric; `queueing` is the measured time minus all the others, so the
/// components add up to the measured time exactly, to the picosecond
/// (docs/reports.md, "Latency breakdown").
struct LatencyBreakdown {
  Duration serialisation;  ///< clocking the frames out at the path's rates (see idleBreakdown)
  Duration propagation;    ///< fibre delay plus passive sites passed (amplifiers, repeaters)
  Duration module;         ///< transceivers at both ends of every link (FEC decode, DSP)
  Duration switching;      ///< port-to-port latency of every switch passed
  Duration nic;            ///< NIC/host pipeline latency at source and destination
  /// GPU/proxy latency the NCCL protocol charges per hop (Transfer::overhead:
  /// NCCL's per-hop latency, and its base latency on a collective's first transfers)
  Duration protocol;
  Duration queueing;       ///< the remainder: queues, pacing and window limits, retransmissions
  Duration wait;           ///< critical path only: start skew and gaps between dependent transfers

  /// Sum of every component.
  Duration total() const;
  /// Component-wise sum.
  LatencyBreakdown& operator+=(const LatencyBreakdown& other);
};

/// The fixed components of sending @p size bytes over @p path on an idle
/// fabric, as the packet engine times it (queueing and wait are 0):
///  - propagation, module: sums of Link::propagation + Link::passiveLatency
///    and Link::moduleLatency over the path's links;
///  - switching: SwitchModel::portToPort of every switch on the path;
///  - nic: GpuModel::nicLatency of the source and of the destination;
///  - serialisation: the transfer is cut into n = ceil(size / mtu) frames of
///    mtu + header (the last one smaller); a frame occupies hop h for its
///    wire bytes (plus wireOverhead) at Link::rate. Store-and-forward
///    switches split the path into segments (cut-through switches keep one
///    segment going); a segment clocks a frame in the longest time of any
///    of its hops. With segment times a_m for a full frame and b_m for the
///    last one, the frames leave the path after
///      n = 1: sum_m b_m
///      n > 1: max over c of ( sum_{m<=c} a_m + (n-2) max_{m<=c} a_m + sum_{m>=c} b_m ),
///    the longest path through the segments x frames grid of a deterministic
///    tandem queue. With equal frames this is all frames at the bottleneck
///    rate plus one frame per other segment.
/// An empty path gives all zeros.
LatencyBreakdown idleBreakdown(const topology::Fabric& fabric,
                               const models::EngineSettings& settings, const TransferPath& path,
                               Bytes size);

/// True when the engines run @p t in the scale-up fluid model: both ends on
/// one scale-up switch (Fabric::scaleUpSwitchOf), or a GPU and its switch.
bool inScaleUpDomain(const topology::Fabric& fabric, const traffic::Transfer& t);

/// The fixed components of transfer @p t over @p path: idleBreakdown of its
/// wire bytes for frames; inside a scale-up domain, serialisation = wire
/// bytes at the GPU port's rate (at SwitchModel::reductionEfficiency of it
/// when the switch is one end) and switching = GpuModel::scaleUpLatency, as
/// core::ScaleUpFabric times it. `protocol` is Transfer::overhead.
LatencyBreakdown transferBreakdown(const topology::Fabric& fabric, const models::EngineSettings& settings,
                                   const TransferPath& path, const traffic::Transfer& t);

}  // namespace ofe::analysis
