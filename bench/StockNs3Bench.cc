#include "bench/StockNs3Bench.h"

#include <ns3/applications-module.h>
#include <ns3/core-module.h>
#include <ns3/internet-module.h>
#include <ns3/network-module.h>
#include <ns3/point-to-point-module.h>


namespace ofe::bench {

namespace {

constexpr int kHops = 4;
// 4096 B of UDP payload + 8 UDP + 20 IPv4 + 2 PPP = 4126 B: 330.08 ns at 100 Gbps.
constexpr std::uint32_t kPayload = 4096;
constexpr std::uint32_t kRawFrame = kPayload + 8 + 20;  // same frame size without IP/UDP processing
const char* const kRate = "100Gbps";
const char* const kDelay = "700ns";  // ofe's chain: ~490 ns of fibre + 200 ns of modules
constexpr std::int64_t kIntervalPs = 331'000;

void freshSimulator(const std::string& scheduler) {
  ns3::Simulator::Destroy();
  ns3::Simulator::SetScheduler(ns3::ObjectFactory(scheduler));
}

// Raw forwarding for (b): a protocol handler per router sends the frame on.
struct Hop {
  ns3::Ptr<ns3::NetDevice> out;
  std::uint64_t received = 0;
  void receive(ns3::Ptr<ns3::NetDevice>, ns3::Ptr<const ns3::Packet> p, uint16_t protocol, const ns3::Address&,
               const ns3::Address&, ns3::NetDevice::PacketType) {
    ++received;
    if (out) out->Send(p->Copy(), out->GetBroadcast(), protocol);
  }
};

struct Source {
  ns3::Ptr<ns3::NetDevice> dev;
  std::uint64_t left = 0;
  void send() {
    dev->Send(ns3::Create<ns3::Packet>(kRawFrame), dev->GetBroadcast(), 0x0800);
    if (--left > 0) ns3::Simulator::Schedule(ns3::PicoSeconds(kIntervalPs), &Source::send, this);
  }
};

}  // namespace

BenchPart runStockIpv4Chain(std::uint64_t packets, const std::string& scheduler) {
  freshSimulator(scheduler);
  ns3::NodeContainer nodes;
  nodes.Create(kHops + 1);
  ns3::PointToPointHelper p2p;
  p2p.SetDeviceAttribute("DataRate", ns3::StringValue(kRate));
  p2p.SetChannelAttribute("Delay", ns3::StringValue(kDelay));
  ns3::InternetStackHelper stack;
  stack.SetIpv6StackInstall(false);  // IPv4 + UDP only
  stack.Install(nodes);
  ns3::Ipv4AddressHelper addresses;
  ns3::Ipv4InterfaceContainer last;
  for (int i = 0; i < kHops; ++i) {
    ns3::NetDeviceContainer devs = p2p.Install(nodes.Get(i), nodes.Get(i + 1));
    addresses.SetBase(ns3::Ipv4Address(("10.1." + std::to_string(i) + ".0").c_str()), "255.255.255.0");
    last = addresses.Assign(devs);
  }
  ns3::Ipv4GlobalRoutingHelper::PopulateRoutingTables();

  ns3::UdpServerHelper serverHelper(9);
  ns3::ApplicationContainer serverApp = serverHelper.Install(nodes.Get(kHops));
  ns3::UdpClientHelper client(last.GetAddress(1), 9);
  client.SetAttribute("MaxPackets", ns3::UintegerValue(static_cast<uint32_t>(packets)));
  client.SetAttribute("Interval", ns3::TimeValue(ns3::PicoSeconds(kIntervalPs)));
  client.SetAttribute("PacketSize", ns3::UintegerValue(kPayload));
  client.Install(nodes.Get(0));
  // Past the last datagram's arrival; stops stray periodic events of the stack.
  ns3::Simulator::Stop(ns3::PicoSeconds(static_cast<std::int64_t>(packets + 100) * kIntervalPs));

  const Stopwatch watch;
  ns3::Simulator::Run();
  BenchPart part;
  part.wallSeconds = watch.wall();
  part.cpuSeconds = watch.cpu();
  part.packets = serverHelper.GetServer()->GetReceived();
  part.hops = part.packets * kHops;
  part.dataHops = part.hops;
  part.events = ns3::Simulator::GetEventCount();
  part.simulatedSeconds = ns3::Simulator::Now().GetSeconds();
  ns3::Simulator::Destroy();
  return part;
}

BenchPart runStockP2pChain(std::uint64_t packets, const std::string& scheduler) {
  freshSimulator(scheduler);
  ns3::NodeContainer nodes;
  nodes.Create(kHops + 1);
  ns3::PointToPointHelper p2p;
  p2p.SetDeviceAttribute("DataRate", ns3::StringValue(kRate));
  p2p.SetChannelAttribute("Delay", ns3::StringValue(kDelay));
  std::vector<ns3::NetDeviceContainer> links;
  for (int i = 0; i < kHops; ++i) links.push_back(p2p.Install(nodes.Get(i), nodes.Get(i + 1)));

  std::vector<Hop> hops(kHops + 1);
  for (int i = 1; i <= kHops; ++i) {
    if (i < kHops) hops[i].out = links[i].Get(0);
    nodes.Get(i)->RegisterProtocolHandler(ns3::MakeCallback(&Hop::receive, &hops[i]), 0x0800,
                                          links[i - 1].Get(1), false);
  }
  Source source{links[0].Get(0), packets};
  ns3::Simulator::Schedule(ns3::Seconds(0), &Source::send, &source);

  const Stopwatch watch;
  ns3::Simulator::Run();
  BenchPart part;
  part.wallSeconds = watch.wall();
  part.cpuSeconds = watch.cpu();
  part.packets = hops[kHops].received;
  for (int i = 1; i <= kHops; ++i) part.hops += hops[i].received;
  part.dataHops = part.hops;
  part.events = ns3::Simulator::GetEventCount();
  part.simulatedSeconds = ns3::Simulator::Now().GetSeconds();
  ns3::Simulator::Destroy();
  return part;
}

}  // namespace ofe::bench
