#include "traffic/CostModel.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "traffic/CollectiveNames.h"
#include "traffic/Collectives.h"
#include "traffic/DoubleBinaryTree.h"

namespace ofe::traffic {

namespace {

// 8 * bytes * 1e12 overflows 64 bits above ~1 MiB; GCC/Clang 128-bit integers keep it exact.
__extension__ using Int128 = __int128;

constexpr std::int64_t kPsPerSecond = 1'000'000'000'000;

/// round((num / den) * bytes * 8 / rate) in picoseconds.
Duration wireTime(Int128 num, Int128 den, Bytes size, DataRate rate) {
  const Int128 top = num * size.count() * 8 * kPsPerSecond;
  const Int128 bottom = den * rate.bps();
  return Duration::picoseconds(static_cast<std::int64_t>((top + bottom / 2) / bottom));
}

int log2Floor(int n) {
  int l = 0;
  while ((2 << l) <= n) ++l;
  return l;
}

bool isPowerOfTwo(int n) { return (n & (n - 1)) == 0; }

/// busbw factor as num/den, so bandwidth figures stay exact.
std::pair<std::int64_t, std::int64_t> busFactor(CollectiveOp op, int n) {
  switch (op) {
    case CollectiveOp::AllReduce: return {2 * (n - 1), n};
    case CollectiveOp::AllGather:
    case CollectiveOp::ReduceScatter:
    case CollectiveOp::AllToAll: return {n - 1, n};
    case CollectiveOp::Broadcast:
    case CollectiveOp::Reduce:
    case CollectiveOp::SendRecv: return {1, 1};
  }
  return {1, 1};
}

// Busiest rank of the double binary tree all-reduce: an edge carries half t
// once up and once down, so a rank moves (tree degree) x half-t bytes each way.
Duration treeAllReduce(int n, Bytes size, const CostParameters& p) {
  const DoubleBinaryTree trees(n);
  const Bytes half[2] = {Bytes((size.count() + 1) / 2), Bytes(size.count() / 2)};
  Int128 busiest = 0;
  for (int r = 0; r < n; ++r) {
    Int128 load = 0;
    for (int t = 0; t < 2; ++t) {
      const int degree = static_cast<int>(trees.children(t, r).size()) + (trees.parent(t, r) >= 0 ? 1 : 0);
      load += static_cast<Int128>(degree) * half[t].count();
    }
    busiest = std::max(busiest, load);
  }
  const int depth = std::max(trees.height(0), trees.height(1));
  return p.alpha * (2 * depth) + wireTime(busiest, 1, Bytes(1), p.bandwidth);
}

// Two-tree broadcast/reduce: the root moves S; another rank receives (or, for
// reduce, sends) its half of each tree once and forwards it to each child.
Duration treeRooted(int n, Bytes size, const CostParameters& p) {
  const int m = n - 1;
  const DoubleBinaryTree trees(m);
  const Bytes half[2] = {Bytes((size.count() + 1) / 2), Bytes(size.count() / 2)};
  Int128 busiest = size.count();
  for (int r = 0; r < m; ++r) {
    Int128 in = 0;
    Int128 out = 0;
    for (int t = 0; t < 2; ++t) {
      in += half[t].count();
      out += static_cast<Int128>(trees.children(t, r).size()) * half[t].count();
    }
    busiest = std::max({busiest, in, out});
  }
  const int depth = std::max(trees.height(0), trees.height(1));
  return p.alpha * (1 + depth) + wireTime(busiest, 1, Bytes(1), p.bandwidth);
}

Duration hierarchical(int n, Bytes size, const CostParameters& p) {
  const int g = p.gpusPerServer;
  if (g < 1 || n % g != 0) {
    throw std::invalid_argument(
        fmt::format("hierarchical estimate: {} ranks are not whole servers of {} GPUs", n, g));
  }
  const int m = n / g;
  Duration t;
  if (g > 1) {
    if (p.scaleUpBandwidth.bps() <= 0) throw std::invalid_argument("hierarchical estimate needs a scale-up rate");
    // Direct reduce-scatter and all-gather inside the server: (g-1)/g S each.
    t += (p.scaleUpAlpha + wireTime(g - 1, g, size, p.scaleUpBandwidth)) * 2;
  }
  if (m > 1) {
    // Ring all-reduce of S/g among the m same-slot GPUs.
    t += p.alpha * (2 * (m - 1)) + wireTime(2 * (m - 1), static_cast<std::int64_t>(m) * g, size, p.bandwidth);
  }
  return t;
}

}  // namespace

Duration estimate(CollectiveOp op, Algorithm algorithm, int n, Bytes size, const CostParameters& p) {
  if (n < 2) throw std::invalid_argument(fmt::format("estimate needs at least 2 ranks, got {}", n));
  if (!isSupported(op, algorithm)) {
    throw std::invalid_argument(fmt::format("{} has no {} algorithm", toString(op), toString(algorithm)));
  }
  if (usesProtocol(op, algorithm)) {
    throw std::invalid_argument(
        fmt::format("{} {} runs NCCL's schedule: see ncclEstimate", toString(op), toString(algorithm)));
  }
  if (p.bandwidth.bps() <= 0) throw std::invalid_argument("estimate needs a positive bandwidth");
  const Duration a = p.alpha;
  const DataRate b = p.bandwidth;
  switch (op) {
    case CollectiveOp::AllReduce:
      switch (algorithm) {
        case Algorithm::FlatRing: return a * (2 * (n - 1)) + wireTime(2 * (n - 1), n, size, b);
        case Algorithm::Direct: return a * 2 + wireTime(2 * (n - 1), n, size, b);
        case Algorithm::HalvingDoubling: {
          const int l = log2Floor(n);
          const int q = 1 << l;
          Duration t = a * (2 * l) + wireTime(2 * (q - 1), q, size, b);
          // Fold and unfold: a whole vector each way between paired ranks.
          if (q != n) t += (a + wireTime(1, 1, size, b)) * 2;
          return t;
        }
        case Algorithm::FlatDoubleBinaryTree: return treeAllReduce(n, size, p);
        case Algorithm::Hierarchical: return hierarchical(n, size, p);
        default: break;
      }
      break;
    case CollectiveOp::AllGather:
    case CollectiveOp::ReduceScatter:
      if (algorithm == Algorithm::FlatRing) return a * (n - 1) + wireTime(n - 1, n, size, b);
      if (algorithm == Algorithm::Direct) return a + wireTime(n - 1, n, size, b);
      if (!isPowerOfTwo(n)) {
        throw std::invalid_argument(fmt::format("halving-doubling {} needs a power-of-two rank count, got {}",
                                                toString(op), n));
      }
      return a * log2Floor(n) + wireTime(n - 1, n, size, b);
    case CollectiveOp::AllToAll: break;  // only point-to-point schedules, rejected above
    case CollectiveOp::Broadcast:
    case CollectiveOp::Reduce:
      if (algorithm == Algorithm::FlatRing) return a * (n - 1) + wireTime(1, 1, size, b);
      return treeRooted(n, size, p);
    case CollectiveOp::SendRecv: return a + wireTime(1, 1, size, b);
  }
  throw std::invalid_argument("estimate: unknown collective");
}

Duration estimate(CollectiveOp op, Algorithm algorithm, int n, Bytes size, Duration alpha, DataRate bandwidth) {
  if (algorithm == Algorithm::Hierarchical) {
    throw std::invalid_argument("a hierarchical estimate needs scale-up figures (CostParameters)");
  }
  CostParameters p;
  p.alpha = alpha;
  p.bandwidth = bandwidth;
  return estimate(op, algorithm, n, size, p);
}

double busBandwidthFactor(CollectiveOp op, int n) {
  const auto [num, den] = busFactor(op, n);
  return static_cast<double>(num) / static_cast<double>(den);
}

DataRate algBandwidth(Bytes size, Duration time) { return busBandwidth(CollectiveOp::Broadcast, 1, size, time); }

DataRate busBandwidth(CollectiveOp op, int n, Bytes size, Duration time) {
  if (time.ps() <= 0) throw std::invalid_argument("bandwidth over a non-positive time");
  const auto [num, den] = busFactor(op, n);
  const Int128 top = static_cast<Int128>(num) * size.count() * 8 * kPsPerSecond;
  const Int128 bottom = static_cast<Int128>(den) * time.ps();
  return DataRate::bitsPerSecond(static_cast<std::int64_t>((top + bottom / 2) / bottom));
}

}  // namespace ofe::traffic
