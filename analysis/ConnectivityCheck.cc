#include "analysis/ConnectivityCheck.h"

#include <fmt/format.h>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace ofe::analysis {

using topology::Fabric;
using topology::Link;
using topology::LinkId;
using topology::NodeId;
using topology::NodeKind;

namespace {

// Keeps the edges whose link is up and, when `skipGpus`, whose ends are both
// non-GPU: those are the edges along which packets may travel between switches.
struct LinkFilter {
  const Fabric* fabric = nullptr;
  bool skipGpus = false;
  template <typename Edge>
  bool operator()(const Edge& e) const {
    const LinkId id = boost::get(boost::edge_index, fabric->graph(), e);
    const Link& link = fabric->link(id);
    if (!link.up) return false;
    if (!skipGpus) return true;
    return fabric->node(link.a).kind != NodeKind::Gpu && fabric->node(link.b).kind != NodeKind::Gpu;
  }
};

std::vector<int> components(const Fabric& fabric, bool skipGpus) {
  boost::filtered_graph<Fabric::Graph, LinkFilter> view(fabric.graph(),
                                                        LinkFilter{&fabric, skipGpus});
  std::vector<int> comp(fabric.nodeCount(), -1);
  if (!comp.empty()) boost::connected_components(view, comp.data());
  return comp;
}

bool intersects(const std::vector<int>& a, const std::vector<int>& b) {
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return true;
    if (*i < *j)
      ++i;
    else
      ++j;
  }
  return false;
}

std::string listNames(const Fabric& fabric, const std::vector<NodeId>& ids, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < shown; ++i) {
    if (i != 0) out += ", ";
    out += fabric.node(ids[i]).name;
  }
  if (ids.size() > shown) out += fmt::format(" +{} more", ids.size() - shown);
  return out;
}

}  // namespace

