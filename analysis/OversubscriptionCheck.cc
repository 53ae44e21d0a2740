#include "analysis/OversubscriptionCheck.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>

#include "analysis/FabricQueries.h"

namespace ofe::analysis {

using topology::Link;
using topology::LinkId;
using topology::Node;
using topology::NodeKind;

namespace {
// Ratios are quotients of integer rates; a tolerance keeps exactly 2:1 from reading as above 2:1.
constexpr double kTolerance = 1e-9;
}  // namespace

std::vector<TierOversubscription> oversubscriptionByTier(const topology::Fabric& fabric) {
  std::vector<bool> border(fabric.nodeCount(), false);
  for (const Link& link : fabric.links()) {
    if (fabric.node(link.a).site == fabric.node(link.b).site) continue;
    for (topology::NodeId end : {link.a, link.b}) {
      if (fabric.node(end).kind == NodeKind::PacketSwitch) border[end] = true;
    }
  }
  // Key: tier, with the border row after every tier.
  std::map<int, TierOversubscription> tiers;
  constexpr int kBorderKey = std::numeric_limits<int>::max();
  for (const Node& node : fabric.nodes()) {
    if (node.kind != NodeKind::PacketSwitch || node.tier < 0) continue;
    SwitchOversubscription s;
    s.node = node.id;
    for (LinkId l : fabric.linksOf(node.id)) {
      const Link& link = fabric.link(l);
      if (!link.up) continue;
      const Node& other = fabric.node(link.other(node.id));
      if (border[node.id]) {
        if (other.site != node.site) {
          s.up = s.up + link.rate;
        } else if (other.kind != NodeKind::ScaleUpSwitch) {
          s.down = s.down + link.rate;
        }
      } else if (other.kind == NodeKind::Gpu) {
        s.down = s.down + link.rate;
      } else if (other.kind == NodeKind::PacketSwitch && other.tier >= 0) {
        if (other.tier < node.tier) s.down = s.down + link.rate;
        if (other.tier > node.tier && !border[other.id]) s.up = s.up + link.rate;
      }
    }
    if (s.up.bps() == 0) continue;
    s.ratio = static_cast<double>(s.down.bps()) / static_cast<double>(s.up.bps());
    const int key = border[node.id] ? kBorderKey : node.tier;
    TierOversubscription& t = tiers[key];
    t.border = border[node.id];
    t.tier = t.border ? -1 : node.tier;
    t.label = t.border ? "border" : fmt::format("tier {}", node.tier);
    t.switches.push_back(s);
  }
  std::vector<TierOversubscription> out;
  for (auto& [tier, t] : tiers) {
    std::vector<double> ratios;
    for (const SwitchOversubscription& s : t.switches) ratios.push_back(s.ratio);
    std::sort(ratios.begin(), ratios.end());
    t.max = ratios.back();
    const std::size_t n = ratios.size();
    t.median = n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2.0;
    out.push_back(std::move(t));
  }
  return out;
}

CheckResult checkOversubscription(const topology::Fabric& fabric, std::optional<double> maxRatio) {
  CheckResult r;
  r.id = "oversubscription";
  r.title = "Oversubscription per tier";
  const std::vector<TierOversubscription> tiers = oversubscriptionByTier(fabric);
  double worst = 0.0;
  for (const TierOversubscription& t : tiers) worst = std::max(worst, t.max);
  if (maxRatio && worst > *maxRatio + kTolerance) {
    r.status = CheckStatus::Fail;
  } else if (worst > 1.0 + kTolerance) {
    r.status = CheckStatus::Warn;
  }
  const double limit = r.status == CheckStatus::Fail ? *maxRatio : 1.0;
  std::string text;
  for (const TierOversubscription& t : tiers) {
    const std::string key = t.border ? "border" : fmt::format("tier{}", t.tier);
    r.addMetric(key + "_max", t.max, "ratio");
    r.addMetric(key + "_median", t.median, "ratio");
    if (!text.empty()) text += "; ";
    text += fmt::format("{}: max {}, median {} ({} switches)", t.label, ratioText(t.max),
                        ratioText(t.median), t.switches.size());
    if (r.status == CheckStatus::Pass) continue;
    for (const SwitchOversubscription& s : t.switches) {
      if (s.ratio <= limit + kTolerance) continue;
      r.addOffender(fmt::format("{}: {} ({} down / {} up) > {}", fabric.node(s.node).name,
                                ratioText(s.ratio), s.down, s.up, ratioText(limit)));
    }
  }
  r.summary = tiers.empty() ? "no tiered switches with uplinks" : text;
  if (maxRatio) r.summary += fmt::format("; target <= {}", ratioText(*maxRatio));
  return r;
}

}  // namespace ofe::analysis
