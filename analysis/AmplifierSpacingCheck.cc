#include "analysis/AmplifierSpacingCheck.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "analysis/FabricQueries.h"

namespace ofe::analysis {

using topology::Link;
using topology::NodeId;

CheckResult checkAmplifierSpacing(const topology::Fabric& fabric) {
  CheckResult r;
  r.id = "amplifier-spacing";
  r.title = "Amplifier spacing";
  std::size_t amplifiedLinks = 0;
  std::size_t spans = 0;
  std::size_t tooLong = 0;
  Length longest;
  double worstUse = 0.0;
  const models::Catalog& catalog = fabric.catalog();
  for (const Link& link : fabric.links()) {
    const bool amplified =
        std::any_of(link.spans.begin(), link.spans.end(), [&](const topology::Span& s) {
          return s.via != topology::kNoNode && isAmplifier(fabric.node(s.via).kind);
        });
    if (!amplified) continue;
    ++amplifiedLinks;
    for (std::size_t i = 0; i < link.spans.size(); ++i) {
      const topology::Span& span = link.spans[i];
      ++spans;
      longest = std::max(longest, span.length);
      const NodeId left = i == 0 ? link.a : link.spans[i - 1].via;
      const NodeId right = span.via == topology::kNoNode ? link.b : span.via;
      std::optional<Length> limit;
      std::string limitBy;
      for (NodeId end : {left, right}) {
        const topology::Node& node = fabric.node(end);
        if (!isAmplifier(node.kind)) continue;
        const models::AmplifierModel& amp = catalog.amplifier(node.model);
        if (!limit || amp.maxSpan < *limit) {
          limit = amp.maxSpan;
          limitBy = amp.name;
        }
      }
      if (!limit || limit->mm() <= 0) continue;
      worstUse = std::max(worstUse,
                          static_cast<double>(span.length.mm()) / static_cast<double>(limit->mm()));
      if (span.length <= *limit) continue;
      ++tooLong;
      r.addOffender(fmt::format("{} span {} ({} - {}): {} > {} max span of {}",
                                linkLabel(fabric, link.id), i, fabric.node(left).name,
                                fabric.node(right).name, span.length, *limit, limitBy));
    }
  }
  r.addMetric("amplified_links", static_cast<double>(amplifiedLinks), "count");
  r.addMetric("spans", static_cast<double>(spans), "count");
  r.addMetric("longest_span", longest.metresValue(), "m");
  r.addMetric("worst_span_use", worstUse, "ratio");
  if (amplifiedLinks == 0) {
    r.summary = "no amplified links";
  } else if (tooLong == 0) {
    r.summary = fmt::format(
        "{} spans on {} amplified links within amplifier max span; longest {}, fullest at {:.0f}% "
        "of its limit",
        spans, amplifiedLinks, longest, worstUse * 100.0);
  } else {
    r.status = CheckStatus::Fail;
    r.summary = fmt::format(
        "{} of {} spans on {} amplified links longer than their amplifier allows (worst {:.0f}%)",
        tooLong, spans, amplifiedLinks, worstUse * 100.0);
  }
  return r;
}

}  // namespace ofe::analysis
