#include "core/PacketEngine.h"

#include <ns3/nstime.h>
#include <ns3/object-factory.h>
#include <ns3/simulator.h>

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "core/OfeHeader.h"
#include "core/WheelScheduler.h"
#include "core/RunContext.h"

namespace ofe::core {

void PacketEngine::usePicosecondTime() {
  // Reading the resolution keeps this idempotent without a flag of our own.
  if (ns3::Time::GetResolution() != ns3::Time::PS) ns3::Time::SetResolution(ns3::Time::PS);
}

PacketEngine::PacketEngine(const topology::Fabric& fabric, const topology::Routing& routing,
                           const models::EngineSettings& settings, PacketEngineOptions options)
    : fabric_(fabric), routing_(routing), settings_(settings), options_(std::move(options)) {
  usePicosecondTime();
  const models::TransportModel& tm = settings_.transport;
  if (tm.mtu.count() <= 0) throw std::invalid_argument("transport MTU must be positive");
  // Without a positive stall timeout a stuck run (a loss loop re-arming its
  // retransmission timer forever) would never end.
  if (settings_.stallTimeout.ps() <= 0) throw std::invalid_argument("stallTimeout must be positive");
  if (tm.headerBytes.count() <= 0 || tm.ackBytes.count() <= 0) {
    throw std::invalid_argument("transport header and ACK sizes must be positive");
  }
  if (!options_.pcapLinks.empty() && (tm.headerBytes.count() < OfeHeader::kDataSize ||
                                      tm.ackBytes.count() < static_cast<std::int64_t>(OfeHeader::kAckSize))) {
    throw std::invalid_argument(fmt::format("captures need headerBytes >= {} and ackBytes >= {}",
                                            OfeHeader::kDataSize, OfeHeader::kAckSize));
  }
  if (settings_.rerouteDelay.ps() < 0) throw std::invalid_argument("rerouteDelay must not be negative");
  for (const topology::LinkEvent& e : options_.linkEvents) {
    if (e.link >= fabric_.linkCount()) throw std::invalid_argument(fmt::format("link event on link {}: no such link", e.link));
    if (e.at.ps() < 0) throw std::invalid_argument(fmt::format("link event on link {} at a negative time", e.link));
  }
}

RunResult PacketEngine::run(const traffic::Plan& plan) {
  for (const traffic::Transfer& t : plan.transfers()) {
    for (topology::NodeId end : {t.src, t.dst}) {
      if (end >= fabric_.nodeCount()) throw std::invalid_argument(fmt::format("transfer {}: no node {}", t.id, end));
      const topology::NodeKind kind = fabric_.node(end).kind;
      if (kind == topology::NodeKind::Gpu) continue;
      const topology::NodeId other = end == t.src ? t.dst : t.src;
      const bool linked = other < fabric_.nodeCount() &&
                          std::any_of(fabric_.linksOf(other).begin(), fabric_.linksOf(other).end(),
                                      [&](topology::LinkId l) { return fabric_.link(l).other(other) == end; });
      // A scale-up switch may be one end of an NVLS transfer with a GPU it
      // serves; a packet switch that reduces in the network (SHARP) one end
      // of a transfer with a node it is linked to.
      const bool nvls = kind == topology::NodeKind::ScaleUpSwitch && linked &&
                        fabric_.node(other).kind == topology::NodeKind::Gpu;
      const bool sharp = kind == topology::NodeKind::PacketSwitch && linked &&
                         fabric_.catalog().packetSwitch(fabric_.node(end).model).inNetworkReduction;
      if (!nvls && !sharp) {
        throw std::invalid_argument(fmt::format(
            "transfer {}: node {} is not a GPU, the scale-up switch of its GPU, or a packet switch with "
            "in_network_reduction linked to the other end",
            t.id, end));
      }
    }
    // Segment numbers are 32-bit (up to 16 TiB per transfer at a 4 KiB MTU).
    if (t.wireBytes().count() / settings_.transport.mtu.count() >= 0xffffffffLL) {
      throw std::invalid_argument(fmt::format("transfer {} has too many segments", t.id));
    }
  }
  // A fresh simulator per run: clock at 0, no events left by earlier runs.
  ns3::Simulator::Destroy();
  ns3::ObjectFactory scheduler;
  scheduler.SetTypeId(WheelScheduler::GetTypeId());
  ns3::Simulator::SetScheduler(scheduler);
  struct DestroyAtExit {
    ~DestroyAtExit() { ns3::Simulator::Destroy(); }
  } destroyOnFailedBuild;  // if the context cannot be built
  RunContext ctx(fabric_, routing_, settings_, options_, plan);
  // Destroyed before the context: events still pending (a run that stopped
  // early) drop their references while the objects they name are alive
  // (device events are device members, see OpticalNetDevice::TxEnd).
  DestroyAtExit destroyBeforeContext;
  ctx.build();
  return ctx.run();
}

}  // namespace ofe::core
