#include "traffic/CollectiveNames.h"

#include <fmt/format.h>

#include <array>
#include <stdexcept>
#include <string>
#include <utility>

namespace ofe::traffic {

namespace {

constexpr std::array<CollectiveOp, 7> kOps = {
    CollectiveOp::AllReduce, CollectiveOp::AllGather, CollectiveOp::ReduceScatter, CollectiveOp::AllToAll,
    CollectiveOp::Broadcast, CollectiveOp::Reduce,    CollectiveOp::SendRecv};
constexpr std::array<Algorithm, 13> kAlgorithms = {
    Algorithm::Auto,     Algorithm::Ring,    Algorithm::Tree,         Algorithm::Nvls,
    Algorithm::NvlsTree, Algorithm::CollNet, Algorithm::CollNetChain, Algorithm::Pxn,
    Algorithm::Direct,   Algorithm::FlatRing, Algorithm::FlatDoubleBinaryTree, Algorithm::HalvingDoubling,
    Algorithm::Hierarchical};
constexpr std::array<Protocol, 4> kProtocols = {Protocol::Auto, Protocol::LL, Protocol::LL128, Protocol::Simple};
constexpr std::array<Placement, 3> kPlacements = {Placement::Contiguous, Placement::RailAligned,
                                                  Placement::Random};

// Scenario files written by hand mix "all_reduce" and "all-reduce", and
// NCCL spells protocols "LL128" and "Simple"; all of these mean the same.
std::string normalise(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '_') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

template <typename Enum, std::size_t N>
Enum parseName(std::string_view text, const std::array<Enum, N>& values, const char* what) {
  const std::string wanted = normalise(text);
  std::string known;
  for (Enum v : values) {
    if (wanted == toString(v)) return v;
    known += known.empty() ? "" : ", ";
    known += toString(v);
  }
  throw std::invalid_argument(fmt::format("unknown {} '{}' (expected one of: {})", what, text, known));
}

}  // namespace

const char* toString(CollectiveOp op) {
  switch (op) {
    case CollectiveOp::AllReduce: return "all-reduce";
    case CollectiveOp::AllGather: return "all-gather";
    case CollectiveOp::ReduceScatter: return "reduce-scatter";
    case CollectiveOp::AllToAll: return "all-to-all";
    case CollectiveOp::Broadcast: return "broadcast";
    case CollectiveOp::Reduce: return "reduce";
    case CollectiveOp::SendRecv: return "send-recv";
  }
  return "unknown";
}

const char* toString(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::Auto: return "auto";
    case Algorithm::Ring: return "ring";
    case Algorithm::Tree: return "tree";
    case Algorithm::Nvls: return "nvls";
    case Algorithm::NvlsTree: return "nvls-tree";
    case Algorithm::CollNet: return "collnet";
    case Algorithm::CollNetChain: return "collnet-chain";
    case Algorithm::Pxn: return "pxn";
    case Algorithm::Direct: return "direct";
    case Algorithm::FlatRing: return "flat-ring";
    case Algorithm::FlatDoubleBinaryTree: return "flat-double-binary-tree";
    case Algorithm::HalvingDoubling: return "halving-doubling";
    case Algorithm::Hierarchical: return "hierarchical";
  }
  return "unknown";
}

const char* toString(Protocol protocol) {
  switch (protocol) {
    case Protocol::Auto: return "auto";
    case Protocol::LL: return "ll";
    case Protocol::LL128: return "ll128";
    case Protocol::Simple: return "simple";
  }
  return "unknown";
}

bool isNcclAlgorithm(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::Auto:
    case Algorithm::Ring:
    case Algorithm::Tree:
    case Algorithm::Nvls:
    case Algorithm::NvlsTree:
    case Algorithm::CollNet:
    case Algorithm::CollNetChain:
    case Algorithm::Pxn: return true;
    default: return false;
  }
}

const char* toString(Placement placement) {
  switch (placement) {
    case Placement::Contiguous: return "contiguous";
    case Placement::RailAligned: return "rail-aligned";
    case Placement::Random: return "random";
  }
  return "unknown";
}

CollectiveOp parseCollectiveOp(std::string_view text) { return parseName(text, kOps, "collective"); }
Algorithm parseAlgorithm(std::string_view text) { return parseName(text, kAlgorithms, "algorithm"); }
Placement parsePlacement(std::string_view text) { return parseName(text, kPlacements, "placement"); }
Protocol parseProtocol(std::string_view text) { return parseName(text, kProtocols, "protocol"); }

}  // namespace ofe::traffic
