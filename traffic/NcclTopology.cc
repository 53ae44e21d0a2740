#include "traffic/NcclTopology.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

#include "traffic/DoubleBinaryTree.h"

namespace ofe::traffic {

namespace {

using models::GpuArchitecture;
using topology::Fabric;
using topology::NodeId;
using topology::NodeKind;

std::size_t at(int i) { return static_cast<std::size_t>(i); }

// NCCL's search speeds in GB/s per channel (src/graph/search.cc, NCCL 2.30):
// speedArrayIntra/Inter before Hopper, sm90SpeedArray*, sm100SpeedArray*.
const std::vector<double>& intraSpeeds(GpuArchitecture a) {
  static const std::vector<double> pre = {40.0, 30.0, 20.0, 18.0, 15.0, 12.0, 10.0, 9.0, 7.0, 6.0, 5.0, 4.0, 3.0};
  static const std::vector<double> sm90 = {60.0, 50.0, 40.0, 30.0, 24.0, 20.0, 15.0, 12.0, 11.0, 6.0, 3.0};
  static const std::vector<double> sm100 = {90.0, 80.0, 70.0, 60.0, 50.0, 45.0, 40.0, 30.0, 24.0, 20.0, 19.0, 18.0};
  return a == GpuArchitecture::Blackwell ? sm100 : a == GpuArchitecture::Hopper ? sm90 : pre;
}

const std::vector<double>& interSpeeds(GpuArchitecture a) {
  static const std::vector<double> pre = {48.0, 30.0, 28.0, 24.0, 20.0, 18.0, 15.0, 12.0, 10.0, 9.0,
                                          7.0,  6.0,  5.0,  4.0,  3.0,  2.4,  1.2,  0.24, 0.12};
  static const std::vector<double> sm90 = {48.0, 45.0, 42.0, 40.0, 30.0, 24.0, 22.0, 20.0, 17.5,
                                           15.0, 12.0, 6.0,  3.0,  2.4,  1.2,  0.24, 0.12};
  static const std::vector<double> sm100 = {96.0, 86.0, 80.0, 48.0, 45.1, 42.0, 40.0, 30.0, 24.0, 22.0,
                                            20.0, 17.5, 15.0, 12.0, 6.0,  3.0,  2.4,  1.2,  0.24, 0.12};
  return a == GpuArchitecture::Blackwell ? sm100 : a == GpuArchitecture::Hopper ? sm90 : pre;
}

constexpr int kMaxChannels = 64;             // MAXCHANNELS, src/include/device.h
constexpr int kMaxDirectArity = 7;           // NCCL_MAX_DIRECT_ARITY: CollNet needs at most 8 GPUs per server
constexpr int kMaxSearchChannels = kMaxChannels / 2;  // ringGraph->maxChannels, src/init.cc

double gigabytesPerSecond(std::int64_t bps) { return static_cast<double>(bps) / 8e9; }

/// The fastest of @p speeds not above @p limit whose @p load x speed fits
/// @p budget (GB/s), or 0 when none does.
double fastestFitting(const std::vector<double>& speeds, double limit, double load, double budget) {
  for (double s : speeds) {
    if (s <= limit + 1e-9 && s * load <= budget + 1e-9) return s;
  }
  return 0.0;
}

}  // namespace

NcclTopology NcclTopology::of(const Fabric& fabric, const std::vector<NodeId>& ranks) {
  NcclTopology t;
  const int n = static_cast<int>(ranks.size());
  std::vector<NodeId> switchOf(at(n), topology::kNoNode);
  std::vector<double> scaleUp(at(n), 0.0);
  std::vector<double> nic(at(n), 0.0);
  for (int r = 0; r < n; ++r) {
    const NodeId gpu = ranks[at(r)];
    if (gpu >= fabric.nodeCount() || fabric.node(gpu).kind != NodeKind::Gpu) {
      throw std::invalid_argument(fmt::format("node {} is not a GPU of the fabric", gpu));
    }
    switchOf[at(r)] = fabric.scaleUpSwitchOf(gpu);
    for (topology::LinkId l : fabric.linksOf(gpu)) {
      const topology::Link& link = fabric.link(l);
      if (link.up && fabric.node(link.other(gpu)).kind == NodeKind::PacketSwitch) {
        nic[at(r)] += gigabytesPerSecond(link.rate.bps());
      }
    }
    for (topology::LinkId l : fabric.linksOf(gpu)) {
      const topology::Link& link = fabric.link(l);
      if (link.up && link.other(gpu) == switchOf[at(r)]) scaleUp[at(r)] += gigabytesPerSecond(link.rate.bps());
    }
  }

  // Servers in order of their lowest rank; GPUs without a scale-up switch stand alone.
  std::map<NodeId, int> serverOfSwitch;
  t.server_.assign(at(n), -1);
  for (int r = 0; r < n; ++r) {
    int s = -1;
    if (switchOf[at(r)] != topology::kNoNode) {
      auto [it, added] = serverOfSwitch.emplace(switchOf[at(r)], static_cast<int>(t.members_.size()));
      s = it->second;
      if (added) {
        t.members_.emplace_back();
        t.switch_.push_back(switchOf[at(r)]);
      }
    } else {
      s = static_cast<int>(t.members_.size());
      t.members_.emplace_back();
      t.switch_.push_back(topology::kNoNode);
    }
    t.members_[at(s)].push_back(r);
    t.server_[at(r)] = s;
  }
  t.position_.assign(at(n), 0);
  for (auto& m : t.members_) {
    std::stable_sort(m.begin(), m.end(), [&](int a, int b) {
      return fabric.node(ranks[at(a)]).slot < fabric.node(ranks[at(b)]).slot;
    });
    for (std::size_t i = 0; i < m.size(); ++i) t.position_[at(m[i])] = static_cast<int>(i);
  }
  t.uniform_ = std::all_of(t.members_.begin(), t.members_.end(),
                           [&](const std::vector<int>& m) { return m.size() == t.members_.front().size(); });

  t.architecture_ = fabric.catalog().gpu(fabric.node(ranks.front()).model).architecture;
  t.nicGBps_ = n > 0 ? *std::min_element(nic.begin(), nic.end()) : 0.0;
  const int ppn = t.uniform_ ? static_cast<int>(t.members_.front().size()) : 0;
  t.scaleUp_ = ppn > 1 && std::none_of(t.switch_.begin(), t.switch_.end(),
                                       [](NodeId s) { return s == topology::kNoNode; });
  t.scaleUpGBps_ = t.scaleUp_ ? *std::min_element(scaleUp.begin(), scaleUp.end()) : 0.0;
  t.nics_ = std::numeric_limits<int>::max();
  for (const auto& m : t.members_) {
    const int withNic = static_cast<int>(std::count_if(m.begin(), m.end(), [&](int r) { return nic[at(r)] > 0.0; }));
    t.nics_ = std::min(t.nics_, withNic);
  }
  if (t.members_.empty()) t.nics_ = 0;

  bool reduction = t.scaleUp_;
  t.reductionEfficiency_ = 1.0;
  for (NodeId sw : t.switch_) {
    if (sw == topology::kNoNode) continue;
    const models::SwitchModel& model = fabric.catalog().packetSwitch(fabric.node(sw).model);
    reduction = reduction && model.inNetworkReduction;
    t.reductionEfficiency_ = std::min(t.reductionEfficiency_, model.reductionEfficiency);
  }
  const bool hopperOrLater =
      t.architecture_ == GpuArchitecture::Hopper || t.architecture_ == GpuArchitecture::Blackwell;
  t.nvls_ = reduction && hopperOrLater;

  // Ring search (src/graph/search.cc ncclTopoCompute).
  const int nodes = t.servers();
  if (nodes == 1 && t.scaleUp_) {
    // Inside one server: try the speeds from the fastest that fits one channel
    // down to half of it (NCCL stops lowering below 0.49 x the best speed),
    // keeping the most bandwidth; ties go to more channels.
    const std::vector<double>& speeds = intraSpeeds(t.architecture_);
    double top = 0.0;
    for (double s : speeds) {
      const int ch = std::min(kMaxSearchChannels, static_cast<int>(std::floor(t.scaleUpGBps_ / s + 1e-9)));
      if (ch < 1) continue;
      if (top == 0.0) top = s;
      if (s / top <= 0.49) break;
      if (ch * s > t.ring_.channels * t.ring_.bwIntra + 1e-9 ||
          (std::abs(ch * s - t.ring_.channels * t.ring_.bwIntra) < 1e-9 && ch > t.ring_.channels)) {
        t.ring_ = NcclGraph{ch, s, s};
      }
    }
  } else if (nodes > 1 && t.nics_ > 0) {
    // One channel per NIC at the fastest speed the NIC carries; inside a
    // server each GPU but the channel's exit forwards it over NVLink.
    const int ch = std::min(kMaxSearchChannels, t.nics_);
    const double nvlinkLoad = ppn > 1 && t.scaleUp_ ? static_cast<double>(ch) * (ppn - 1) / ppn : 0.0;
    const double budget = nvlinkLoad > 0.0 ? t.scaleUpGBps_ : std::numeric_limits<double>::max();
    const double s = fastestFitting(interSpeeds(t.architecture_), t.nicGBps_, std::max(nvlinkLoad, 1e-12), budget);
    if (s > 0.0) t.ring_ = NcclGraph{ch, s, s};
  }
  if (t.ring_.channels == 0) {
    // No NVLink and one GPU, or nothing NCCL's speeds fit: one slow channel.
    const double s = std::max(0.12, std::min(t.nicGBps_, interSpeeds(t.architecture_).front()));
    t.ring_ = NcclGraph{1, s, s};
  }
  // ncclTopoDupChannels: fast channels are split in two of half the speed.
  {
    // "ccMin > 80": Hopper and Blackwell (A100 is 8.0).
    const double bw = t.ring_.bwIntra;
    if (bw >= 25.0 && !(hopperOrLater && bw < 50.0 && t.ring_.channels > 4)) {
      const int dup = std::min(2 * t.ring_.channels, kMaxSearchChannels);
      const int factor = (dup + t.ring_.channels - 1) / t.ring_.channels;
      t.ring_ = NcclGraph{dup, bw / factor, t.ring_.bwInter / factor};
    }
  }
  // ncclTopoPostset doubles the channels; Hopper and later with several
  // servers double again while below 16 and the channel speed exceeds 45 GB/s.
  t.collChannels_ = std::min(kMaxChannels, 2 * t.ring_.channels);
  if (hopperOrLater && nodes > 1 && t.ring_.bwIntra > 45.0 && t.collChannels_ < 16) {
    t.collChannels_ = std::min(kMaxChannels, 2 * t.collChannels_);
  }

  // NVLS search: every channel takes its speed on each GPU's scale-up link, twice on its head's.
  if (t.nvls_) {
    const int ch = nodes == 1 ? ppn : std::min(ppn, t.nics_);
    const double load = static_cast<double>(ch + 1);
    const double s = nodes == 1 ? fastestFitting(intraSpeeds(t.architecture_), 1e9, load, t.scaleUpGBps_)
                                : fastestFitting(interSpeeds(t.architecture_), t.nicGBps_, load, t.scaleUpGBps_);
    if (ch >= 2 && s > 0.0) {
      // Pass 2 of the search raises bwInter alone (heads to NICs; nothing
      // across servers on one) while it is below twice bwIntra.
      const std::vector<double>& speeds = nodes == 1 ? intraSpeeds(t.architecture_) : interSpeeds(t.architecture_);
      double inter = s;
      for (auto it = speeds.rbegin(); it != speeds.rend(); ++it) {
        if (*it <= inter || inter >= 2 * s) continue;
        if (nodes > 1 && *it > t.nicGBps_ + 1e-9) break;
        inter = *it;
      }
      t.nvlsGraph_ = NcclGraph{ch, s, inter};
    }
    // NVLS_NCHANNELS_SM90 / _SM100 / _SM100_NVL (src/transport/nvls.cc).
    t.nvlsChannels_ = t.architecture_ == GpuArchitecture::Blackwell ? (nodes > 1 ? 32 : 24) : 16;
    if (t.nvlsGraph_.channels == 0) t.nvlsChannels_ = 0;
  }

  // CollNet Direct search (search.cc ncclTopoSearchTryCollnetDirect): a head
  // per GPU with a NIC; each GPU's scale-up link carries 2 x the speed.
  if (nodes > 1 && t.uniform_ && t.scaleUp_ && ppn <= kMaxDirectArity + 1 && t.nics_ > 0) {
    const int heads = std::min({ppn, t.nics_, kMaxDirectArity + 1});
    const std::vector<double>& speeds = interSpeeds(t.architecture_);
    const double s = fastestFitting(speeds, t.nicGBps_, 2.0, t.scaleUpGBps_);
    if (s > 0.0) {
      double intra = s;
      for (auto it = speeds.rbegin(); it != speeds.rend(); ++it) {
        if (*it <= intra || intra >= 2 * s) continue;
        if (2.0 * *it > t.scaleUpGBps_ + 1e-9) break;
        intra = *it;
      }
      t.collnetDirect_ = NcclGraph{heads, intra, s};
    }
  }

  // SHARP trees, one per head position.
  if (nodes < 2) {
    t.collnetWhyNot_ = "CollNet needs at least two servers (NCCL_COLLNET_NODE_THRESHOLD = 2)";
  } else if (!t.uniform_ || ppn > kMaxDirectArity + 1) {
    t.collnetWhyNot_ = "CollNet needs the same number of GPUs, at most 8, on every server";
  } else if (t.nics_ == 0) {
    t.collnetWhyNot_ = "CollNet needs a NIC on the heads";
  } else {
    try {
      const int positions = std::min(ppn, t.nics_);
      for (int h = 0; h < positions; ++h) {
        std::vector<NodeId> heads;
        for (const auto& m : t.members_) heads.push_back(ranks[at(m[at(h)])]);
        t.sharp_.push_back(topology::AggregationTree::over(fabric, heads, h));
      }
    } catch (const std::invalid_argument& e) {
      t.sharp_.clear();
      t.collnetWhyNot_ = e.what();
    }
  }
  return t;
}

int NcclTopology::headPosition(int channel) const {
  const int ppn = std::max(1, ranksPerServer());
  const int nics = std::max(1, std::min(nics_, ppn));
  return (channel % std::max(1, ring_.channels)) % nics;
}

std::vector<int> NcclTopology::ringOrder(int channel) const {
  std::vector<int> order;
  order.reserve(server_.size());
  const int ppn = ranksPerServer();
  const int search = std::max(1, ring_.channels);
  const int c = channel % search;
  for (int s = 0; s < servers(); ++s) {
    const std::vector<int>& m = members_[at(s)];
    const int g = static_cast<int>(m.size());
    if (servers() == 1 || ppn == 0) {
      // Inside one server every order is as good: rotate so channels start apart.
      for (int i = 0; i < g; ++i) order.push_back(m[at((c + i) % g)]);
      continue;
    }
    const int nics = std::max(1, std::min(nics_, g));
    if (nics % 2 == 0 && g >= 2) {
      // Alternating NIC pairs: enter at one of the pair, leave at the other;
      // odd servers swap the pair so hops between servers stay on one rail.
      const int pair = (c % nics) / 2;
      const bool reverse = ((c % nics) % 2 == 1) != (s % 2 == 1);
      const int enter = reverse ? 2 * pair + 1 : 2 * pair;
      const int leave = reverse ? 2 * pair : 2 * pair + 1;
      order.push_back(m[at(enter)]);
      for (int i = 0; i < g; ++i) {
        if (i != enter && i != leave) order.push_back(m[at(i)]);
      }
      order.push_back(m[at(leave)]);
    } else {
      // One NIC (or an odd count): enter at the channel's NIC and go round the server.
      const int enter = c % nics;
      for (int i = 0; i < g; ++i) order.push_back(m[at((enter + i) % g)]);
    }
  }
  return order;
}

NcclTopology::RankTree NcclTopology::tree(int channel) const {
  RankTree t;
  const int n = ranks();
  t.parent.assign(at(n), -1);
  t.children.assign(at(n), {});
  const int search = std::max(1, ring_.channels);
  const int which = (channel / search) % 2;  // duplicated channels use the mirrored tree
  const int head = headPosition(channel);
  std::vector<int> heads(at(servers()));
  for (int s = 0; s < servers(); ++s) {
    const std::vector<int>& m = members_[at(s)];
    const int g = static_cast<int>(m.size());
    const int h = std::min(head, g - 1);
    heads[at(s)] = m[at(h)];
    int previous = m[at(h)];
    for (int i = 1; i < g; ++i) {
      const int r = m[at((h + i) % g)];
      t.parent[at(r)] = previous;
      t.children[at(previous)].push_back(r);
      previous = r;
    }
  }
  const DoubleBinaryTree across(servers());
  for (int s = 0; s < servers(); ++s) {
    const int p = across.parent(which, s);
    if (p < 0) {
      t.root = heads[at(s)];
      continue;
    }
    t.parent[at(heads[at(s)])] = heads[at(p)];
    t.children[at(heads[at(p)])].push_back(heads[at(s)]);
  }
  return t;
}

}  // namespace ofe::traffic
