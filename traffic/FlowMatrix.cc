#include "traffic/FlowMatrix.h"

#include <fmt/format.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <utility>

#include "traffic/FlowSizeDistribution.h"
#include "traffic/SeededDraw.h"

namespace ofe::traffic {

namespace {

topology::NodeId gpuNamed(const topology::Fabric& fabric, const std::string& name) {
  const auto id = fabric.findNode(name);
  if (!id) throw std::invalid_argument(fmt::format("no node named '{}'", name));
  if (fabric.node(*id).kind != topology::NodeKind::Gpu) {
    throw std::invalid_argument(fmt::format("node '{}' is a {}, not a GPU", name,
                                            topology::toString(fabric.node(*id).kind)));
  }
  return *id;
}

std::vector<FlowDemand> pairs(const topology::Fabric& fabric, const FlowsSpec& spec,
                              const std::vector<topology::NodeId>& ranks, std::mt19937_64& rng) {
  const std::size_t n = ranks.size();
  std::vector<FlowDemand> out;
  const auto add = [&](std::size_t s, std::size_t d) { out.push_back(FlowDemand{ranks[s], ranks[d], {}, {}}); };
  switch (spec.pattern) {
    case FlowPattern::Permutation: {
      std::vector<std::size_t> to(n);
      for (std::size_t i = 0; i < n; ++i) to[i] = i;
      for (std::size_t i = n - 1; i > 0; --i) std::swap(to[i], to[drawBelow(rng, i)]);  // Sattolo
      for (std::size_t i = 0; i < n; ++i) add(i, to[i]);
      break;
    }
    case FlowPattern::Incast:
      if (spec.target < 0 || static_cast<std::size_t>(spec.target) >= n) {
        throw std::invalid_argument(fmt::format("incast target {} is not a rank of {}", spec.target, n));
      }
      for (std::size_t i = 0; i < n; ++i) {
        if (i != static_cast<std::size_t>(spec.target)) add(i, static_cast<std::size_t>(spec.target));
      }
      break;
    case FlowPattern::AllToAll:
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
          if (i != j) add(i, j);
        }
      }
      break;
    case FlowPattern::UniformRandom: {
      const std::size_t count = spec.count > 0 ? static_cast<std::size_t>(spec.count) : n;
      for (std::size_t k = 0; k < count; ++k) {
        const std::size_t s = drawBelow(rng, n);
        std::size_t d = drawBelow(rng, n - 1);
        if (d >= s) ++d;
        add(s, d);
      }
      break;
    }
    case FlowPattern::List:
      for (const FlowEntry& e : spec.list) {
        FlowDemand f{gpuNamed(fabric, e.src), gpuNamed(fabric, e.dst), e.size, e.start};
        if (f.src == f.dst) throw std::invalid_argument(fmt::format("a flow from '{}' to itself", e.src));
        if (e.size.count() < 1) throw std::invalid_argument(fmt::format("flow {} -> {} has no bytes", e.src, e.dst));
        out.push_back(f);
      }
      break;
  }
  return out;
}

}  // namespace

std::vector<FlowDemand> expandFlows(const topology::Fabric& fabric, const FlowsSpec& spec,
                                    const std::vector<topology::NodeId>& ranks, const std::string& job) {
  try {
    if (spec.pattern != FlowPattern::List && ranks.size() < 2) {
      throw std::invalid_argument(fmt::format("a traffic matrix needs at least 2 ranks, not {}", ranks.size()));
    }
    std::mt19937_64 rng(spec.seed);
    std::vector<FlowDemand> flows = pairs(fabric, spec, ranks, rng);
    if (spec.pattern != FlowPattern::List) {
      const FlowSizeDistribution sizes =
          spec.sizeCdf.empty() ? FlowSizeDistribution(spec.size) : FlowSizeDistribution(spec.sizeCdf);
      for (FlowDemand& f : flows) f.bytes = sizes.draw(rng);
    }
    if (spec.meanInterval.ps() > 0) {
      // Poisson arrivals: exponential gaps, -mean ln(1 - u), u in [0, 1).
      double at = 0.0;
      for (FlowDemand& f : flows) {
        f.start = f.start + Duration::picoseconds(std::llround(at));
        at += -static_cast<double>(spec.meanInterval.ps()) * std::log1p(-drawUnit(rng));
      }
    }
    return flows;
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(fmt::format("job '{}': {}", job, e.what()));
  }
}

}  // namespace ofe::traffic
