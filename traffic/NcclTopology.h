#pragma once
/// @file NcclTopology.h
/// @brief What NCCL's topology detection and graph search find for one communicator:
///        servers, channels and their bandwidths, ring orders and trees.

#include <string>
#include <vector>

#include "models/GpuModel.h"
#include "topology/AggregationTree.h"
#include "topology/Fabric.h"

namespace ofe::traffic {

/// The result of one NCCL graph search (ncclTopoGraph): channels found and
/// the bandwidth each carries inside a server and across servers, in GB/s.
struct NcclGraph {
  int channels = 0;
  double bwIntra = 0.0;
  double bwInter = 0.0;
};

/// A communicator (a job's ranks) as NCCL sees it, following NCCL 2.30
/// (src/graph/search.cc, connect.cc, tuning.cc; docs/collectives.md):
///  - a *server* (NCCL's node) is a set of GPUs joined by one scale-up
///    switch (NodeKind::ScaleUpSwitch); a GPU without one is a server of its
///    own. Servers are ordered by their lowest rank, GPUs in a server by slot;
///  - each GPU's NIC is its packet-switch links; channel c's NIC is the one of
///    the GPU at position c mod (NICs per server);
///  - ring search across servers: one channel per NIC at the largest NCCL
///    speed (sm90SpeedArrayInter) not above the NIC's data rate; inside one
///    server: the NVLink speed that gives the most bandwidth (ties: more
///    channels). NCCL then doubles the channels (ncclTopoPostset) and, on
///    Hopper and later with more than one server, doubles again below 16;
///  - NVLS search: one channel per GPU (one server) or per NIC, each taking
///    its speed on every GPU's scale-up link and twice on its head's; the
///    second pass then raises the speed across servers (bwInter) while it is
///    below twice that, as far as the NICs carry it (search.cc, pass 2).
///  - CollNet Direct search: one channel per head, a GPU with its own NIC (at
///    most 8), at the fastest speed its NIC carries while every GPU's
///    scale-up link takes twice the speed (once as a head sending to the
///    others, once sending to the other heads); pass 2 then raises bwIntra
///    while it is below twice bwInter and the links carry it. CollNet Chain
///    uses the ring's channels and speeds, as the trees do here;
///  - SHARP: for every head position h (0 .. min(GPUs, NICs) - 1) the
///    AggregationTree of the packet switches over the heads at h of all
///    servers (variant h, so rails may use different roots).
/// Ring orders follow NCCL's alternating NIC pairs (crossNic = 2): channel 2k
/// enters a server at position 2k and leaves it at 2k+1, channel 2k+1 the
/// other way round, and odd servers swap the pair, so every hop between
/// servers joins two NICs of the same rail.
class NcclTopology {
 public:
  /// @throws std::invalid_argument when a rank's node is not a GPU.
  static NcclTopology of(const topology::Fabric& fabric, const std::vector<topology::NodeId>& ranks);

  int ranks() const { return static_cast<int>(server_.size()); }
  int servers() const { return static_cast<int>(members_.size()); }
  /// Ranks per server (NCCL's ppn); 0 when servers differ in size.
  int ranksPerServer() const { return uniform_ ? static_cast<int>(members_.front().size()) : 0; }
  bool uniform() const { return uniform_; }
  /// Rank indices of server @p s, by slot.
  const std::vector<int>& members(int s) const { return members_.at(static_cast<std::size_t>(s)); }
  int serverOf(int rank) const { return server_.at(static_cast<std::size_t>(rank)); }
  /// Position of @p rank in its server (0 .. ranksPerServer-1).
  int positionOf(int rank) const { return position_.at(static_cast<std::size_t>(rank)); }
  /// The scale-up switch of server @p s, or kNoNode.
  topology::NodeId scaleUpSwitch(int s) const { return switch_.at(static_cast<std::size_t>(s)); }

