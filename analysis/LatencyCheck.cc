#include "analysis/LatencyCheck.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <queue>
#include <set>
#include <vector>

namespace ofe::analysis {

using topology::Fabric;
using topology::Link;
using topology::LinkId;
using topology::NodeId;
using topology::NodeKind;

namespace {

constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max();

// A GPU's attachment: (switch, link latency in ps) per up link to a switch;
// a GPU with a direct GPU link gets a private marker so it forms its own group.
using Attachment = std::vector<std::pair<std::int64_t, std::int64_t>>;

struct Group {
  Attachment attach;
  std::vector<NodeId> gpus;
  std::string site;
};

// Sorts (latency, weight) entries and merges equal latencies, bounding memory.
void compress(std::vector<std::pair<std::int64_t, std::uint64_t>>& v) {
  std::sort(v.begin(), v.end());
  std::size_t out = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (out > 0 && v[out - 1].first == v[i].first) {
      v[out - 1].second += v[i].second;
    } else {
      v[out++] = v[i];
    }
  }
  v.resize(out);
}

}  // namespace

GpuLatencyStats computeGpuLatency(const Fabric& fabric, std::optional<Duration> limit,
                                  std::uint64_t maxWork) {
  GpuLatencyStats st;
  const std::size_t n = fabric.nodeCount();
  const models::Catalog& catalog = fabric.catalog();

  // Switch-only graph; entering switch v costs the link plus v's port-to-port latency.
  std::vector<std::int64_t> transit(n, 0);
  for (const topology::Node& node : fabric.nodes()) {
    if (node.kind == NodeKind::PacketSwitch || node.kind == NodeKind::ScaleUpSwitch) {
      transit[node.id] = catalog.packetSwitch(node.model).portToPort.ps();
    }
  }
  std::vector<std::vector<std::pair<NodeId, std::int64_t>>> adj(n);
  std::uint64_t graphSize = n;
  std::map<std::pair<NodeId, NodeId>, std::int64_t> direct;
  for (const Link& link : fabric.links()) {
    if (!link.up) continue;
    const bool gpuA = fabric.node(link.a).kind == NodeKind::Gpu;
    const bool gpuB = fabric.node(link.b).kind == NodeKind::Gpu;
    if (gpuA && gpuB) {
      const auto key = std::make_pair(std::min(link.a, link.b), std::max(link.a, link.b));
      auto it = direct.find(key);
      if (it == direct.end() || link.latency.ps() < it->second) direct[key] = link.latency.ps();
      continue;
    }
    if (gpuA || gpuB) continue;
    adj[link.a].emplace_back(link.b, link.latency.ps() + transit[link.b]);
    adj[link.b].emplace_back(link.a, link.latency.ps() + transit[link.a]);
    graphSize += 2;
  }

  const std::vector<NodeId> gpus = fabric.nodesOfKind(NodeKind::Gpu);
  st.gpus = gpus.size();
  st.pairs = gpus.size() < 2 ? 0 : static_cast<std::uint64_t>(gpus.size()) * (gpus.size() - 1);
  std::vector<bool> hasDirect(n, false);
  for (const auto& entry : direct) {
    hasDirect[entry.first.first] = true;
    hasDirect[entry.first.second] = true;
  }
  std::map<Attachment, std::size_t> groupOf;
  std::vector<Group> groups;
  for (NodeId g : gpus) {
    Attachment a;
    for (LinkId l : fabric.linksOf(g)) {
      const Link& link = fabric.link(l);
      if (!link.up) continue;
      const NodeId o = link.other(g);
      if (fabric.node(o).kind != NodeKind::Gpu) a.emplace_back(o, link.latency.ps());
    }
    if (hasDirect[g]) a.emplace_back(-1 - static_cast<std::int64_t>(g), 0);
    std::sort(a.begin(), a.end());
    auto [it, fresh] = groupOf.emplace(a, groups.size());
    if (fresh) groups.push_back(Group{a, {}, fabric.node(g).site});
    groups[it->second].gpus.push_back(g);
  }
  st.sourceGroups = groups.size();

  // Which groups are sources: all, or an even stride when the work is too large.
  std::vector<std::size_t> sources;
  const std::uint64_t affordable =
      std::max<std::uint64_t>(1, maxWork / std::max<std::uint64_t>(1, graphSize));
  if (groups.size() <= affordable) {
    for (std::size_t i = 0; i < groups.size(); ++i) sources.push_back(i);
  } else {
    st.sampled = true;
    for (std::uint64_t k = 0; k < affordable; ++k)
      sources.push_back(static_cast<std::size_t>(k * groups.size() / affordable));
  }
  st.sourceGroupsMeasured = sources.size();

  std::vector<std::pair<std::int64_t, std::uint64_t>> values;
  std::vector<std::int64_t> dist(n, kInf);
  std::vector<NodeId> touched;
  std::int64_t worst = -1;
  std::vector<LatencyPairGroup> over;
  using Item = std::pair<std::int64_t, NodeId>;
  for (std::size_t i : sources) {
    const Group& src = groups[i];
    // Multi-source Dijkstra from the switches this group attaches to.
    std::priority_queue<Item, std::vector<Item>, std::greater<>> frontier;
    for (const auto& [sw, lat] : src.attach) {
      if (sw < 0) continue;
      const NodeId s = static_cast<NodeId>(sw);
      const std::int64_t d = lat + transit[s];
      if (d < dist[s]) {
        if (dist[s] == kInf) touched.push_back(s);
        dist[s] = d;
        frontier.emplace(d, s);
      }
    }
    while (!frontier.empty()) {
      const auto [d, u] = frontier.top();
      frontier.pop();
      if (d != dist[u]) continue;
      for (const auto& [v, cost] : adj[u]) {
        if (d + cost < dist[v]) {
          if (dist[v] == kInf) touched.push_back(v);
          dist[v] = d + cost;
          frontier.emplace(dist[v], v);
        }
      }
    }
    for (std::size_t j = 0; j < groups.size(); ++j) {
      const Group& dst = groups[j];
      const std::uint64_t weight =
          i == j ? static_cast<std::uint64_t>(src.gpus.size()) * (src.gpus.size() - 1)
                 : static_cast<std::uint64_t>(src.gpus.size()) * dst.gpus.size();
      if (weight == 0) continue;
      std::int64_t best = kInf;
      for (const auto& [sw, lat] : dst.attach) {
        if (sw < 0 || dist[static_cast<NodeId>(sw)] == kInf) continue;
        best = std::min(best, dist[static_cast<NodeId>(sw)] + lat);
      }
      if (i != j && src.gpus.size() == 1 && dst.gpus.size() == 1) {
        auto it =
            direct.find({std::min(src.gpus[0], dst.gpus[0]), std::max(src.gpus[0], dst.gpus[0])});
        if (it != direct.end()) best = std::min(best, it->second);
      }
      st.pairsMeasured += weight;
      if (best == kInf) {
        st.unreachablePairs += weight;
        continue;
      }
      const NodeId from = src.gpus[0];
      const NodeId to = i == j ? src.gpus[1] : dst.gpus[0];
      values.emplace_back(best, weight);
      if (best > worst) {
        worst = best;
        st.worstFrom = from;
        st.worstTo = to;
      }
      const auto siteKey = std::minmax(src.site, dst.site);
      auto& siteWorst = st.worstBetweenSites[{siteKey.first, siteKey.second}];
      siteWorst = std::max(siteWorst, Duration::picoseconds(best));
      if (limit && best > limit->ps()) {
        st.pairsOverLimit += weight;
        // Latency is symmetric: list each unordered group pair once unless only some sources are
        // measured.
        if (st.sampled || i <= j) {
          const std::uint64_t both = st.sampled || i == j ? weight : 2 * weight;
          over.push_back(LatencyPairGroup{from, to, Duration::picoseconds(best), both});
        }
        // Keep only the slowest few, so a badly failing fabric does not hold every pair.
        if (over.size() > 4 * CheckResult::kMaxOffenders) {
          std::stable_sort(over.begin(), over.end(),
                           [](const LatencyPairGroup& a, const LatencyPairGroup& b) {
                             return a.latency > b.latency;
                           });
          over.resize(CheckResult::kMaxOffenders);
        }
      }
    }
    for (NodeId t : touched) dist[t] = kInf;
    touched.clear();
    if (values.size() > (1u << 22)) compress(values);
  }
  std::stable_sort(
      over.begin(), over.end(),
      [](const LatencyPairGroup& a, const LatencyPairGroup& b) { return a.latency > b.latency; });
  if (over.size() > CheckResult::kMaxOffenders) over.resize(CheckResult::kMaxOffenders);
  st.overLimit = std::move(over);

  compress(values);
  std::uint64_t total = 0;
  for (const auto& v : values) total += v.second;
  if (total > 0) {
    st.worst = Duration::picoseconds(worst);
    // Value at 0-based rank k in the weighted sorted list.
    auto at = [&](std::uint64_t k) {
      std::uint64_t seen = 0;
      for (const auto& v : values) {
        seen += v.second;
        if (k < seen) return v.first;
      }
      return values.back().first;
    };
    const std::int64_t lo = at((total - 1) / 2);
    const std::int64_t hi = at(total / 2);
    st.median = Duration::picoseconds(lo + (hi - lo) / 2);
  }
  return st;
}

