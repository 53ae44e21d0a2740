#include "topology/SubmarineCableBuilder.h"

#include "topology/BuilderSupport.h"

namespace ofe::topology {

using detail::require;

BuiltPart buildSubmarineCable(Fabric& fabric, const SubmarineCableParams& params) {
  require(!params.name.empty(),
          "submarine cable name must not be empty: it names the cable's sites");
  detail::requirePacketNode(fabric, params.from, "submarine cable from");
  detail::requirePacketNode(fabric, params.to, "submarine cable to");
  require(params.from != params.to, "submarine cable from and to must differ, both are '{}'",
          fabric.node(params.from).name);
  require(params.wetLength > Length(), "submarine cable wetLength must be > 0, got {}",
          params.wetLength);
  require(params.repeaterSpacing > Length(), "submarine cable repeaterSpacing must be > 0, got {}",
          params.repeaterSpacing);
  require(params.backhaulA >= Length() && params.backhaulB >= Length(),
          "submarine cable backhaulA/backhaulB must be >= 0, got {} and {}", params.backhaulA,
          params.backhaulB);
  require(params.fibrePairs >= 1, "submarine cable fibrePairs must be >= 1, got {}",
          params.fibrePairs);
  require(params.wavelengthsPerPair >= 1, "submarine cable wavelengthsPerPair must be >= 1, got {}",
          params.wavelengthsPerPair);
  detail::requireModule(fabric, "submarine cable module", params.module);
  detail::requireFibre(fabric, "submarine cable fibre", params.fibre);
  detail::requireAmplifier(fabric, "submarine cable repeaterModel", params.repeaterModel);
  const std::int64_t endPorts = std::int64_t{params.wavelengthsPerPair} * params.fibrePairs;
  detail::requireFreePorts(fabric, params.from, endPorts, "submarine cable " + params.name);
  detail::requireFreePorts(fabric, params.to, endPorts, "submarine cable " + params.name);

  const std::vector<Length> wet = detail::splitEvenly(
      params.wetLength, detail::spanCount(params.wetLength, params.repeaterSpacing));

  BuiltPart part;
  part.site = params.name;
  auto landing = [&](const char* side) {
    return detail::addNode(fabric, part,
                           detail::makeNode(fmt::format("{}/landing{}", params.name, side),
                                            NodeKind::LandingStation, "", params.name));
  };
  const NodeId landingA = landing("A");
  // The backhaul to landing A is a span like any other; a zero length models
  // a border switch inside the landing station.
  std::vector<Span> spans{Span{params.backhaulA, landingA}};
  std::vector<NodeId> repeaters;
  for (std::size_t r = 0; r + 1 < wet.size(); ++r) {
    repeaters.push_back(
        detail::addNode(fabric, part,
                        detail::makeNode(fmt::format("{}/repeater{}", params.name, r),
                                         NodeKind::Repeater, params.repeaterModel, params.name)));
  }
  const NodeId landingB = landing("B");
  for (std::size_t s = 0; s < wet.size(); ++s)
    spans.push_back(Span{wet[s], s < repeaters.size() ? repeaters[s] : landingB});
  spans.push_back(Span{params.backhaulB, kNoNode});

  LinkSpec spec;
  spec.module = params.module;
  spec.fibre = params.fibre;
  spec.spans = spans;
  spec.channels = params.wavelengthsPerPair;
  spec.line = params.line;
  spec.lineAmplifier = params.repeaterModel;
  for (int i = 0; i < params.fibrePairs; ++i)
    detail::addLink(fabric, part, params.from, params.to, spec);
  return part;
}

}  // namespace ofe::topology
