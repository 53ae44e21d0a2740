#include "traffic/Collectives.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "traffic/CollectiveAlgorithms.h"
#include "traffic/CollectiveNames.h"
#include "traffic/CollectiveWriter.h"

namespace ofe::traffic {

namespace {

constexpr std::int64_t kPipelineChunkBytes = 512 * 1024;
constexpr int kMaxDefaultChunks = 64;

bool isPowerOfTwo(int n) { return n > 0 && (n & (n - 1)) == 0; }

void validateDomains(const CollectiveCall& call) {
  const int n = static_cast<int>(call.ranks.size());
  if (call.domains.empty()) {
    throw std::invalid_argument("hierarchical all-reduce needs the ranks' scale-up domains (CollectiveCall::domains)");
  }
  const std::size_t g = call.domains.front().size();
  std::vector<int> seen(static_cast<std::size_t>(n), 0);
  for (const auto& d : call.domains) {
    if (d.size() != g || g == 0) {
      throw std::invalid_argument(fmt::format(
          "hierarchical all-reduce needs the same number of ranks in every scale-up domain (found {} and {})", g,
          d.size()));
    }
    for (int r : d) {
      if (r < 0 || r >= n || seen[static_cast<std::size_t>(r)]++ != 0) {
        throw std::invalid_argument(
            fmt::format("hierarchical all-reduce: rank {} is out of range or in two domains", r));
      }
    }
  }
  if (g * call.domains.size() != static_cast<std::size_t>(n)) {
    throw std::invalid_argument("hierarchical all-reduce: the scale-up domains do not cover every rank");
  }
}

void validate(const CollectiveCall& call) {
  const int n = static_cast<int>(call.ranks.size());
  const char* op = toString(call.op);
  const char* alg = toString(call.algorithm);
  if (n < 2) throw std::invalid_argument(fmt::format("{} needs at least 2 ranks, got {}", op, n));
  std::vector<topology::NodeId> sorted = call.ranks;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    throw std::invalid_argument(fmt::format("{}: a GPU holds two ranks", op));
  }
  if (call.size.count() <= 0) throw std::invalid_argument(fmt::format("{} of 0 bytes", op));
  if (call.chunks < 0) throw std::invalid_argument(fmt::format("{}: negative chunk count", op));
  if (call.root < 0 || call.root >= n) {
    throw std::invalid_argument(fmt::format("{}: root {} is not a rank of 0..{}", op, call.root, n - 1));
  }
  if (!call.rankAfter.empty() && call.rankAfter.size() != call.ranks.size()) {
    throw std::invalid_argument(fmt::format("{}: rankAfter has {} lists for {} ranks", op, call.rankAfter.size(), n));
  }
  if (!isSupported(call.op, call.algorithm)) {
    throw std::invalid_argument(fmt::format("{} has no {} algorithm (see docs/collectives.md)", op, alg));
  }
  const bool hdHalf = call.algorithm == Algorithm::HalvingDoubling &&
                      (call.op == CollectiveOp::AllGather || call.op == CollectiveOp::ReduceScatter);
  if (hdHalf && !isPowerOfTwo(n)) {
    throw std::invalid_argument(fmt::format("halving-doubling {} needs a power-of-two rank count, got {}", op, n));
  }
  if (call.algorithm == Algorithm::Hierarchical) validateDomains(call);
  if (call.algorithm == Algorithm::Auto) {
    throw std::invalid_argument(fmt::format("{}: resolve algorithm 'auto' before expanding it", op));
  }
  // Direct all-to-all and send-recv may also run raw (protocol Auto), as the flat schedules do.
  if (isNcclAlgorithm(call.algorithm) && call.protocol == Protocol::Auto) {
    throw std::invalid_argument(fmt::format("{} {}: resolve protocol 'auto' before expanding it", op, alg));
  }
  if (!usesProtocol(call.op, call.algorithm) && call.protocol != Protocol::Auto) {
    throw std::invalid_argument(fmt::format("{} {}: a flat schedule moves raw bytes and takes no protocol", op, alg));
  }
  const bool needsTopology = call.algorithm == Algorithm::Ring || call.algorithm == Algorithm::Tree ||
                             call.algorithm == Algorithm::Nvls || call.algorithm == Algorithm::NvlsTree ||
                             call.algorithm == Algorithm::CollNet || call.algorithm == Algorithm::CollNetChain ||
                             call.algorithm == Algorithm::Pxn;
  if (needsTopology && call.topology == nullptr) {
    throw std::invalid_argument(fmt::format("{} {} needs the communicator's NCCL topology", op, alg));
  }
  if (call.topology != nullptr && call.topology->ranks() != n) {
    throw std::invalid_argument(fmt::format("{}: the NCCL topology has {} ranks, the call {}", op,
                                            call.topology->ranks(), n));
  }
  if (needsTopology && call.algorithm != Algorithm::Pxn && !call.topology->uniform()) {
    throw std::invalid_argument(
        fmt::format("{} {} needs the same number of ranks on every server (use a flat-* schedule)", op, alg));
  }
  if (call.channels < 1) throw std::invalid_argument(fmt::format("{}: channels must be at least 1", op));
}

}  // namespace