CheckResult checkConnectivity(const Fabric& fabric) {
  CheckResult r;
  r.id = "connectivity";
  r.title = "GPU connectivity";
  const std::vector<NodeId> gpus = fabric.nodesOfKind(NodeKind::Gpu);
  const std::size_t n = gpus.size();
  const std::uint64_t pairs = n < 2 ? 0 : static_cast<std::uint64_t>(n) * (n - 1) / 2;

  // Parts: plain components over up links, GPUs included. They name what is cut off.
  const std::vector<int> part = components(fabric, false);
  std::map<int, std::vector<NodeId>> gpusOfPart;
  for (NodeId g : gpus) gpusOfPart[part[g]].push_back(g);

  // Exact reachability under the no-transit rule: two GPUs reach each other iff
  // they attach to a common switch-only component, or share a direct up link.
  const std::vector<int> swComp = components(fabric, true);
  std::vector<std::vector<int>> signature(fabric.nodeCount());
  std::set<std::pair<NodeId, NodeId>> direct;
  std::size_t isolated = 0;
  std::map<int, std::size_t> attachCount;
  for (NodeId g : gpus) {
    bool anyUp = false;
    for (LinkId l : fabric.linksOf(g)) {
      const Link& link = fabric.link(l);
      if (!link.up) continue;
      anyUp = true;
      const NodeId o = link.other(g);
      if (fabric.node(o).kind == NodeKind::Gpu) {
        direct.emplace(std::min(g, o), std::max(g, o));
      } else {
        signature[g].push_back(swComp[o]);
      }
    }
    auto& sig = signature[g];
    std::sort(sig.begin(), sig.end());
    sig.erase(std::unique(sig.begin(), sig.end()), sig.end());
    for (int c : sig) ++attachCount[c];
    if (!anyUp) ++isolated;
  }
  // GPUs on the component most GPUs attach to all reach each other; only the
  // rest need pairwise tests, which keeps this linear on healthy fabrics.
  int dominant = -1;
  std::size_t dominantCount = 0;
  for (const auto& [c, count] : attachCount) {
    if (count > dominantCount) {
      dominant = c;
      dominantCount = count;
    }
  }
  std::map<std::vector<int>, std::vector<NodeId>> groups;
  for (NodeId g : gpus) groups[signature[g]].push_back(g);
  auto inDominant = [&](const std::vector<int>& sig) {
    return std::binary_search(sig.begin(), sig.end(), dominant);
  };
  std::uint64_t unreachable = 0;
  std::vector<NodeId> cutOff;  // GPUs off the dominant component that miss some peer
  std::vector<const std::vector<int>*> sigs;
  std::vector<const std::vector<NodeId>*> members;
  for (const auto& [sig, ids] : groups) {
    sigs.push_back(&sig);
    members.push_back(&ids);
  }
  auto directPairs = [&](const std::vector<NodeId>& a, const std::vector<NodeId>& b) {
    std::uint64_t count = 0;
    for (const auto& [x, y] : direct) {
      const bool xa = std::binary_search(a.begin(), a.end(), x);
      const bool ya = std::binary_search(a.begin(), a.end(), y);
      const bool xb = std::binary_search(b.begin(), b.end(), x);
      const bool yb = std::binary_search(b.begin(), b.end(), y);
      if ((xa && yb) || (ya && xb)) ++count;
    }
    return count;
  };
  for (std::size_t i = 0; i < sigs.size(); ++i) {
    const bool domI = inDominant(*sigs[i]);
    if (domI) continue;  // dominant-dominant pairs always reach; others are counted from their side
    const std::vector<NodeId>& gI = *members[i];
    bool missing = false;
    for (std::size_t j = 0; j < sigs.size(); ++j) {
      const std::vector<NodeId>& gJ = *members[j];
      if (j == i) {
        if (!sigs[i]->empty()) continue;
        // No switch at all: only direct GPU-GPU links join these to each other.
        const std::uint64_t within =
            static_cast<std::uint64_t>(gI.size()) * (gI.size() - 1) / 2 - directPairs(gI, gI);
        unreachable += within;
        missing = missing || within > 0;
        continue;
      }
      const bool domJ = inDominant(*sigs[j]);
      if (!domJ && j < i) continue;  // this pair of groups was counted from j's side
      if (intersects(*sigs[i], *sigs[j])) continue;
      const std::uint64_t between =
          static_cast<std::uint64_t>(gI.size()) * gJ.size() - directPairs(gI, gJ);
      if (between == 0) continue;
      unreachable += between;
      missing = true;
      if (!domJ) cutOff.insert(cutOff.end(), gJ.begin(), gJ.end());
    }
    if (missing) cutOff.insert(cutOff.end(), gI.begin(), gI.end());
  }
  std::sort(cutOff.begin(), cutOff.end());
  cutOff.erase(std::unique(cutOff.begin(), cutOff.end()), cutOff.end());

  r.addMetric("gpus", static_cast<double>(n), "count");
  r.addMetric("parts", static_cast<double>(gpusOfPart.size()), "count");
  r.addMetric("unreachable_pairs", static_cast<double>(unreachable), "count");
  r.addMetric("isolated_gpus", static_cast<double>(isolated), "count");

  if (n == 0) {
    r.status = CheckStatus::Warn;
    r.summary = "no GPUs in the fabric";
    return r;
  }
  if (unreachable == 0) {
    r.summary = n == 1 ? "1 GPU, nothing to connect"
                       : fmt::format("{} GPUs in one part, all {} pairs reachable", n, pairs);
    return r;
  }
  r.status = CheckStatus::Fail;
  r.summary = fmt::format("{} GPUs in {} part{}, {} of {} pairs unreachable", n, gpusOfPart.size(),
                          gpusOfPart.size() == 1 ? "" : "s", unreachable, pairs);
  if (gpusOfPart.size() > 1) {
    // The main part is the one with most GPUs (lowest component index on a tie).
    int main = gpusOfPart.begin()->first;
    for (const auto& [c, ids] : gpusOfPart) {
      if (ids.size() > gpusOfPart.at(main).size()) main = c;
    }
    for (const auto& [c, ids] : gpusOfPart) {
      if (c == main) continue;
      std::size_t switches = 0;
      for (const topology::Node& node : fabric.nodes()) {
        if (part[node.id] == c && node.kind != NodeKind::Gpu) ++switches;
      }
      if (switches == 0 && ids.size() == 1) {
        r.addOffender(
            fmt::format("{}: isolated, no up link to a switch", fabric.node(ids[0]).name));
      } else {
        r.addOffender(fmt::format("{}: {} GPU{} and {} switch{} cut off from the largest part",
                                  listNames(fabric, ids, 3), ids.size(), ids.size() == 1 ? "" : "s",
                                  switches, switches == 1 ? "" : "es"));
      }
    }
  } else {
    for (NodeId g : cutOff) {
      r.addOffender(
          fmt::format("{}: reaches some GPUs only through another GPU, which does not forward",
                      fabric.node(g).name));
    }
  }
  return r;
}

}  // namespace ofe::analysis
