#include "core/RunContext.h"

#include <ns3/mac48-address.h>
#include <ns3/simulator.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <tuple>

#include "core/BoundEvent.h"
#include "core/NicTransport.h"
#include "core/OpticalChannel.h"
#include "core/OpticalNetDevice.h"
#include "core/PcapTap.h"
#include "core/ScaleUpFabric.h"

namespace ofe::core {

RunContext::RunContext(const topology::Fabric& fabric, const topology::Routing& routing,
                       const models::EngineSettings& settings, const PacketEngineOptions& options,
                       const traffic::Plan& plan)
    : fabric_(fabric),
      routing_(&routing),
      settings_(settings),
      options_(options),
      plan_(plan),
      mtu_(static_cast<std::uint32_t>(settings.transport.mtu.count())),
      headerBytes_(static_cast<std::uint32_t>(settings.transport.headerBytes.count())),
      ackBytes_(static_cast<std::uint32_t>(settings.transport.ackBytes.count())),
      wireOverhead_(static_cast<std::uint32_t>(settings.transport.wireOverhead.count())),
      rng_(settings.seed),
      pool_(*this),
      telemetry_(settings.transport.congestionControl == models::CongestionControl::Hpcc),
      watchdog_(*this, settings.stallTimeout.ps()) {}

RunContext::~RunContext() = default;

std::uint64_t RunContext::flowHash(topology::NodeId src, topology::NodeId dst, std::uint32_t transfer,
                                   topology::NodeId at) const {
  const std::uint64_t pair = (static_cast<std::uint64_t>(src) << 32) | dst;
  const std::uint64_t where = (static_cast<std::uint64_t>(transfer) << 32) | at;
  return Rng::mix(settings_.seed ^ Rng::mix(pair) ^ Rng::mix(where + 0x632be59bd9b4e019ULL));
}

void RunContext::build() {
  const std::size_t nodeCount = fabric_.nodeCount();
  const std::size_t linkCount = fabric_.linkCount();
  const models::Catalog& catalog = fabric_.catalog();

  nodes_.resize(nodeCount);
  role_.assign(nodeCount, Frame::kNone);
  transportOf_.assign(nodeCount, Frame::kNone);
  std::vector<std::int64_t> portToPort(nodeCount, 0);
  std::vector<std::int64_t> queueBound(nodeCount, 0);
  for (const topology::Node& node : fabric_.nodes()) {
    if (!topology::isPacketNode(node.kind)) continue;
    nodes_[node.id] = ns3::CreateObject<ns3::Node>();
    if (node.kind == topology::NodeKind::Gpu) {
      const models::GpuModel& gpu = catalog.gpu(node.model);
      role_[node.id] = kNicTag | static_cast<std::uint32_t>(nics_.size());
      transportOf_[node.id] = static_cast<std::uint32_t>(nics_.size());
      nics_.push_back(std::make_unique<NicTransport>(*this, node.id, gpu.nicLatency.ps()));
    } else {
      const models::SwitchModel& model = catalog.packetSwitch(node.model);
      role_[node.id] = static_cast<std::uint32_t>(switches_.size());
      switches_.push_back(std::make_unique<SwitchLogic>(*this, node.id, model, settings_.queues));
      portToPort[node.id] = switches_.back()->portToPortPs();
      queueBound[node.id] = switches_.back()->egressQueueBound();
    }
  }
  // Packet switches that end transfers (in-network reduction) get a
  // transport of their own. Its latency is 0: a frame for the switch is
  // taken in at last bit + port-to-port, and the reduced data leaves at once.
  for (const traffic::Transfer& t : plan_.transfers()) {
    if (t.barrier) continue;
    for (topology::NodeId end : {t.src, t.dst}) {
      if (fabric_.node(end).kind != topology::NodeKind::PacketSwitch || transportOf_[end] != Frame::kNone) continue;
      transportOf_[end] = static_cast<std::uint32_t>(nics_.size());
      nics_.push_back(std::make_unique<NicTransport>(*this, end, 0));
      switches_[role_[end]]->setEndpoint(nics_.back().get());
    }
  }

  const auto receiverAt = [&](topology::NodeId node) {
    OpticalChannel::Receiver rx;
    rx.node = node;
    if ((role_[node] & kNicTag) == 0) {
      rx.portToPortPs = switches_[role_[node]]->portToPortPs();
      rx.cutThrough = switches_[role_[node]]->cutThrough();
    }
    return rx;
  };

  linkA_.resize(linkCount);
  devices_.resize(2 * linkCount);
  deviceRefs_.resize(2 * linkCount);
  channels_.resize(linkCount);
  ingress_.resize(2 * linkCount);
  egressLoad_.resize(2 * linkCount);  // devices keep pointers into it, as into result_.links
  receiverRole_.resize(2 * linkCount);
  result_.links.resize(2 * linkCount);  // devices keep pointers into it: sized once, here
  for (const topology::Link& link : fabric_.links()) {
    linkA_[link.id] = link.a;
    auto channel = ns3::CreateObject<OpticalChannel>();
    channel->configure(this, link, receiverAt(link.b), receiverAt(link.a));
    channels_[link.id] = channel;
    for (std::uint32_t end = 0; end < 2; ++end) {
      const std::uint32_t dir = 2 * link.id + end;
      const topology::NodeId from = end == 0 ? link.a : link.b;
      const topology::NodeId to = link.other(from);
      LinkDirectionStats& stats = result_.links[dir];
      stats.link = link.id;
      stats.from = from;
      receiverRole_[dir] = role_[to];

      auto device = ns3::CreateObject<OpticalNetDevice>();
      device->configure(this, dir, link.rate.bps(), wireOverhead_, &stats, &egressLoad_[dir], from);
      device->attach(channel);
      const std::uint8_t mac[6] = {0x02,
                                   0x00,
                                   static_cast<std::uint8_t>(link.id >> 16),
                                   static_cast<std::uint8_t>(link.id >> 8),
                                   static_cast<std::uint8_t>(link.id),
                                   static_cast<std::uint8_t>(end)};
      ns3::Mac48Address address;
      address.CopyFrom(mac);
      device->SetAddress(address);
      nodes_[from]->AddDevice(device);
      if ((role_[from] & kNicTag) == 0) device->setSwitch(switches_[role_[from]].get());
      if (hasTransport(from)) {
        NicTransport& nic = transportOf(from);
        device->setNic(&nic, nic.addPort(dir));
      }
      if ((role_[to] & kNicTag) == 0) {
        switches_[role_[to]]->configureIngress(dir, link.latency.ps(), link.rate.bps());
      }
      deviceRefs_[dir] = device;
      devices_[dir] = ns3::PeekPointer(device);
    }
    channel->attach(deviceRefs_[2 * link.id], deviceRefs_[2 * link.id + 1]);
  }

  for (topology::LinkId l : options_.pcapLinks) {
    if (l >= linkCount) throw std::invalid_argument(fmt::format("pcap link {} does not exist", l));
    taps_.push_back(std::make_unique<PcapTap>(*this, fmt::format("{}link{}.pcap", options_.pcapPrefix, l)));
    devices_[2 * l]->setTap(taps_.back().get());
    devices_[2 * l + 1]->setTap(taps_.back().get());
  }

  profiler_ = std::make_unique<PathProfiler>(fabric_, *routing_, std::move(portToPort), maxWireBytes(),
                                             static_cast<std::int64_t>(ackBytes_) + wireOverhead_,
                                             std::move(queueBound));

  scaleUp_ = std::make_unique<ScaleUpFabric>(*this);

  const std::size_t transfers = plan_.size();
  flowOf_.assign(transfers, Frame::kNone);
  waiting_.assign(transfers, 0);
  dependents_.assign(transfers, {});
  started_.assign(transfers, 0);
  delivered_.assign(transfers, 0);
  senderDone_.assign(transfers, 0);
  scaleUpTransfer_.assign(transfers, 0);
  connectionNext_.assign(transfers, Frame::kNone);
  connectionPrev_.assign(transfers, Frame::kNone);
  sendingDone_.assign(transfers, 0);
  parked_.assign(transfers, 0);
  result_.transfers.resize(transfers);
  std::map<std::tuple<topology::NodeId, topology::NodeId, int>, std::uint32_t> lastOnConnection;
  std::uint32_t packetFlows = 0;
  for (const traffic::Transfer& t : plan_.transfers()) {
    result_.transfers[t.id].id = t.id;
    waiting_[t.id] = static_cast<std::uint32_t>(t.after.size());
    for (traffic::TransferId dep : t.after) dependents_[dep].push_back(t.id);
    scaleUpTransfer_[t.id] = scaleUp_->carries(t) ? 1 : 0;
    // Only frame-level transfers need a transport (most NCCL traffic is scale-up).
    if (!t.barrier && !scaleUpTransfer_[t.id]) flowOf_[t.id] = packetFlows++;
    if (t.connection >= 0) {
      auto [it, fresh] = lastOnConnection.emplace(std::make_tuple(t.src, t.dst, t.connection), t.id);
      if (!fresh) {
        connectionPrev_[t.id] = it->second;
        connectionNext_[it->second] = t.id;
        it->second = t.id;
      }
    }
  }
  flows_.resize(packetFlows);
}

RunResult RunContext::run() {
  if (plan_.empty()) allDone_ = true;
  for (const traffic::Transfer& t : plan_.transfers()) {
    if (waiting_[t.id] == 0) scheduleActivation(t.id, 0);
  }
  if (settings_.timeLimit.ps() > 0) {
    ns3::Simulator::Schedule(ns3::TimeStep(static_cast<std::uint64_t>(settings_.timeLimit.ps())),
                             &RunContext::onTimeLimit, this);
  }
  if (options_.progress && options_.progressInterval.ps() > 0) {
    ns3::Simulator::Schedule(ns3::TimeStep(static_cast<std::uint64_t>(options_.progressInterval.ps())),
                             &RunContext::onProgressTick, this);
  }
  if (!options_.linkEvents.empty()) liveFabric_ = std::make_unique<topology::Fabric>(fabric_);
  for (std::size_t i = 0; i < options_.linkEvents.size(); ++i) {
    const topology::LinkEvent& e = options_.linkEvents[i];  // checked by PacketEngine
    // Events at one time apply in list order (the simulator keeps insertion order for ties).
    ns3::Simulator::Schedule(ns3::TimeStep(static_cast<std::uint64_t>(e.at.ps())), &RunContext::applyLinkEvent, this,
                             i);
  }
  ns3::Simulator::Run();

  // A transfer finishes a NIC latency after its last frame arrives, which can
  // be later than the ACK that ended the simulation.
  std::int64_t end = nowPs();
  for (const TransferResult& r : result_.transfers) end = std::max(end, r.finish.ps());
  result_.end = Duration::picoseconds(end);
  for (OpticalNetDevice* dev : devices_) dev->finishStats(end);
  // Progress ticks are the caller's, not the model's: leaving them out keeps
  // the count, and the reports, the same whether or not progress is shown.
  result_.events = ns3::Simulator::GetEventCount() - progressTicks_;
  result_.packetHops = 0;
  for (const LinkDirectionStats& s : result_.links) result_.packetHops += s.packets;
  for (const traffic::Transfer& t : plan_.transfers()) {
    if (!started_[t.id] || t.barrier || scaleUpTransfer_[t.id]) continue;
    TransferResult& r = result_.transfers[t.id];
    const TransportFlow& flow = flows_[flowOf_[t.id]];
    r.packets = flow.packets();
    r.retransmissions = flow.retransmissions();
    r.timeouts = flow.timeouts();
    r.spurious = flow.spuriousRetransmissions();
  }
  result_.completed = allDone_ && !stopped_;
  if (!allDone_ && !stopped_) {
    // Not expected (the watchdog stays armed while anything runs), but a run
    // that ends unfinished must still say why.
    result_.diagnosis = Watchdog::describe(*this, "the simulation ran out of events");
  }
  if (result_.completed) checkInvariants();
  return std::move(result_);
}

void RunContext::checkInvariants() const {
  const auto fail = [](const std::string& what) {
    throw std::logic_error("packet engine invariant violated: " + what);
  };
  for (const traffic::Transfer& t : plan_.transfers()) {
    if (!delivered_[t.id] || !senderDone_[t.id]) fail(fmt::format("transfer {} did not finish", t.id));
    if (t.barrier || scaleUpTransfer_[t.id]) continue;
    const TransportFlow& flow = flows_[flowOf_[t.id]];
    if (flow.delivered() != t.wireBytes().count()) {
      fail(fmt::format("transfer {} delivered {} of {} bytes", t.id, flow.delivered(), t.wireBytes().count()));
    }
    if (!flow.senderDone()) fail(fmt::format("transfer {} completed without its sender knowing", t.id));
    if (flow.packets() != flow.segments()) {
      fail(fmt::format("transfer {} first-sent {} of {} segments", t.id, flow.packets(), flow.segments()));
    }
  }
  if (pool_.alive() != 0) fail(fmt::format("{} frames still in flight at the end", pool_.alive()));
  for (std::uint32_t dir = 0; dir < devices_.size(); ++dir) {
    if (devices_[dir]->queuedBytes() != 0) fail(fmt::format("direction {} still has a queue", dir));
    if (ingress_[dir].bytes != 0) fail(fmt::format("direction {} still accounts ingress bytes", dir));
  }
}

void RunContext::scheduleActivation(std::uint32_t transfer, std::int64_t depsDonePs) {
  const traffic::Transfer& t = plan_.transfer(transfer);
  const std::int64_t now = nowPs();
  const std::int64_t at = std::max({depsDonePs, t.notBefore.ps(), now}) + t.overhead.ps();
  ns3::Simulator::Schedule(ns3::TimeStep(static_cast<std::uint64_t>(at - now)), &RunContext::activate, this, transfer);
}

FlowParams RunContext::flowParams(const traffic::Transfer& t, topology::LinkId first, bool direct) {
  const models::TransportModel& tm = settings_.transport;
  const PathProfile path = direct ? profiler_->direct(first, t.src) : profiler_->profile(t.src, t.dst);
  FlowParams p;
  p.size = t.wireBytes().count();
  p.mtu = mtu_;
  double windowBytes = static_cast<double>(tm.window.count());
  if (windowBytes <= 0.0) {
    // bytes = multiple x bits/s x ps / (8 bits x 1e12 ps/s)
    windowBytes = tm.windowBdpMultiple * static_cast<double>(path.rateBps) * static_cast<double>(path.rttPs()) / 8e12;
  }
  p.windowSegments = static_cast<std::uint32_t>(
      std::clamp(std::ceil(windowBytes / static_cast<double>(mtu_)), 1.0, 4.0e9));
  // The floor of the retransmission timer: at least one path round trip (a
  // zero RTO would re-fire at the same instant forever), plus the longest the
  // switch queues on the way can hold a frame, so a full queue is never taken
  // for a loss. The RFC 6298 estimate (TransportFlow) rises above it when the
  // measured round trips say so.
  p.rtoPs = std::max<std::int64_t>(path.rttPs(), tm.minRto.ps() + std::llround(tm.rtoRttMultiple *
                                                                               static_cast<double>(path.rttPs()))) +
            path.queueingPs;
  p.selectiveRepeat = tm.recovery == models::LossRecovery::SelectiveRepeat;
  // Spraying reorders by design: RFC 8985's quarter of the minimum RTT would
  // take most reordered frames for losses until DSACKs widened it (on the
  // k = 8 permutation: 4.8 % of packets resent at 1 x, none at 4 x).
  const bool sprayed = settings_.queues.ecmp == models::EcmpMode::PacketSpray;
  p.reorderFraction = tm.reorderWindow > 0.0 ? tm.reorderWindow : (sprayed ? 4.0 : 0.25);
  p.ackEvery = static_cast<std::uint32_t>(std::max(1, tm.ackEvery));
  p.portRateBps = static_cast<double>(fabric_.links()[first].rate.bps());
  p.lineRateBps = p.portRateBps;
  // A switch that reduces below line rate (SwitchModel::reductionEfficiency) slows the flows it ends.
  for (topology::NodeId end : {t.src, t.dst}) {
    const topology::Node& n = fabric_.node(end);
    if (n.kind == topology::NodeKind::PacketSwitch) {
      p.lineRateBps *= fabric_.catalog().packetSwitch(n.model).reductionEfficiency;
    }
  }
  p.dcqcn = tm.congestionControl == models::CongestionControl::Dcqcn;
  p.hpcc = tm.congestionControl == models::CongestionControl::Hpcc;
  p.baseRttPs = std::max<std::int64_t>(1, path.rttPs());
  p.hpccEta = tm.hpccTargetUtilization;
  p.hpccMaxStage = tm.hpccMaxStage;
  p.hpccAdditiveIncreaseBps = static_cast<double>(tm.hpccAdditiveIncrease.bps());
  p.dcqcnG = tm.dcqcnG;
  p.alphaIntervalPs = tm.dcqcnAlphaInterval.ps();
  p.increaseIntervalPs = tm.dcqcnIncreaseInterval.ps();
  p.additiveIncreaseBps = static_cast<double>(tm.dcqcnAdditiveIncrease.bps());
  p.cnpIntervalPs = tm.cnpInterval.ps();
  return p;
}

void RunContext::activate(std::uint32_t transfer) {
  const std::uint32_t previous = connectionPrev_[transfer];
  if (previous != Frame::kNone && !sendingDone_[previous]) {
    parked_[transfer] = 1;  // onSendingDone(previous) launches it
    return;
  }
  launch(transfer);
}

void RunContext::onSendingDone(std::uint32_t transfer) {
  if (sendingDone_[transfer]) return;
  sendingDone_[transfer] = 1;
  const std::uint32_t next = connectionNext_[transfer];
  if (next != Frame::kNone && parked_[next]) {
    parked_[next] = 0;
    // Launched from its own event: the caller may be a device in the middle of sending.
    ns3::Simulator::Schedule(ns3::TimeStep(0), &RunContext::launch, this, next);
  }
}

void RunContext::launch(std::uint32_t transfer) {
  const std::int64_t now = nowPs();
  const traffic::Transfer& t = plan_.transfer(transfer);
  started_[transfer] = 1;
  ++active_;
  result_.transfers[transfer].start = Duration::picoseconds(now);
  noteProgress(now);
  if (t.barrier) {
    onSendingDone(transfer);
    onDelivered(transfer, now);
    onSenderDone(transfer);
    return;
  }
  if (scaleUpTransfer_[transfer]) {
    watchdog_.arm(now);
    scaleUp_->start(t, now);
    return;
  }

  TransportFlow& flow = flows_[flowOf_[transfer]];
  // Between GPUs frames follow the routing; a transfer a switch ends (in-network
  // reduction) crosses the one link joining its ends. A scale-up switch end
  // outside the scale-up model (its link is down) has no transport.
  const bool gpus = fabric_.node(t.src).kind == topology::NodeKind::Gpu &&
                    fabric_.node(t.dst).kind == topology::NodeKind::Gpu;
  std::vector<topology::LinkId> adjacent;
  topology::LinkRange out;
  topology::LinkRange back;
  if (gpus) {
    out = routing_->nextHops(t.src, t.dst);
    back = routing_->nextHops(t.dst, t.src);
  } else if (hasTransport(t.src) && hasTransport(t.dst)) {
    for (topology::LinkId l : fabric_.linksOf(t.src)) {
      if (fabric_.links()[l].up && fabric_.links()[l].other(t.src) == t.dst) adjacent.push_back(l);
    }
    out = back = topology::LinkRange{adjacent.data(), adjacent.data() + adjacent.size()};
  }
  if (out.empty() || back.empty()) {
    FlowParams p;
    p.size = t.wireBytes().count();
    p.mtu = mtu_;
    flow.init(transfer, t.src, t.dst, p);
    flow.noRoute = true;
    watchdog_.arm(now);  // the watchdog reports the missing route
    return;
  }
  const auto pick = [&](topology::LinkRange hops, topology::NodeId src, topology::NodeId dst) {
    return hops.size() == 1 ? hops[0] : hops[flowHash(src, dst, transfer, src) % hops.size()];
  };
  const topology::LinkId first = pick(out, t.src, t.dst);
  // Over a single link the ACKs come back on the link the data took.
  const topology::LinkId ackFirst = gpus ? pick(back, t.dst, t.src) : first;
  NicTransport& nic = transportOf(t.src);
  const FlowParams params = flowParams(t, first, !gpus);
  flow.init(transfer, t.src, t.dst, params);
  watchdog_.cover(params.rtoPs);
  watchdog_.arm(now);
  flow.port = nic.portOf(directionFrom(first, t.src));
  flow.ackDir = directionFrom(ackFirst, t.dst);
  if (nic.nicLatencyPs() > 0) {
    ns3::Simulator::Schedule(ns3::TimeStep(static_cast<std::uint64_t>(nic.nicLatencyPs())), &NicTransport::startFlow,
                             &nic, transfer);
  } else {
    nic.startFlow(transfer);
  }
}

void RunContext::onArrival(std::uint32_t frame, Frame& f) {
  const std::uint32_t role = receiverRole_[f.dir];
  if ((role & kNicTag) != 0) {
    nics_[role & ~kNicTag]->receive(frame, f, f.eventAt);
  } else {
    switches_[role]->receive(frame, f, f.eventAt);
  }
}

void RunContext::onLost(std::uint32_t frame) {
  ++result_.links[pool_[frame].dir].lost;
  pool_.release(frame);
  maybeStop();
}

void RunContext::discard(std::uint32_t frame) {
  pool_.release(frame);
  maybeStop();
}

void RunContext::consume(std::uint32_t frame) {
  pool_.release(frame);
  if (allDone_) {
    lastProgress_ = nowPs();  // draining stray frames after the last transfer counts as progress
    maybeStop();
  }
}

void RunContext::signalPause(std::uint32_t dir, bool pause) {
  const std::int64_t latency = channels_[dir / 2]->latencyPs();
  ns3::Simulator::Schedule(ns3::TimeStep(static_cast<std::uint64_t>(latency)), &OpticalNetDevice::setPaused,
                           devices_[dir], pause);
}

void RunContext::onDelivered(std::uint32_t transfer, std::int64_t finishPs) {
  delivered_[transfer] = 1;
  TransferResult& r = result_.transfers[transfer];
  r.finish = Duration::picoseconds(finishPs);
  r.completed = true;
  for (std::uint32_t next : dependents_[transfer]) {
    if (--waiting_[next] == 0) scheduleActivation(next, finishPs);
  }
  if (senderDone_[transfer]) flowFinished(transfer);
}

void RunContext::onSenderDone(std::uint32_t transfer) {
  if (senderDone_[transfer]) return;
  senderDone_[transfer] = 1;
  if (delivered_[transfer]) flowFinished(transfer);
}

void RunContext::flowFinished(std::uint32_t /*transfer*/) {
  --active_;
  if (++finishedCount_ == plan_.size()) allDone_ = true;
  maybeStop();
}

void RunContext::applyLinkEvent(std::size_t index) {
  const topology::LinkEvent& e = options_.linkEvents[index];
  channels_[e.link]->setUp(e.up);
  liveFabric_->setLinkUp(e.link, e.up);
  result_.linkEvents.push_back(topology::LinkEvent{Duration::picoseconds(nowPs()), e.link, e.up});
  // Changes at one time share one reroute; a later change postpones nothing already pending.
  const std::int64_t at = nowPs() + settings_.rerouteDelay.ps();
  if (rerouteAtPs_ == at) return;
  rerouteAtPs_ = at;
  ns3::Simulator::Schedule(ns3::TimeStep(static_cast<std::uint64_t>(settings_.rerouteDelay.ps())),
                           &RunContext::reroute, this);
}

void RunContext::reroute() {
  if (nowPs() == rerouteAtPs_) rerouteAtPs_ = -1;
  reroutes_.push_back(std::make_unique<topology::Routing>(topology::Routing::compute(*liveFabric_, routing_->metric())));
  routing_ = reroutes_.back().get();
  result_.reroutes.push_back(Duration::picoseconds(nowPs()));
}

void RunContext::maybeStop() {
  if (allDone_ && pool_.alive() == 0) ns3::Simulator::Stop();
}

void RunContext::stop(std::string diagnosis) {
  if (stopped_) return;
  stopped_ = true;
  result_.diagnosis = std::move(diagnosis);
  ns3::Simulator::Stop();
}

void RunContext::onProgressTick() {
  ++progressTicks_;
  if (allDone_ || stopped_) return;
  options_.progress(EngineProgress{Duration::picoseconds(nowPs()), ns3::Simulator::GetEventCount(),
                                   finishedCount_, plan_.size(), &result_.transfers});
  ns3::Simulator::Schedule(ns3::TimeStep(static_cast<std::uint64_t>(options_.progressInterval.ps())),
                           &RunContext::onProgressTick, this);
}

void RunContext::onTimeLimit() {
  if (allDone_) return;
  stop(Watchdog::describe(*this, fmt::format("time limit of {} reached", settings_.timeLimit)));
}

}  // namespace ofe::core
