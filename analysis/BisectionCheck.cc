#include "analysis/BisectionCheck.h"

#include <fmt/format.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>

#include <algorithm>
#include <cstdint>
#include <map>

#include "analysis/FabricQueries.h"

namespace ofe::analysis {

using topology::Fabric;
using topology::Link;
using topology::LinkId;
using topology::NodeId;
using topology::NodeKind;

namespace {

using FlowTraits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<
        boost::edge_capacity_t, std::int64_t,
        boost::property<boost::edge_residual_capacity_t, std::int64_t,
                        boost::property<boost::edge_reverse_t, FlowTraits::edge_descriptor>>>>;

// Adds u->v with capacity c and its zero-capacity residual twin, as push_relabel requires.
void addArc(FlowGraph& g, std::size_t u, std::size_t v, std::int64_t c) {
  auto capacity = boost::get(boost::edge_capacity, g);
  auto reverse = boost::get(boost::edge_reverse, g);
  const auto e = boost::add_edge(u, v, g).first;
  const auto r = boost::add_edge(v, u, g).first;
  capacity[e] = c;
  capacity[r] = 0;
  reverse[e] = r;
  reverse[r] = e;
}

constexpr double kTolerance = 1e-9;

}  // namespace

DataRate injectionRate(const Fabric& fabric, NodeId gpu) {
  std::int64_t links = 0;
  for (LinkId l : fabric.linksOf(gpu)) {
    const Link& link = fabric.link(l);
    if (link.up && !isScaleUpLink(fabric, link)) links += link.rate.bps();
  }
  const models::GpuModel& model = fabric.catalog().gpu(fabric.node(gpu).model);
  if (model.nicRate.bps() > 0) links = std::min(links, model.nicRate.bps() * model.nics);
  return DataRate::bitsPerSecond(links);
}

DataRate maxFlowBetween(const Fabric& fabric, const std::vector<NodeId>& from,
                        const std::vector<NodeId>& to, const std::optional<std::string>& site) {
  enum class Role { Switch, Source, Sink, Bystander };
  const std::size_t n = fabric.nodeCount();
  std::vector<Role> role(n, Role::Switch);
  for (const topology::Node& node : fabric.nodes()) {
    if (node.kind == NodeKind::Gpu) role[node.id] = Role::Bystander;
  }
  for (NodeId g : from) role.at(g) = Role::Source;
  for (NodeId g : to) role.at(g) = Role::Sink;

  FlowGraph g(n + 2);
  const std::size_t source = n;
  const std::size_t sink = n + 1;
  for (const Link& link : fabric.links()) {
    if (!link.up || isScaleUpLink(fabric, link)) continue;
    if (site && (fabric.node(link.a).site != *site || fabric.node(link.b).site != *site)) continue;
    for (const auto& [u, v] : {std::pair{link.a, link.b}, std::pair{link.b, link.a}}) {
      const bool uSends = role[u] == Role::Switch || role[u] == Role::Source;
      const bool vTakes = role[v] == Role::Switch || role[v] == Role::Sink;
      if (uSends && vTakes) addArc(g, u, v, link.rate.bps());
    }
  }
  for (NodeId a : from) addArc(g, source, a, injectionRate(fabric, a).bps());
  for (NodeId b : to) addArc(g, b, sink, injectionRate(fabric, b).bps());
  const std::int64_t flow = boost::push_relabel_max_flow(g, source, sink);
  return DataRate::bitsPerSecond(flow);
}

std::vector<BisectionCut> computeBisections(const Fabric& fabric) {
  // site -> pod -> GPUs ascending (nodesOfKind is ascending).
  std::map<std::string, std::map<int, std::vector<NodeId>>> bySite;
  std::map<std::string, std::vector<NodeId>> siteGpus;
  for (NodeId gpu : fabric.nodesOfKind(NodeKind::Gpu)) {
    const topology::Node& node = fabric.node(gpu);
    bySite[node.site][node.pod].push_back(gpu);
    siteGpus[node.site].push_back(gpu);
  }
  std::vector<BisectionCut> cuts;
  auto cut = [&](const std::string& site, int pod, const std::vector<NodeId>& gpus) {
    if (gpus.size() < 2) return;
    const std::size_t half = gpus.size() / 2;
    const std::vector<NodeId> a(gpus.begin(), gpus.begin() + static_cast<std::ptrdiff_t>(half));
    const std::vector<NodeId> b(gpus.begin() + static_cast<std::ptrdiff_t>(half), gpus.end());
    std::int64_t injA = 0;
    std::int64_t injB = 0;
    for (NodeId x : a) injA += injectionRate(fabric, x).bps();
    for (NodeId x : b) injB += injectionRate(fabric, x).bps();
    BisectionCut c;
    c.site = site;
    c.pod = pod;
    const std::string siteName = site.empty() ? "(no site)" : site;
    c.scope = pod < 0 ? siteName : fmt::format("{}/pod{}", siteName, pod);
    c.gpus = gpus.size();
    c.ideal = DataRate::bitsPerSecond(std::min(injA, injB));
    if (c.ideal.bps() == 0) return;
    c.maxFlow = maxFlowBetween(fabric, a, b, site);
    c.ratio = static_cast<double>(c.maxFlow.bps()) / static_cast<double>(c.ideal.bps());
    cuts.push_back(std::move(c));
  };
  for (const auto& [site, pods] : bySite) {
    cut(site, -1, siteGpus[site]);
    if (pods.size() < 2) continue;
    for (const auto& [pod, gpus] : pods) {
      // GPUs without a pod are part of the site cut only.
      if (pod >= 0) cut(site, pod, gpus);
    }
  }
  return cuts;
}

CheckResult checkBisection(const Fabric& fabric, std::optional<double> minRatio) {
  CheckResult r;
  r.id = "bisection";
  r.title = "Bisection bandwidth";
  const std::vector<BisectionCut> cuts = computeBisections(fabric);
  r.addMetric("cuts", static_cast<double>(cuts.size()), "count");
  if (cuts.empty()) {
    r.summary = "no scope with 2 or more connected GPUs to bisect";
    return r;
  }
  const BisectionCut* worst = &cuts.front();
  for (const BisectionCut& c : cuts) {
    if (c.ratio < worst->ratio) worst = &c;
  }
  const bool full = worst->maxFlow >= worst->ideal;
  if (minRatio && worst->ratio < *minRatio - kTolerance) {
    r.status = CheckStatus::Fail;
  } else if (!full) {
    r.status = CheckStatus::Warn;
  }
  r.addMetric("min_ratio", worst->ratio, "ratio");
  r.addMetric("worst_max_flow", static_cast<double>(worst->maxFlow.bps()), "bps");
  r.addMetric("worst_ideal", static_cast<double>(worst->ideal.bps()), "bps");
  for (const BisectionCut& c : cuts) {
    if (c.pod < 0) r.addMetric(fmt::format("ratio:{}", c.scope), c.ratio, "ratio");
  }
  for (const BisectionCut& c : cuts) {
    const bool offends =
        r.status == CheckStatus::Fail ? c.ratio < *minRatio - kTolerance : c.maxFlow < c.ideal;
    if (!offends) continue;
    r.addOffender(fmt::format("{}: {} of {} ideal over {} GPUs (ratio {:.2f})", c.scope, c.maxFlow,
                              c.ideal, c.gpus, c.ratio));
  }
  if (full) {
    const BisectionCut* largest = &cuts.front();
    for (const BisectionCut& c : cuts) {
      if (c.gpus > largest->gpus) largest = &c;
    }
    r.summary = fmt::format("full bisection in all {} cuts; largest, {} ({} GPUs), carries {}",
                            cuts.size(), largest->scope, largest->gpus, largest->maxFlow);
  } else {
    r.summary = fmt::format("worst of {} cuts {}: {} of {} ideal (ratio {:.2f})", cuts.size(),
                            worst->scope, worst->maxFlow, worst->ideal, worst->ratio);
  }
  if (minRatio) r.summary += fmt::format("; target >= {:.2f}", *minRatio);
  return r;
}

}  // namespace ofe::analysis
