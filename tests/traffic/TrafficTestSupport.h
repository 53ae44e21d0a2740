#pragma once
// Hand-built fabrics and plan tallies shared by the traffic tests. The
// catalog holds only test entries so the tests do not move when the shipped
// catalog's figures change.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "models/Catalog.h"
#include "topology/Fabric.h"
#include "topology/RailPodBuilder.h"
#include "traffic/Plan.h"

namespace ofe::traffic::test {

/// @p servers DGX H100-class servers on one SU of a rail pod built from the
/// shipped catalog: QM9700 switches (SHARP) unless @p switchModel says otherwise.
inline topology::Fabric h100PodFabric(int servers, const std::string& switchModel = "qm9700-64x400G") {
  topology::Fabric fabric;
  topology::RailPodParams params;
  params.serversPerUnit = servers;
  params.switchModel = switchModel;
  topology::buildRailPod(fabric, params);
  return fabric;
}

inline models::Catalog testCatalog() {
  models::Catalog c;
  models::OpticalModule nic;
  nic.name = "t-400g";
  nic.rate = DataRate::gbps(400);
  c.put(nic);
  models::OpticalModule nvlink = nic;
  nvlink.name = "t-nvlink";
  nvlink.rate = DataRate::gbps(3600);
  nvlink.medium = models::Medium::ScaleUp;
  c.put(nvlink);
  models::FibreType fibre;
  fibre.name = "t-fibre";
  fibre.attenuation = Attenuation::dbPerKm(0.4);
  c.put(fibre);
  models::SwitchModel sw;
  sw.name = "t-switch";
  sw.ports = 64;
  sw.portRate = DataRate::gbps(400);
  c.put(sw);
  models::SwitchModel nvs = sw;
  nvs.name = "t-nvswitch";
  c.put(nvs);
  models::GpuModel gpu;
  gpu.name = "t-gpu";
  gpu.nicRate = DataRate::gbps(400);
  gpu.scaleUpRate = DataRate::gbps(3600);
  c.put(gpu);
  return c;
}

struct PodShape {
  int servers = 2;
  int gpusPerServer = 4;
  bool scaleUp = true;
  /// Add GPUs slot-major (s0/gpu0, s1/gpu0, s0/gpu1, ...) so id order differs from server order.
  bool interleaveIds = false;
};

/// A rail-optimised pod by hand: GPU "s<i>/gpu<j>" (rack i, slot j, rail j)
/// links to leaf "leaf<j>"; every leaf links to "spine"; with scaleUp each
/// server has "s<i>/nvs" linked to its GPUs.
inline topology::Fabric railPod(const PodShape& shape) {
  using topology::Node;
  using topology::NodeKind;
  topology::Fabric f(testCatalog());
  std::map<std::pair<int, int>, topology::NodeId> gpu;
  auto addGpu = [&](int s, int j) {
    Node n;
    n.name = "s" + std::to_string(s) + "/gpu" + std::to_string(j);
    n.kind = NodeKind::Gpu;
    n.model = "t-gpu";
    n.site = "dc";
    n.pod = 0;
    n.rack = s;
    n.rail = j;
    n.slot = j;
    gpu[{s, j}] = f.addNode(n);
  };
  if (shape.interleaveIds) {
    for (int j = 0; j < shape.gpusPerServer; ++j)
      for (int s = 0; s < shape.servers; ++s) addGpu(s, j);
  } else {
    for (int s = 0; s < shape.servers; ++s)
      for (int j = 0; j < shape.gpusPerServer; ++j) addGpu(s, j);
  }
  topology::LinkSpec host{"t-400g", "t-fibre", Length::metres(5), {}, 1, {}, {}, {}, {}};
  topology::LinkSpec nvlink{"t-nvlink", "t-fibre", Length::metres(1), {}, 1, {}, {}, {}, {}};
  Node spine{topology::kNoNode, "spine", NodeKind::PacketSwitch, "t-switch", "dc", 0, -1, 1, -1, -1};
  const topology::NodeId spineId = f.addNode(spine);
  for (int j = 0; j < shape.gpusPerServer; ++j) {
    Node leaf{topology::kNoNode, "leaf" + std::to_string(j), NodeKind::PacketSwitch, "t-switch", "dc", 0, -1, 0, j,
              -1};
    const topology::NodeId leafId = f.addNode(leaf);
    f.addLink(leafId, spineId, host);
    for (int s = 0; s < shape.servers; ++s) f.addLink(gpu[{s, j}], leafId, host);
  }
  if (shape.scaleUp) {
    for (int s = 0; s < shape.servers; ++s) {
      Node nvs{topology::kNoNode, "s" + std::to_string(s) + "/nvs", NodeKind::ScaleUpSwitch, "t-nvswitch", "dc", 0,
               s, -1, -1, -1};
      const topology::NodeId nvsId = f.addNode(nvs);
      for (int j = 0; j < shape.gpusPerServer; ++j) f.addLink(gpu[{s, j}], nvsId, nvlink);
    }
  }
  return f;
}

/// Node ids 0..n-1 stand in for GPUs when an algorithm needs no fabric.
inline std::vector<topology::NodeId> firstNodes(int n) {
  std::vector<topology::NodeId> v;
  for (int i = 0; i < n; ++i) v.push_back(static_cast<topology::NodeId>(i));
  return v;
}

/// Bytes sent (or received) per rank, from Transfer::srcRank / dstRank.
inline std::vector<std::int64_t> sentPerRank(const Plan& plan, int n) {
  std::vector<std::int64_t> out(static_cast<std::size_t>(n), 0);
  for (const Transfer& t : plan.transfers()) out[static_cast<std::size_t>(t.srcRank)] += t.size.count();
  return out;
}
inline std::vector<std::int64_t> receivedPerRank(const Plan& plan, int n) {
  std::vector<std::int64_t> out(static_cast<std::size_t>(n), 0);
  for (const Transfer& t : plan.transfers()) out[static_cast<std::size_t>(t.dstRank)] += t.size.count();
  return out;
}

}  // namespace ofe::traffic::test
