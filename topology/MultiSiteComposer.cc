#include "topology/MultiSiteComposer.h"

#include "topology/BuilderSupport.h"

namespace ofe::topology {

using detail::require;

namespace {

void append(BuiltPart& into, const BuiltPart& from) {
  into.gpus.insert(into.gpus.end(), from.gpus.begin(), from.gpus.end());
  into.switches.insert(into.switches.end(), from.switches.begin(), from.switches.end());
  into.top.insert(into.top.end(), from.top.begin(), from.top.end());
  into.passive.insert(into.passive.end(), from.passive.begin(), from.passive.end());
  into.links.insert(into.links.end(), from.links.begin(), from.links.end());
  into.scaleUpSwitches.insert(into.scaleUpSwitches.end(), from.scaleUpSwitches.begin(),
                              from.scaleUpSwitches.end());
}

void requireBorderPairs(const Fabric& fabric, const std::vector<NodeId>& bordersA,
                        const std::vector<NodeId>& bordersB, const std::string& what) {
  require(!bordersA.empty() && bordersA.size() == bordersB.size(),
          "{} needs the same non-zero number of border switches on both sides, got {} and {}", what,
          bordersA.size(), bordersB.size());
  for (std::size_t i = 0; i < bordersA.size(); ++i) {
    detail::requirePacketNode(fabric, bordersA[i], fmt::format("{} bordersA[{}]", what, i));
    detail::requirePacketNode(fabric, bordersB[i], fmt::format("{} bordersB[{}]", what, i));
  }
}

}  // namespace

std::vector<NodeId> addBorderSwitches(Fabric& fabric, const BuiltPart& part,
                                      const BorderParams& params) {
  require(params.borderSwitches >= 1, "border borderSwitches must be >= 1, got {}",
          params.borderSwitches);
  require(params.linksPerTopSwitch >= 1, "border linksPerTopSwitch must be >= 1, got {}",
          params.linksPerTopSwitch);
  require(!part.top.empty(), "border switches for site '{}' need a part with top-tier switches",
          part.site);
  require(!part.site.empty(), "border switches need the part's site to name them");
  const models::SwitchModel& sw =
      detail::requireSwitchModel(fabric, "border switchModel", params.switchModel);
  const std::int64_t downlinks =
      static_cast<std::int64_t>(part.top.size()) * params.linksPerTopSwitch;
  detail::requireRadix(sw, downlinks, "border switch (top switches x linksPerTopSwitch)");
  detail::requireModule(fabric, "border module", params.module);
  detail::requireFibre(fabric, "border fibre", params.fibre);
  for (NodeId top : part.top) {
    detail::requirePacketNode(fabric, top, "border part.top[]");
    detail::requireFreePorts(fabric, top,
                             std::int64_t{params.borderSwitches} * params.linksPerTopSwitch,
                             "border switches of site " + part.site);
  }

  const LinkSpec spec = detail::simpleLink(params.module, params.fibre, params.length);
  BuiltPart scratch;
  std::vector<NodeId> borders;
  // Continue the numbering when a site already has border switches (e.g. one
  // set per plane), so repeated calls stay deterministic and unique.
  int index = 0;
  for (int b = 0; b < params.borderSwitches; ++b) {
    while (fabric.findNode(fmt::format("{}/border{}", part.site, index))) ++index;
    Node border = detail::makeNode(fmt::format("{}/border{}", part.site, index),
                                   NodeKind::PacketSwitch, params.switchModel, part.site);
    border.tier = 3;
    const NodeId borderId = detail::addNode(fabric, scratch, std::move(border));
    borders.push_back(borderId);
    for (NodeId top : part.top) {
      for (int i = 0; i < params.linksPerTopSwitch; ++i)
        detail::addLink(fabric, scratch, borderId, top, spec);
    }
  }
  return borders;
}

BuiltPart connectSitesOverland(Fabric& fabric, const std::vector<NodeId>& bordersA,
                               const std::vector<NodeId>& bordersB, LongHaulParams route) {
  require(!route.name.empty(), "overland route name must not be empty: it names the route's sites");
  requireBorderPairs(fabric, bordersA, bordersB, "overland route " + route.name);
  const std::string base = route.name;
  BuiltPart part;
  part.site = base;
  for (std::size_t i = 0; i < bordersA.size(); ++i) {
    route.from = bordersA[i];
    route.to = bordersB[i];
    route.name = fmt::format("{}-{}", base, i);
    append(part, buildLongHaul(fabric, route));
  }
  return part;
}

BuiltPart connectSitesSubsea(Fabric& fabric, const std::vector<NodeId>& bordersA,
                             const std::vector<NodeId>& bordersB, SubmarineCableParams cable) {
  require(!cable.name.empty(),
          "submarine cable name must not be empty: it names the cable's sites");
  requireBorderPairs(fabric, bordersA, bordersB, "submarine cable " + cable.name);
  const std::string base = cable.name;
  BuiltPart part;
  part.site = base;
  for (std::size_t i = 0; i < bordersA.size(); ++i) {
    cable.from = bordersA[i];
    cable.to = bordersB[i];
    cable.name = fmt::format("{}-{}", base, i);
    append(part, buildSubmarineCable(fabric, cable));
  }
  return part;
}

}  // namespace ofe::topology
