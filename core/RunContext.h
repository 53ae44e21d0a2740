#pragma once
/// @file RunContext.h
/// @brief Everything one packet-level run owns: ns-3 objects, frames, flows, counters.

#include <ns3/event-id.h>
#include <ns3/node.h>
#include <ns3/ptr.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/EgressLoad.h"
#include "core/FramePool.h"
#include "core/IntStack.h"
#include "core/PacketEngineOptions.h"
#include "core/PathProfiler.h"
#include "core/Rng.h"
#include "core/RunResult.h"
#include "core/SwitchLogic.h"
#include "core/TransportFlow.h"
#include "core/Watchdog.h"
#include "models/EngineSettings.h"
#include "topology/Fabric.h"
#include "topology/Routing.h"
#include "traffic/Plan.h"

namespace ofe::core {

class NicTransport;
class OpticalChannel;
class OpticalNetDevice;
class PcapTap;
class ScaleUpFabric;

/// The run context: built by PacketEngine::run for one plan, passed by
/// reference to every component (no globals), and destroyed before
/// ns3::Simulator::Destroy. Arrays are indexed by NodeId, link direction
/// (2 x LinkId + 0 for a->b, 1 for b->a) and TransferId.
class RunContext {
 public:
  RunContext(const topology::Fabric& fabric, const topology::Routing& routing,
             const models::EngineSettings& settings, const PacketEngineOptions& options, const traffic::Plan& plan);
  ~RunContext();
  RunContext(const RunContext&) = delete;
  RunContext& operator=(const RunContext&) = delete;

  /// Creates ns-3 nodes, devices and channels for every packet node and link.
  void build();
  /// Runs the plan to completion, stall or time limit.
  RunResult run();

  // ---- services for the components ----
  FramePool& frames() { return pool_; }
  /// True when flows run HPCC: switch egresses then stamp telemetry on data frames.
  bool telemetry() const { return telemetry_; }
  /// The telemetry of frame @p index (grown on demand; only used with telemetry()).
  IntStack& telemetryOf(std::uint32_t index) {
    if (index >= telemetryStacks_.size()) telemetryStacks_.resize(static_cast<std::size_t>(index) + 1024);
    return telemetryStacks_[index];
  }
  Rng& rng() { return rng_; }
  const topology::Fabric& fabric() const { return fabric_; }
  /// The routing switches forward on now: the run's, or the last one
  /// recomputed after a link event (PacketEngineOptions::linkEvents).
  const topology::Routing& routing() const { return *routing_; }
  const models::EngineSettings& settings() const { return settings_; }
  OpticalNetDevice& device(std::uint32_t dir) { return *devices_[dir]; }
  const OpticalNetDevice& device(std::uint32_t dir) const { return *devices_[dir]; }
  /// The transport of frame-level transfer @p transfer (not a barrier, not scale-up).
  TransportFlow& flow(std::uint32_t transfer) { return flows_[flowOf_[transfer]]; }
  const TransportFlow& flow(std::uint32_t transfer) const { return flows_[flowOf_[transfer]]; }
  IngressPort& ingress(std::uint32_t dir) { return ingress_[dir]; }
  /// Queued data and pause state of the transmitter of @p dir.
  const EgressLoad& egressLoad(std::uint32_t dir) const { return egressLoad_[dir]; }
  LinkDirectionStats& stats(std::uint32_t dir) { return result_.links[dir]; }
  /// Direction of @p link leaving @p from.
  std::uint32_t directionFrom(topology::LinkId link, topology::NodeId from) const {
    return 2 * link + (linkA_[link] == from ? 0u : 1u);
  }
  /// Per-flow ECMP hash at node @p at (seeded, stable for the flow).
  std::uint64_t flowHash(const Frame& f, topology::NodeId at) const {
    return flowHash(f.src, f.dst, f.transfer, at);
  }
  std::uint64_t flowHash(topology::NodeId src, topology::NodeId dst, std::uint32_t transfer,
                         topology::NodeId at) const;
  std::uint32_t headerBytes() const { return headerBytes_; }
  std::uint32_t ackBytes() const { return ackBytes_; }
  std::uint32_t wireOverheadBytes() const { return wireOverhead_; }
  std::int64_t maxFrameBytes() const { return static_cast<std::int64_t>(mtu_) + headerBytes_; }
  std::int64_t maxWireBytes() const { return maxFrameBytes() + wireOverhead_; }
  std::uint32_t segmentsOf(std::uint32_t transfer) const { return flow(transfer).segments(); }

  // ---- events from the components ----
  /// Arrival event of frame @p frame, whose metadata is @p f (the slot passes both).
  void onArrival(std::uint32_t frame, Frame& f);
  /// The frame was lost on the wire of `Frame::dir`.
  void onLost(std::uint32_t frame);
  /// The frame was dropped inside a node (the caller counted it).
  void discard(std::uint32_t frame);
  /// The frame reached its destination and was processed.
  void consume(std::uint32_t frame);
  /// PFC: the receiver of @p dir pauses (or resumes) its upstream transmitter,
  /// effective one link latency later.
  void signalPause(std::uint32_t dir, bool pause);
  void noteProgress(std::int64_t now) { lastProgress_ = now; }
  /// The last byte of @p transfer reached the application at @p finishPs
  /// (now or later: a delivery latency may still be ahead).
  void onDelivered(std::uint32_t transfer, std::int64_t finishPs);
  /// Every segment of @p transfer is acknowledged.
  void onSenderDone(std::uint32_t transfer);
  /// @p transfer has put all its bytes on its first hop once: the next
  /// transfer of its connection (Transfer::connection) may start.
  void onSendingDone(std::uint32_t transfer);
  /// Stops the run early with @p diagnosis (watchdog, time limit).
  void stop(std::string diagnosis);