CheckResult checkLatency(const Fabric& fabric, std::optional<Duration> maxLatency,
                         std::optional<Duration> maxSiteLatency, std::uint64_t maxWork) {
  CheckResult r;
  r.id = "latency";
  r.title = "GPU-to-GPU latency";
  const GpuLatencyStats st = computeGpuLatency(fabric, maxLatency, maxWork);
  r.addMetric("gpus", static_cast<double>(st.gpus), "count");
  r.addMetric("pairs_measured", static_cast<double>(st.pairsMeasured), "count");
  r.addMetric("unreachable_pairs", static_cast<double>(st.unreachablePairs), "count");
  r.addMetric("worst", st.worst.seconds(), "s");
  r.addMetric("median", st.median.seconds(), "s");
  r.addMetric("sampled", st.sampled ? 1.0 : 0.0, "bool");
  std::set<std::string> sites;
  for (const auto& entry : st.worstBetweenSites) {
    sites.insert(entry.first.first);
    sites.insert(entry.first.second);
  }
  if (sites.size() > 1) {
    for (const auto& [key, d] : st.worstBetweenSites) {
      r.addMetric(fmt::format("worst:{}<->{}", key.first, key.second), d.seconds(), "s");
    }
  }
  if (st.pairsMeasured == 0) {
    r.summary = "fewer than 2 GPUs, no pairs to measure";
    return r;
  }
  if (st.worstFrom == topology::kNoNode) {
    r.status = CheckStatus::Warn;
    r.summary = fmt::format("none of {} GPU pairs has a path", st.pairsMeasured);
    return r;
  }
  r.summary = fmt::format("worst {} ({} -> {}), median {} over {} ordered GPU pairs", st.worst,
                          fabric.node(st.worstFrom).name, fabric.node(st.worstTo).name, st.median,
                          st.pairsMeasured);
  if (st.sampled) {
    r.summary += fmt::format(" (sampled: {} of {} source GPU groups measured, towards every GPU)",
                             st.sourceGroupsMeasured, st.sourceGroups);
  }
  if (st.unreachablePairs != 0) {
    r.status = CheckStatus::Warn;
    r.summary += fmt::format("; {} pairs without a path left out", st.unreachablePairs);
  }
  if (maxLatency) {
    r.summary += fmt::format("; target <= {}", *maxLatency);
    if (st.pairsOverLimit != 0) {
      r.status = CheckStatus::Fail;
      r.summary += fmt::format(", exceeded by {} pairs", st.pairsOverLimit);
      for (const LatencyPairGroup& g : st.overLimit) {
        r.addOffender(fmt::format(
            "{} -> {}: {} > {}{}", fabric.node(g.from).name, fabric.node(g.to).name, g.latency,
            *maxLatency, g.pairs > 1 ? fmt::format(" (and {} similar pairs)", g.pairs - 1) : ""));
      }
      // The rest are counted in pairs (not in groups): that is what a reader can act on.
      std::uint64_t listed = 0;
      for (const LatencyPairGroup& g : st.overLimit) listed += g.pairs;
      r.moreOffenders =
          static_cast<std::size_t>(st.pairsOverLimit - std::min(listed, st.pairsOverLimit));
    }
  }
  if (maxSiteLatency) {
    std::size_t over = 0;
    Duration worstBetween;
    for (const auto& [key, d] : st.worstBetweenSites) {
      if (key.first == key.second) continue;
      worstBetween = std::max(worstBetween, d);
      if (d <= *maxSiteLatency) continue;
      ++over;
      r.addOffender(fmt::format("{} <-> {}: {} > {}", key.first, key.second, d, *maxSiteLatency));
    }
    if (sites.size() < 2) {
      r.summary += fmt::format("; between sites <= {}: one site only", *maxSiteLatency);
    } else {
      r.summary += fmt::format("; between sites {} (target <= {})", worstBetween, *maxSiteLatency);
    }
    if (over != 0) {
      r.status = CheckStatus::Fail;
      r.summary += fmt::format(", exceeded by {} site pair{}", over, over == 1 ? "" : "s");
    }
  }
  return r;
}

}  // namespace ofe::analysis
