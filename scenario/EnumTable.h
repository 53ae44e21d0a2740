#pragma once
/// @file EnumTable.h
/// @brief The kebab-case spelling of every enum a scenario can set.

#include <string>
#include <utility>
#include <vector>

#include "models/GpuModel.h"
#include "models/LineSettings.h"
#include "models/Modulation.h"
#include "models/OpticalModule.h"
#include "models/SwitchQueueModel.h"
#include "models/TransportModel.h"
#include "topology/Node.h"
#include "traffic/JobSpec.h"

namespace ofe::scenario {

/// Value/spelling pairs of enum @p E, in declaration order. Specialised below
/// for each enum a scenario key binds to.
template <typename E>
struct EnumTable;

template <>
struct EnumTable<models::Medium> {
  static const std::vector<std::pair<models::Medium, std::string>>& entries() {
    static const std::vector<std::pair<models::Medium, std::string>> table = {
        {models::Medium::Multimode, "multimode"},
        {models::Medium::Singlemode, "singlemode"},
        {models::Medium::Copper, "copper"},
        {models::Medium::ScaleUp, "scale-up"}};
    return table;
  }
};

template <>
struct EnumTable<models::Modulation> {
  static const std::vector<std::pair<models::Modulation, std::string>>& entries() {
    using models::Modulation;
    static const std::vector<std::pair<Modulation, std::string>> table = {
        {Modulation::DpBpsk, toString(Modulation::DpBpsk)},   {Modulation::DpQpsk, toString(Modulation::DpQpsk)},
        {Modulation::Dp8Qam, toString(Modulation::Dp8Qam)},   {Modulation::Dp16Qam, toString(Modulation::Dp16Qam)},
        {Modulation::Dp32Qam, toString(Modulation::Dp32Qam)}, {Modulation::Dp64Qam, toString(Modulation::Dp64Qam)}};
    return table;
  }
};

template <>
struct EnumTable<models::Band> {
  static const std::vector<std::pair<models::Band, std::string>>& entries() {
    using models::Band;
    static const std::vector<std::pair<Band, std::string>> table = {
        {Band::C, toString(Band::C)}, {Band::L, toString(Band::L)}, {Band::CPlusL, toString(Band::CPlusL)}};
    return table;
  }
};

template <>
struct EnumTable<models::GpuArchitecture> {
  static const std::vector<std::pair<models::GpuArchitecture, std::string>>& entries() {
    static const std::vector<std::pair<models::GpuArchitecture, std::string>> table = {
        {models::GpuArchitecture::Volta, "volta"},
        {models::GpuArchitecture::Ampere, "ampere"},
        {models::GpuArchitecture::Hopper, "hopper"},
        {models::GpuArchitecture::Blackwell, "blackwell"}};
    return table;
  }
};

template <>
struct EnumTable<models::EcmpMode> {
  static const std::vector<std::pair<models::EcmpMode, std::string>>& entries() {
    static const std::vector<std::pair<models::EcmpMode, std::string>> table = {
        {models::EcmpMode::FlowHash, "flow-hash"}, {models::EcmpMode::PacketSpray, "packet-spray"}};
    return table;
  }
};

template <>
struct EnumTable<models::CongestionControl> {
  static const std::vector<std::pair<models::CongestionControl, std::string>>& entries() {
    static const std::vector<std::pair<models::CongestionControl, std::string>> table = {
        {models::CongestionControl::Dcqcn, "dcqcn"},
        {models::CongestionControl::Hpcc, "hpcc"},
        {models::CongestionControl::None, "none"}};
    return table;
  }
};

template <>
struct EnumTable<models::LossRecovery> {
  static const std::vector<std::pair<models::LossRecovery, std::string>>& entries() {
    static const std::vector<std::pair<models::LossRecovery, std::string>> table = {
        {models::LossRecovery::GoBackN, "go-back-n"},
        {models::LossRecovery::SelectiveRepeat, "selective-repeat"}};
    return table;
  }
};

template <>
struct EnumTable<traffic::CollectiveOp> {
  static const std::vector<std::pair<traffic::CollectiveOp, std::string>>& entries() {
    static const std::vector<std::pair<traffic::CollectiveOp, std::string>> table = {
        {traffic::CollectiveOp::AllReduce, "all-reduce"},
        {traffic::CollectiveOp::AllGather, "all-gather"},
        {traffic::CollectiveOp::ReduceScatter, "reduce-scatter"},
        {traffic::CollectiveOp::AllToAll, "all-to-all"},
        {traffic::CollectiveOp::Broadcast, "broadcast"},
        {traffic::CollectiveOp::Reduce, "reduce"},
        {traffic::CollectiveOp::SendRecv, "send-recv"}};
    return table;
  }
};

template <>
struct EnumTable<traffic::Algorithm> {
  static const std::vector<std::pair<traffic::Algorithm, std::string>>& entries() {
    static const std::vector<std::pair<traffic::Algorithm, std::string>> table = {
        {traffic::Algorithm::Auto, "auto"},
        {traffic::Algorithm::Ring, "ring"},
        {traffic::Algorithm::Tree, "tree"},
        {traffic::Algorithm::Nvls, "nvls"},
        {traffic::Algorithm::NvlsTree, "nvls-tree"},
        {traffic::Algorithm::CollNet, "collnet"},
        {traffic::Algorithm::CollNetChain, "collnet-chain"},
        {traffic::Algorithm::Pxn, "pxn"},
        {traffic::Algorithm::Direct, "direct"},
        {traffic::Algorithm::FlatRing, "flat-ring"},
        {traffic::Algorithm::FlatDoubleBinaryTree, "flat-double-binary-tree"},
        {traffic::Algorithm::HalvingDoubling, "halving-doubling"},
        {traffic::Algorithm::Hierarchical, "hierarchical"}};
    return table;
  }
};

template <>
struct EnumTable<traffic::Protocol> {
  static const std::vector<std::pair<traffic::Protocol, std::string>>& entries() {
    static const std::vector<std::pair<traffic::Protocol, std::string>> table = {
        {traffic::Protocol::Auto, "auto"},
        {traffic::Protocol::LL, "ll"},
        {traffic::Protocol::LL128, "ll128"},
        {traffic::Protocol::Simple, "simple"}};
    return table;
  }
};

template <>
struct EnumTable<traffic::FlowPattern> {
  static const std::vector<std::pair<traffic::FlowPattern, std::string>>& entries() {
    static const std::vector<std::pair<traffic::FlowPattern, std::string>> table = {
        {traffic::FlowPattern::Permutation, "permutation"},
        {traffic::FlowPattern::Incast, "incast"},
        {traffic::FlowPattern::AllToAll, "all-to-all"},
        {traffic::FlowPattern::UniformRandom, "uniform-random"},
        {traffic::FlowPattern::List, "list"}};
    return table;
  }
};

template <>
struct EnumTable<traffic::Placement> {
  static const std::vector<std::pair<traffic::Placement, std::string>>& entries() {
    static const std::vector<std::pair<traffic::Placement, std::string>> table = {
        {traffic::Placement::Contiguous, "contiguous"},
        {traffic::Placement::RailAligned, "rail-aligned"},
        {traffic::Placement::Random, "random"}};
    return table;
  }
};

template <>
struct EnumTable<topology::NodeKind> {
  static const std::vector<std::pair<topology::NodeKind, std::string>>& entries() {
    using topology::NodeKind;
    static const std::vector<std::pair<NodeKind, std::string>> table = {
        {NodeKind::Gpu, "gpu"},
        {NodeKind::PacketSwitch, "packet-switch"},
        {NodeKind::ScaleUpSwitch, "scale-up-switch"},
        {NodeKind::CircuitSwitch, "circuit-switch"},
        {NodeKind::Amplifier, "amplifier"},
        {NodeKind::Repeater, "repeater"},
        {NodeKind::Roadm, "roadm"},
        {NodeKind::LandingStation, "landing-station"}};
    return table;
  }
};

}  // namespace ofe::scenario
