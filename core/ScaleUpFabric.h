#pragma once
/// @file ScaleUpFabric.h
/// @brief The scale-up domains (NVLink + NVSwitch) of a run as a lossless fluid model.

#include <ns3/event-impl.h>
#include <ns3/ptr.h>

#include <cstdint>
#include <vector>

#include "topology/Fabric.h"
#include "traffic/Transfer.h"

namespace ofe::core {

class RunContext;

/// NVLink ports are credit-flow-controlled and an NVSwitch is non-blocking, so
/// a scale-up domain neither drops, marks nor pauses: each GPU port's rate is
/// shared by the transfers using it. This model computes that sharing
/// directly instead of simulating frames: every transfer inside a domain is a
/// fluid flow whose rate is its max-min fair share (progressive filling) of
/// the GPU ports it uses, the sender's egress and the receiver's ingress
/// (one of them only when the other end is the switch itself: NVLS
/// reduction and multicast). Rates are recomputed when a flow starts or ends,
/// which costs one event per flow end, whatever the size. A flow with the
/// switch as one end moves its bytes at SwitchModel::reductionEfficiency of
/// the port's rate. A transfer is delivered GpuModel::scaleUpLatency after
/// its last byte left (the latency the GPU declares for GPU - switch - GPU).
///
/// A domain is a NodeKind::ScaleUpSwitch and the GPUs whose lowest-numbered
/// scale-up switch (over links that are up) it is; a GPU port's rate is the
/// sum of its links' rates to that switch.
class ScaleUpFabric {
 public:
  explicit ScaleUpFabric(RunContext& ctx);
  ScaleUpFabric(const ScaleUpFabric&) = delete;
  ScaleUpFabric& operator=(const ScaleUpFabric&) = delete;

  /// True when @p transfer stays inside one domain: two of its GPUs, or a GPU
  /// and its domain's switch.
  bool carries(const traffic::Transfer& transfer) const;
  /// Starts the flow of @p transfer (carries() must hold) at @p now.
  void start(const traffic::Transfer& transfer, std::int64_t now);
  /// Bytes of @p transfer not yet sent (for the watchdog's report).
  double remaining(traffic::TransferId transfer) const;

  /// A domain's completion event (BoundEvent target).
  void onEvent(std::uint32_t domain);

 private:
  struct Port {
    topology::NodeId gpu = topology::kNoNode;
    double capacityBps = 0.0;
    std::vector<std::uint32_t> up;    ///< link directions GPU -> switch
    std::vector<std::uint32_t> down;  ///< link directions switch -> GPU
  };
  struct Flow {
    traffic::TransferId transfer = traffic::kNoTransfer;
    int src = -1;  ///< port index, -1 for the switch
    int dst = -1;
    double remaining = 0.0;  ///< bytes
    double rateBps = 0.0;
    double weight = 1.0;     ///< port capacity used per unit of rate
    std::int64_t latencyPs = 0;
    std::int64_t bytes = 0;
  };
  struct Domain {
    topology::NodeId sw = topology::kNoNode;
    double reductionEfficiency = 1.0;
    std::vector<Port> ports;
    std::vector<Flow> flows;
    std::int64_t updatedPs = 0;
    bool pending = false;
    std::int64_t eventAt = 0;
    ns3::Ptr<ns3::EventImpl> event;
  };

  /// Moves every flow of @p d on to @p now.
  void advance(Domain& d, std::int64_t now);
  /// Finishes the flows of @p d that have sent everything.
  void complete(Domain& d, std::int64_t now);
  /// Max-min fair rates of @p d's flows.
  void allocate(Domain& d);
  /// Schedules @p d's next completion (or nothing when it is idle).
  void schedule(std::uint32_t index, std::int64_t now);
  int portOf(const Domain& d, topology::NodeId gpu) const;

  RunContext& ctx_;
  std::vector<Domain> domains_;
  std::vector<std::int32_t> domainOfGpu_;  ///< by node: domain index, -1 outside every domain
  std::vector<std::int32_t> domainOfSwitch_;
  std::vector<double> remainingOf_;        ///< by transfer, for the watchdog
};

}  // namespace ofe::core
