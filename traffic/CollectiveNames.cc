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
constexpr std::array<Algorithm, 5> kAlgorithms = {Algorithm::Ring, Algorithm::DoubleBinaryTree,
                                                  Algorithm::HalvingDoubling, Algorithm::Direct,
                                                  Algorithm::Hierarchical};
constexpr std::array<Placement, 3> kPlacements = {Placement::Contiguous, Placement::RailAligned,
                                                  Placement::Random};

// Scenario files written by hand mix "all_reduce" and "all-reduce"; both mean the same.
std::string normalise(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '_') c = '-';
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
    case Algorithm::Ring: return "ring";
    case Algorithm::DoubleBinaryTree: return "double-binary-tree";
    case Algorithm::HalvingDoubling: return "halving-doubling";
    case Algorithm::Direct: return "direct";
    case Algorithm::Hierarchical: return "hierarchical";
  }
  return "unknown";
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

}  // namespace ofe::traffic