  models::GpuArchitecture architecture() const { return architecture_; }
  /// Every server of more than one GPU has a scale-up switch joining all of them.
  bool scaleUp() const { return scaleUp_; }
  /// Every server's scale-up switch reduces in the switch (NVLS), on Hopper or later.
  bool nvlsCapable() const { return nvls_; }
  /// Smallest share of a port's rate that in-switch reduction reaches (SwitchModel::reductionEfficiency).
  double reductionEfficiency() const { return reductionEfficiency_; }
  /// Slowest GPU's scale-up data rate (GB/s), 0 without scale-up.
  double scaleUpGBps() const { return scaleUpGBps_; }
  /// Slowest GPU's NIC data rate (GB/s).
  double nicGBps() const { return nicGBps_; }
  /// NICs per server (GPUs with a packet-switch link, the smallest count over servers).
  int nicsPerServer() const { return nics_; }

  const NcclGraph& ringGraph() const { return ring_; }
  /// NCCL searches its trees like its rings here: same channels and speeds.
  const NcclGraph& treeGraph() const { return ring_; }
  /// Channels = 0 when NVLS is not available.
  const NcclGraph& nvlsGraph() const { return nvlsGraph_; }
  /// Channels rings and trees run on (comm->nChannels after duplication).
  int collChannels() const { return collChannels_; }
  /// Channels NVLS runs on (NVLS_NCHANNELS_SM90 = 16; Blackwell 32, or 24 on one server).
  int nvlsChannels() const { return nvlsChannels_; }
  /// Channels = heads of CollNet Direct; 0 when it is not available.
  const NcclGraph& collnetDirectGraph() const { return collnetDirect_; }
  /// CollNet Chain is searched like the trees: the ring's channels and speeds.
  const NcclGraph& collnetChainGraph() const { return ring_; }

  /// Two servers or more, the same GPU count (at most 8) on each, and a SHARP
  /// tree for every head position: CollNet (and NVLS across servers) can run.
  bool collnetCapable() const { return !sharp_.empty(); }
  /// Why collnetCapable() is false (empty when it is true).
  const std::string& collnetUnavailable() const { return collnetWhyNot_; }
  /// The SHARP tree over the heads at position @p position of every server;
  /// AggregationTree::leafOf takes a server index.
  const topology::AggregationTree& sharpTree(int position) const {
    return sharp_.at(static_cast<std::size_t>(position));
  }

  /// Rank order of ring channel @p channel (any channel >= 0; channels beyond
  /// the searched ones reuse them in turn).
  std::vector<int> ringOrder(int channel) const;
  /// Position, in every server, of the GPU whose NIC carries channel @p channel
  /// (the head of its tree, NVLS-tree head).
  int headPosition(int channel) const;

  /// A tree over ranks: parent (-1 at the root) and children of every rank.
  struct RankTree {
    int root = -1;
    std::vector<int> parent;
    std::vector<std::vector<int>> children;
  };
  /// NCCL's tree of channel @p channel: inside each server a chain from the
  /// head (headPosition) through the other GPUs in slot order; the heads form
  /// NCCL's double binary tree over servers, tree 0 for the first half of the
  /// channels and tree 1 for their duplicates (src/graph/trees.cc, connect.cc).
  RankTree tree(int channel) const;

 private:
  std::vector<std::vector<int>> members_;
  std::vector<int> server_;
  std::vector<int> position_;
  std::vector<topology::NodeId> switch_;
  bool uniform_ = true;
  bool scaleUp_ = false;
  bool nvls_ = false;
  double reductionEfficiency_ = 1.0;
  double scaleUpGBps_ = 0.0;
  double nicGBps_ = 0.0;
  int nics_ = 0;
  models::GpuArchitecture architecture_ = models::GpuArchitecture::Hopper;
  NcclGraph ring_;
  NcclGraph nvlsGraph_;
  NcclGraph collnetDirect_;
  std::vector<topology::AggregationTree> sharp_;
  std::string collnetWhyNot_;
  int collChannels_ = 1;
  int nvlsChannels_ = 0;
};

}  // namespace ofe::traffic
