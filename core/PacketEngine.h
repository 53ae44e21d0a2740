#pragma once
/// @file PacketEngine.h
/// @brief Packet-level engine: runs a plan as an ns-3 simulation of the fabric.

#include "core/Engine.h"
#include "core/PacketEngineOptions.h"
#include "models/EngineSettings.h"
#include "topology/Fabric.h"
#include "topology/Routing.h"

namespace ofe::core {

/// Simulates every frame of a plan over the fabric with ns-3 (picosecond
/// clock, WheelScheduler), without ns-3's IP stack:
///  - each packet node becomes an ns3::Node; each link an OpticalChannel with
///    an OpticalNetDevice at each end (serialisation at Link::rate, latency
///    Link::latency, optional bit errors; see those classes);
///  - switches forward with SwitchLogic (ECMP, finite buffers, ECN, PFC,
///    store-and-forward or cut-through);
///  - GPUs run NicTransport: reliable, windowed, DCQCN-paced transport per
///    transfer (TransportFlow), round-robin among flows on a port;
///  - transfers inside one scale-up domain (two GPUs of one scale-up switch,
///    or a GPU and its switch) run in ScaleUpFabric, a lossless fluid model
///    of the NVLink ports, not as frames;
///  - a transfer is ready when all of `after` are delivered and the clock
///    has reached notBefore, and starts Transfer::overhead later, once the
///    previous transfer of its connection (same src, dst and connection)
///    has put all its bytes on the wire; it moves Transfer::wireBytes().
///    TransferResult::start is when it starts, finish the arrival of its
///    last byte at the destination application. A barrier is delivered the
///    moment it is ready.
///
/// Counting conventions: LinkDirectionStats::bytes and packets count frames
/// (payload + TransportModel::headerBytes; ACK/NACK/CNP frames are ackBytes)
/// started on the link, lost ones included; `busy` is their wire time, which
/// also includes wireOverhead (preamble + inter-frame gap). packetHops is
/// the sum of packets over all link directions (data and control frames).
/// RunResult::end is when the last frame of a completed run was consumed
/// (or when the watchdog / time limit stopped it).
///
/// A completed run is checked: every transfer finished, every frame-level
/// transfer delivered exactly its wire bytes (no byte twice) and first-sent
/// every segment exactly once, no frame is left in flight or in a queue; a
/// violation throws std::logic_error. The same
/// fabric, routing, plan and seed give identical results.
///
/// The fabric and routing are referenced, not copied: they must outlive the
/// engine. Each run() starts from a fresh ns3::Simulator and destroys it
/// before returning, so one process can run many simulations.
class PacketEngine : public Engine {
 public:
  /// @throws std::invalid_argument on settings the engine cannot honour
  /// (zero MTU, non-positive stallTimeout, captures with headers shorter than
  /// OfeHeader needs).
  PacketEngine(const topology::Fabric& fabric, const topology::Routing& routing,
               const models::EngineSettings& settings, PacketEngineOptions options = {});

  /// @throws std::invalid_argument when a transfer's end is neither a GPU nor
  /// the scale-up switch of the GPU at its other end.
  RunResult run(const traffic::Plan& plan) override;
  const char* name() const override { return "packet"; }

  /// Puts ns-3's clock at picosecond resolution unless it already is. It
  /// must run before any other ns-3 simulation in the process creates Time
  /// values (ns-3 aborts on a later change); the constructor calls it.
  static void usePicosecondTime();

 private:
  const topology::Fabric& fabric_;
  const topology::Routing& routing_;
  models::EngineSettings settings_;
  PacketEngineOptions options_;
};

}  // namespace ofe::core
