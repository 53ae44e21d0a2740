#include "analysis/LinkTiers.h"

#include <map>
#include <set>
#include <utility>

namespace ofe::analysis {

namespace {

using topology::NodeKind;

/// Display rank of a group without its site.
int roleRank(const topology::Node& n) {
  switch (n.kind) {
    case NodeKind::Gpu:
      return 0;
    case NodeKind::ScaleUpSwitch:
      return 1;
    case NodeKind::PacketSwitch:
      return n.tier >= 0 && n.tier <= 3 ? 2 + n.tier : 6;
    default:
      return 7;
  }
}

const char* roleName(const topology::Node& n) {
  switch (roleRank(n)) {
    case 0:
      return "gpu";
    case 1:
      return "scale-up";
    case 2:
      return "leaf";
    case 3:
      return "spine";
    case 4:
      return "core";
    case 5:
      return "border";
    case 6:
      return "switch";
    default:
      return topology::toString(n.kind);
  }
}

bool multiSite(const topology::Fabric& fabric) {
  std::set<std::string> sites;
  for (const topology::Node& n : fabric.nodes()) {
    if (topology::isPacketNode(n.kind)) sites.insert(n.site);
  }
  return sites.size() > 1;
}

}  // namespace

std::string endGroup(const topology::Fabric& fabric, topology::NodeId node, bool withSite) {
  const topology::Node& n = fabric.node(node);
  return withSite ? n.site + ":" + roleName(n) : std::string(roleName(n));
}

std::string LinkTiers::tierName(topology::LinkId id) const {
  return id < tierOfLink.size() && tierOfLink[id] < tiers.size() ? tiers[tierOfLink[id]].name()
                                                                 : std::string();
}

const LinkTier* LinkTiers::find(const std::string& a, const std::string& b) const {
  for (const LinkTier& t : tiers) {
    if ((t.a == a && t.b == b) || (t.a == b && t.b == a)) return &t;
  }
  return nullptr;
}

LinkTiers linkTiers(const topology::Fabric& fabric, const std::vector<LinkUsage>& usage) {
  const bool withSite = multiSite(fabric);
  // Groups are ordered by (site, role); the site order is first appearance in the fabric.
  std::map<std::string, int> siteOrder;
  for (const topology::Node& n : fabric.nodes())
    siteOrder.emplace(n.site, static_cast<int>(siteOrder.size()));
  using Key = std::pair<int, int>;  // (site order, role rank)
  std::map<Key, std::string> groupOf;
  const auto keyOf = [&](topology::NodeId id) {
    const topology::Node& n = fabric.node(id);
    const Key k{withSite ? siteOrder.at(n.site) : 0, roleRank(n)};
    groupOf.emplace(k, endGroup(fabric, id, withSite));
    return k;
  };
  std::map<std::pair<Key, Key>, LinkTier> tiers;
  std::map<std::pair<Key, Key>, double> utilSum;
  std::map<std::pair<Key, Key>, double> queueSum;
  std::vector<std::pair<Key, Key>> keyOfLink(fabric.linkCount());
  for (const LinkUsage& u : usage) {
    if (u.link >= fabric.linkCount()) continue;
    const topology::Link& l = fabric.link(u.link);
    Key ka = keyOf(l.a);
    Key kb = keyOf(l.b);
    if (kb < ka) std::swap(ka, kb);
    keyOfLink[u.link] = {ka, kb};
    LinkTier& t = tiers[{ka, kb}];
    t.a = groupOf.at(ka);
    t.b = groupOf.at(kb);
    t.links += 1;
    t.bytes += u.bytes;
    utilSum[{ka, kb}] += u.utilization;
    queueSum[{ka, kb}] += u.meanQueueBytes;
    if (t.busiest == topology::kNoLink || u.utilization > t.maxUtilization) {
      t.maxUtilization = u.utilization;
      t.busiest = u.link;
    }
    t.maxQueue = std::max(t.maxQueue, u.maxQueue);
    t.drops += u.drops;
    t.lost += u.lost;
    t.ecnMarks += u.ecnMarks;
    t.pfcPaused += u.pfcPaused;
  }
  LinkTiers out;
  for (const auto& [key, name] : groupOf) out.groups.push_back(name);
  std::map<std::pair<Key, Key>, std::size_t> position;
  for (auto& [key, t] : tiers) {
    position.emplace(key, out.tiers.size());
    t.meanUtilization = utilSum[key] / static_cast<double>(t.links);
    t.meanQueueBytes = queueSum[key] / static_cast<double>(t.links);
    out.tiers.push_back(t);
  }
  out.tierOfLink.assign(fabric.linkCount(), 0);
  for (const LinkUsage& u : usage) {
    if (u.link < fabric.linkCount()) out.tierOfLink[u.link] = position.at(keyOfLink[u.link]);
  }
  return out;
}

}  // namespace ofe::analysis