bool isSupported(CollectiveOp op, Algorithm algorithm) {
  using A = Algorithm;
  if (algorithm == A::Auto) return true;
  switch (op) {
    case CollectiveOp::AllReduce: return algorithm != A::Pxn;
    case CollectiveOp::AllGather:
    case CollectiveOp::ReduceScatter:
      return algorithm == A::Ring || algorithm == A::Direct || algorithm == A::FlatRing ||
             algorithm == A::HalvingDoubling;
    case CollectiveOp::AllToAll: return algorithm == A::Pxn || algorithm == A::Direct;
    case CollectiveOp::Broadcast:
    case CollectiveOp::Reduce:
      return algorithm == A::Ring || algorithm == A::FlatRing || algorithm == A::FlatDoubleBinaryTree;
    case CollectiveOp::SendRecv: return algorithm == A::Ring || algorithm == A::Direct || algorithm == A::FlatRing;
  }
  return false;
}

bool usesProtocol(CollectiveOp op, Algorithm algorithm) {
  if (isNcclAlgorithm(algorithm)) return true;
  // NCCL runs all-to-all and send-recv as point-to-point operations.
  return algorithm == Algorithm::Direct && (op == CollectiveOp::AllToAll || op == CollectiveOp::SendRecv);
}

int defaultChunks(CollectiveOp op, Algorithm algorithm, Bytes size) {
  std::int64_t pipelined = 0;
  if (algorithm == Algorithm::FlatDoubleBinaryTree) {
    pipelined = (size.count() + 1) / 2;
  } else if (algorithm == Algorithm::FlatRing && (op == CollectiveOp::Broadcast || op == CollectiveOp::Reduce)) {
    pipelined = size.count();
  }
  if (pipelined == 0) return 1;
  const std::int64_t chunks = (pipelined + kPipelineChunkBytes - 1) / kPipelineChunkBytes;
  return static_cast<int>(std::clamp<std::int64_t>(chunks, 1, kMaxDefaultChunks));
}

CollectiveOutput appendCollective(Plan& plan, const CollectiveCall& call) {
  validate(call);
  namespace alg = algorithms;
  const int n = static_cast<int>(call.ranks.size());
  const int chunks = call.chunks > 0 ? call.chunks : defaultChunks(call.op, call.algorithm, call.size);
  std::vector<int> everyone(static_cast<std::size_t>(n));
  std::iota(everyone.begin(), everyone.end(), 0);
  CollectiveWriter w(plan, call);
  using A = Algorithm;
  switch (call.op) {
    case CollectiveOp::AllReduce:
      switch (call.algorithm) {
        case A::Ring: alg::ncclRingAllReduce(w, call.size); break;
        case A::Tree: alg::ncclTreeAllReduce(w, call.size); break;
        case A::Nvls: alg::nvlsAllReduce(w, call.size); break;
        case A::NvlsTree: alg::nvlsTreeAllReduce(w, call.size); break;
        case A::CollNet: alg::collnetAllReduce(w, call.size); break;
        case A::CollNetChain: alg::collnetChainAllReduce(w, call.size); break;
        case A::FlatRing: alg::ringAllReduce(w, everyone, call.size, chunks, 0, {}, true); break;
        case A::FlatDoubleBinaryTree: alg::treeAllReduce(w, call.size, chunks); break;
        case A::HalvingDoubling: alg::halvingDoublingAllReduce(w, call.size); break;
        case A::Direct: {
          const auto reduced = alg::directReduceScatter(w, everyone, call.size, 0, {}, false);
          alg::directAllGather(w, everyone, call.size, 1, reduced, true);
          break;
        }
        case A::Hierarchical: alg::hierarchicalAllReduce(w, call.domains, call.size, chunks); break;
        default: break;
      }
      break;
    case CollectiveOp::AllGather:
      if (call.algorithm == A::Ring) alg::ncclRingAllGather(w, call.size);
      if (call.algorithm == A::FlatRing) alg::ringAllGather(w, everyone, call.size, chunks, 0);
      if (call.algorithm == A::Direct) alg::directAllGather(w, everyone, call.size, 0, {}, true);
      if (call.algorithm == A::HalvingDoubling) alg::doublingAllGather(w, call.size);
      break;
    case CollectiveOp::ReduceScatter:
      if (call.algorithm == A::Ring) alg::ncclRingReduceScatter(w, call.size);
      if (call.algorithm == A::FlatRing) alg::ringReduceScatter(w, everyone, call.size, chunks, 0);
      if (call.algorithm == A::Direct) alg::directReduceScatter(w, everyone, call.size, 0, {}, true);
      if (call.algorithm == A::HalvingDoubling) alg::halvingReduceScatter(w, call.size);
      break;
    case CollectiveOp::AllToAll: alg::p2pAllToAll(w, call.size, call.algorithm == A::Pxn); break;
    case CollectiveOp::Broadcast:
    case CollectiveOp::Reduce: {
      const bool towardsRoot = call.op == CollectiveOp::Reduce;
      if (call.algorithm == A::Ring) {
        alg::ncclRingBroadcastOrReduce(w, call.size, call.root, towardsRoot);
      } else if (call.algorithm == A::FlatRing) {
        alg::chain(w, call.size, chunks, call.root, towardsRoot);
      } else {
        alg::treeBroadcastOrReduce(w, call.size, chunks, call.root, towardsRoot);
      }
      break;
    }
    case CollectiveOp::SendRecv: alg::sendRecv(w, call.size, chunks, call.algorithm != A::Direct); break;
  }
  return w.finish();
}

Plan buildCollective(const CollectiveCall& call) {
  if (!call.after.empty() || !call.rankAfter.empty()) {
    throw std::invalid_argument("buildCollective: a stand-alone plan cannot depend on other transfers");
  }
  Plan plan;
  appendCollective(plan, call);
  return plan;
}

}  // namespace ofe::traffic
