#include "topology/AmplifiedLine.h"

#include <algorithm>

#include "topology/Fabric.h"

namespace ofe::topology {

std::optional<models::OpticalLine> amplifiedLineOf(const Fabric& fabric, const Link& link, const LinkSpec& spec) {
  if (!spec.line || !link.module.coherent || !(link.module.symbolRate.baudValue() > 0.0)) return std::nullopt;
  const models::Catalog& catalog = fabric.catalog();
  const models::AmplifierModel lineAmplifier = catalog.amplifier(spec.lineAmplifier);
  models::OpticalLine line;
  line.fibre = link.fibre;
  line.module = link.module;
  line.settings = *spec.line;
  line.booster = lineAmplifier;
  line.channels = link.channels;
  for (std::size_t i = 0; i < link.spans.size(); ++i) {
    const Span& span = link.spans[i];
    models::LineSpan out{span.length, Decibel(), false, lineAmplifier};
    if (span.via != kNoNode) {
      const Node& via = fabric.node(span.via);
      if (via.kind == NodeKind::Amplifier || via.kind == NodeKind::Repeater) {
        out.amplified = true;
        out.amplifier = catalog.amplifier(via.model);
      } else if (via.kind == NodeKind::Roadm || via.kind == NodeKind::LandingStation) {
        out.amplified = true;
      }
    } else {
      out.amplified = line.settings.preamplifier;
      out.extraLoss = link.extraLoss;
    }
    if (span.length > Length()) {
      line.spans.push_back(out);
    } else if (!line.spans.empty()) {
      // A zero-length span adds nothing but its node's amplifier and the extra loss.
      line.spans.back().amplified = line.spans.back().amplified || out.amplified;
      line.spans.back().extraLoss = line.spans.back().extraLoss + out.extraLoss;
    }
  }
  const bool amplified = line.settings.booster || std::any_of(line.spans.begin(), line.spans.end(),
                                                               [](const models::LineSpan& s) { return s.amplified; });
  if (!amplified) return std::nullopt;  // one unamplified span: a power budget (models/LinkBudget.h)
  return line;
}

}  // namespace ofe::topology
