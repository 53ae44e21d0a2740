#include "analysis/EnergyReport.h"

#include <map>
#include <unordered_map>

#include "analysis/TransferPath.h"

namespace ofe::analysis {

namespace {

using topology::NodeKind;

bool isPoweredPassive(NodeKind kind) {
  return kind == NodeKind::Amplifier || kind == NodeKind::Repeater ||
         kind == NodeKind::CircuitSwitch;
}

/// Element indices by what they belong to, so a path can be charged quickly.
struct ElementIndex {
  std::vector<std::vector<std::size_t>>
      byNode;  ///< node elements (GPU + NIC, switch, amplifier, ...)
  std::vector<std::vector<std::size_t>> byLink;  ///< the optics at both ends

  explicit ElementIndex(const topology::Fabric& fabric, const std::vector<ElementPower>& elements)
      : byNode(fabric.nodeCount()), byLink(fabric.linkCount()) {
    for (std::size_t i = 0; i < elements.size(); ++i) {
      const ElementPower& e = elements[i];
      if (e.link != topology::kNoLink) {
        byLink[e.link].push_back(i);
      } else {
        byNode[e.node].push_back(i);
      }
    }
  }
};

}  // namespace

EnergyReport makeEnergyReport(const scenario::Scenario& scenario, const topology::Routing& routing,
                              const traffic::WorkloadPlan& workload, const core::RunResult& run,
                              const std::vector<CollectiveResult>& collectives) {
  const topology::Fabric& fabric = scenario.fabric;
  EnergyReport r;
  r.elements = elementPowers(fabric);
  r.byKind = computePower(fabric);
  r.total = r.byKind.total();
  r.time = run.end;
  r.energy = r.total.over(run.end);
  r.currency = scenario.currency;

  // Sites: the scenario's, in order; any other site name an element carries
  // (e.g. a long-haul route's amplifier huts) is listed after them, unpriced.
  std::map<std::string, std::size_t> siteIndex;
  for (const scenario::Site& s : scenario.sites) {
    siteIndex.emplace(s.name, r.sites.size());
    SiteEnergy e;
    e.site = s.name;
    e.priced = true;
    e.pue = s.pue;
    e.pricePerKwh = s.electricityPrice;
    r.sites.push_back(e);
  }
  std::map<std::string, Power> unpriced;
  for (const ElementPower& e : r.elements) {
    auto it = siteIndex.find(e.site);
    if (it != siteIndex.end()) {
      r.sites[it->second].power += e.power;
    } else {
      unpriced[e.site] += e.power;
    }
  }
  for (const auto& [name, power] : unpriced) {
    SiteEnergy e;
    e.site = name;
    e.power = power;
    r.sites.push_back(e);
  }
  for (SiteEnergy& s : r.sites) {
    s.energy = s.power.over(run.end);
    s.cost = s.priced ? s.energy.kilowattHours() * s.pue * s.pricePerKwh : 0.0;
    r.cost += s.cost;
  }
  for (const scenario::Site& s : scenario.sites) {
    r.ifRunAt.push_back(SiteCostIf{s.name, s.pue, s.electricityPrice,
                                   r.energy.kilowattHours() * s.pue * s.electricityPrice});
  }

  // Per collective: mark the involved elements, sum their power.
  const ElementIndex index(fabric, r.elements);
  std::vector<int> mark(r.elements.size(), -1);
  std::unordered_map<std::uint64_t, TransferPath> routed;
  const auto pathOf = [&](const traffic::Transfer& t,
                          const core::TransferResult& result) -> TransferPath {
    if (t.barrier) return TransferPath{};
    if (endsAtSwitch(fabric, t.src, t.dst)) return linkPath(fabric, t.src, t.dst);
    if (pathsAreRecorded<core::TransferResult>())
      return transferPath(fabric, routing, t.src, t.dst, result);
    const std::uint64_t key = (static_cast<std::uint64_t>(t.src) << 32) | t.dst;
    auto it = routed.find(key);
    if (it == routed.end())
      it = routed.emplace(key, routedPath(fabric, routing, t.src, t.dst)).first;
    return it->second;
  };
  for (std::size_t ci = 0; ci < workload.collectives.size() && ci < collectives.size(); ++ci) {
    const traffic::CollectiveInstance& c = workload.collectives[ci];
    const int stamp = static_cast<int>(ci);
    CollectiveEnergy ce;
    ce.collective = c.index;
    ce.time = collectives[ci].time;
    const auto charge = [&](const std::vector<std::size_t>& ids) {
      for (std::size_t i : ids) {
        if (mark[i] == stamp) continue;
        mark[i] = stamp;
        ce.power += r.elements[i].power;
        ++ce.elements;
      }
    };
    for (topology::NodeId gpu : c.nodes) charge(index.byNode[gpu]);
    for (traffic::TransferId id = c.first; id <= c.last && id != traffic::kNoTransfer; ++id) {
      if (id >= run.transfers.size()) break;
      const TransferPath path = pathOf(workload.plan.transfer(id), run.transfers[id]);
      for (topology::NodeId n : path.nodes) charge(index.byNode[n]);
      for (topology::LinkId l : path.links) {
        charge(index.byLink[l]);
        for (const topology::Span& span : fabric.link(l).spans) {
          if (span.via != topology::kNoNode && isPoweredPassive(fabric.node(span.via).kind)) {
            charge(index.byNode[span.via]);
          }
        }
      }
    }
    ce.energy = ce.power.over(ce.time);
    r.collectives.push_back(ce);
  }
  return r;
}

}  // namespace ofe::analysis