  // ---- read access for the watchdog ----
  const traffic::Plan& plan() const { return plan_; }
  bool started(std::uint32_t transfer) const { return started_[transfer]; }
  /// True when @p transfer runs in the scale-up fluid model rather than as frames.
  bool inScaleUp(std::uint32_t transfer) const { return scaleUpTransfer_[transfer]; }
  const ScaleUpFabric& scaleUp() const { return *scaleUp_; }
  bool finished(std::uint32_t transfer) const { return delivered_[transfer] && senderDone_[transfer]; }
  std::size_t activeFlows() const { return active_; }
  bool allDone() const { return allDone_; }
  std::int64_t lastProgress() const { return lastProgress_; }
  std::size_t directionCount() const { return devices_.size(); }
  const std::vector<std::unique_ptr<SwitchLogic>>& switches() const { return switches_; }
  const RunResult& partialResult() const { return result_; }
  const std::string& nodeName(topology::NodeId id) const { return fabric_.nodes()[id].name; }

 private:
  static constexpr std::uint32_t kNicTag = 0x80000000u;

  /// Dependencies are in and the overhead has passed: start, or wait for the
  /// connection's previous transfer.
  void activate(std::uint32_t transfer);
  /// Starts moving @p transfer's bytes now.
  void launch(std::uint32_t transfer);
  /// Schedules activate() at max(@p depsDonePs, notBefore) + overhead.
  void scheduleActivation(std::uint32_t transfer, std::int64_t depsDonePs);
  void flowFinished(std::uint32_t transfer);
  void maybeStop();
  void onTimeLimit();
  /// Applies options_.linkEvents[index]: the channel's state, the live fabric, a reroute ahead.
  void applyLinkEvent(std::size_t index);
  /// Recomputes routing on the live fabric and switches to it.
  void reroute();
  void onProgressTick();
  /// Window, timer and rate of @p t's flow, which leaves on @p first; @p direct
  /// when it crosses that one link only (a switch endpoint).
  FlowParams flowParams(const traffic::Transfer& t, topology::LinkId first, bool direct);
  void checkInvariants() const;
  /// The transport of a GPU, or of a switch that ends transfers.
  NicTransport& transportOf(topology::NodeId node) { return *nics_[transportOf_[node]]; }
  bool hasTransport(topology::NodeId node) const { return transportOf_[node] != Frame::kNone; }

  const topology::Fabric& fabric_;
  const topology::Routing* routing_;  ///< current; starts as the engine's
  const models::EngineSettings& settings_;
  const PacketEngineOptions& options_;
  const traffic::Plan& plan_;

  std::uint32_t mtu_;
  std::uint32_t headerBytes_;
  std::uint32_t ackBytes_;
  std::uint32_t wireOverhead_;

  Rng rng_;
  FramePool pool_;
  bool telemetry_ = false;
  std::vector<IntStack> telemetryStacks_;
  Watchdog watchdog_;
  std::unique_ptr<PathProfiler> profiler_;
  std::unique_ptr<ScaleUpFabric> scaleUp_;
  std::unique_ptr<topology::Fabric> liveFabric_;  ///< link states as they are now (only with link events)
  std::vector<std::unique_ptr<topology::Routing>> reroutes_;  ///< kept alive: a LinkRange may point into any
  std::int64_t rerouteAtPs_ = -1;  ///< time of the pending reroute, -1 when none

  // ns-3 objects (kept alive for the run).
  std::vector<ns3::Ptr<ns3::Node>> nodes_;
  std::vector<ns3::Ptr<OpticalChannel>> channels_;
  std::vector<ns3::Ptr<OpticalNetDevice>> deviceRefs_;
  std::vector<OpticalNetDevice*> devices_;  ///< by direction
  std::vector<std::unique_ptr<PcapTap>> taps_;

  std::vector<std::unique_ptr<SwitchLogic>> switches_;
  std::vector<std::unique_ptr<NicTransport>> nics_;  ///< GPUs' NICs, then switch endpoints
  std::vector<std::uint32_t> transportOf_;  ///< by node: index in nics_, or Frame::kNone
  std::vector<std::uint32_t> role_;          ///< by node: switch index, or kNicTag | NIC index
  std::vector<std::uint32_t> receiverRole_;  ///< by direction: role_ of the receiving node
  std::vector<topology::NodeId> linkA_;      ///< by link: end a
  std::vector<IngressPort> ingress_;         ///< by direction: PFC state at the receiving switch
  std::vector<EgressLoad> egressLoad_;       ///< by direction: written by its device

  std::vector<TransportFlow> flows_;          ///< frame-level transfers only
  std::vector<std::uint32_t> flowOf_;         ///< by transfer: index in flows_, or Frame::kNone
  std::vector<std::uint32_t> waiting_;       ///< by transfer: dependencies not yet delivered
  std::vector<std::vector<std::uint32_t>> dependents_;
  std::vector<char> started_;
  std::vector<char> delivered_;
  std::vector<char> senderDone_;
  std::vector<char> scaleUpTransfer_;          ///< by transfer: runs in scaleUp_
  std::vector<std::uint32_t> connectionNext_;  ///< by transfer: next transfer of its connection, or Frame::kNone
  std::vector<std::uint32_t> connectionPrev_;
  std::vector<char> sendingDone_;
  std::vector<char> parked_;                   ///< ready, waiting for the connection's previous transfer

  RunResult result_;
  std::size_t active_ = 0;
  std::size_t finishedCount_ = 0;
  bool allDone_ = false;
  std::uint64_t progressTicks_ = 0;  ///< PacketEngineOptions::progress events, not counted as model events
  bool stopped_ = false;
  std::int64_t lastProgress_ = 0;
};

}  // namespace ofe::core
