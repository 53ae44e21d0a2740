#include "topology/LongHaulBuilder.h"

#include "topology/BuilderSupport.h"

namespace ofe::topology {

using detail::require;

BuiltPart buildLongHaul(Fabric& fabric, const LongHaulParams& params) {
  require(!params.name.empty(), "long-haul name must not be empty: it names the route's sites");
  detail::requirePacketNode(fabric, params.from, "long-haul from");
  detail::requirePacketNode(fabric, params.to, "long-haul to");
  require(params.from != params.to, "long-haul from and to must differ, both are '{}'",
          fabric.node(params.from).name);
  require(params.distance > Length(), "long-haul distance must be > 0, got {}", params.distance);
  require(params.amplifierSpacing > Length(), "long-haul amplifierSpacing must be > 0, got {}",
          params.amplifierSpacing);
  require(params.roadmEvery >= 0, "long-haul roadmEvery must be >= 0, got {}", params.roadmEvery);
  require(params.channels >= 1, "long-haul channels must be >= 1, got {}", params.channels);
  require(params.parallelLinks >= 1, "long-haul parallelLinks must be >= 1, got {}",
          params.parallelLinks);
  detail::requireModule(fabric, "long-haul module", params.module);
  detail::requireFibre(fabric, "long-haul fibre", params.fibre);
  detail::requireAmplifier(fabric, "long-haul amplifierModel", params.amplifierModel);
  // Every wavelength of every parallel link ends in its own module at each end.
  const std::int64_t endPorts = std::int64_t{params.channels} * params.parallelLinks;
  detail::requireFreePorts(fabric, params.from, endPorts, "long-haul " + params.name);
  detail::requireFreePorts(fabric, params.to, endPorts, "long-haul " + params.name);

  const std::vector<Length> lengths = detail::splitEvenly(
      params.distance, detail::spanCount(params.distance, params.amplifierSpacing));

  BuiltPart part;
  part.site = params.name;
  std::vector<Span> spans;
  for (std::size_t s = 0; s < lengths.size(); ++s) {
    const bool last = s + 1 == lengths.size();
    NodeId via = kNoNode;
    if (!last) {
      const bool roadm =
          params.roadmEvery > 0 && (s + 1) % static_cast<std::size_t>(params.roadmEvery) == 0;
      via = detail::addNode(
          fabric, part,
          roadm ? detail::makeNode(fmt::format("{}/roadm{}", params.name, s), NodeKind::Roadm, "",
                                   params.name)
                : detail::makeNode(fmt::format("{}/amp{}", params.name, s), NodeKind::Amplifier,
                                   params.amplifierModel, params.name));
    }
    spans.push_back(Span{lengths[s], via});
  }
  LinkSpec spec;
  spec.module = params.module;
  spec.fibre = params.fibre;
  spec.spans = spans;
  spec.channels = params.channels;
  spec.line = params.line;
  spec.lineAmplifier = params.amplifierModel;
  for (int i = 0; i < params.parallelLinks; ++i)
    detail::addLink(fabric, part, params.from, params.to, spec);
  return part;
}

}  // namespace ofe::topology
