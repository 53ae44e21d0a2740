#include "analysis/ReachCheck.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "analysis/FabricQueries.h"
#include "analysis/QotReport.h"
#include "models/LinkBudget.h"

namespace ofe::analysis {

using topology::Link;

namespace {

CheckStatus fromBudget(models::BudgetStatus s) {
  switch (s) {
    case models::BudgetStatus::Pass:
      return CheckStatus::Pass;
    case models::BudgetStatus::Warn:
      return CheckStatus::Warn;
    case models::BudgetStatus::Fail:
      return CheckStatus::Fail;
  }
  return CheckStatus::Fail;
}

/// The QoT verdict of an amplified coherent link: FAIL when the channels do
/// not fit the band or the worst channel's GSNR is below what the module
/// needs, WARN within 1 dB of it or when the module gives no requirement.
std::pair<CheckStatus, std::string> judgeQot(const models::QotEstimate& q) {
  if (!q.spectrumProblem.empty()) return {CheckStatus::Fail, q.spectrumProblem};
  if (!q.margin) {
    return {CheckStatus::Warn, fmt::format("GSNR {:.2f} dB, but the module gives no required GSNR or FEC threshold",
                                           q.worst.gsnrSignal.db())};
  }
  const std::string figures = fmt::format("GSNR {:.2f} dB against {:.2f} dB needed (margin {:+.2f} dB)",
                                          q.worst.gsnrSignal.db(), q.requiredGsnr->db(), q.margin->db());
  if (q.margin->db() < 0.0) return {CheckStatus::Fail, figures + fmt::format(", post-FEC BER {:.2e}", q.postFecBer)};
  if (q.margin->db() < 1.0) return {CheckStatus::Warn, figures};
  return {CheckStatus::Pass, figures};
}

}  // namespace

CheckResult checkReach(const topology::Fabric& fabric) {
  CheckResult r;
  r.id = "reach";
  r.title = "Reach and link budget";
  const models::Catalog& catalog = fabric.catalog();
  std::size_t failed = 0;
  std::size_t warned = 0;
  std::size_t unknownAllowance = 0;
  double worstUse = 0.0;
  std::optional<Decibel> minMargin;
  std::string minMarginLink;
  std::size_t qotLinks = 0;
  std::optional<Decibel> minGsnrMargin;
  std::string minGsnrMarginLink;
  for (const Link& link : fabric.links()) {
    if (link.qot) {
      // The GN model replaces reach and power budget: what limits an amplified
      // coherent line is its GSNR, not its length.
      ++qotLinks;
      const auto [s, reason] = judgeQot(*link.qot);
      if (link.qot->margin && (!minGsnrMargin || *link.qot->margin < *minGsnrMargin)) {
        minGsnrMargin = link.qot->margin;
        minGsnrMarginLink = linkLabel(fabric, link.id);
      }
      if (s == CheckStatus::Pass) continue;
      ++(s == CheckStatus::Fail ? failed : warned);
      r.escalate(s);
      r.addOffender(fmt::format("{}: {} {}", linkLabel(fabric, link.id), toString(s), reason));
      continue;
    }
    const models::AmplifierModel* weakest = nullptr;
    Length longest;
    for (const topology::Span& s : link.spans) {
      longest = std::max(longest, s.length);
      if (s.via == topology::kNoNode || !isAmplifier(fabric.node(s.via).kind)) continue;
      const models::AmplifierModel& amp = catalog.amplifier(fabric.node(s.via).model);
      if (weakest == nullptr || amp.gain < weakest->gain ||
          (amp.gain == weakest->gain && amp.maxSpan < weakest->maxSpan)) {
        weakest = &amp;
      }
    }
    const models::LinkBudget budget =
        weakest == nullptr
            ? models::LinkBudget::check(link.module, link.fibre, link.length, link.extraLoss)
            : models::LinkBudget::checkAmplified(link.module, link.fibre, link.length, longest,
                                                 link.extraLoss, *weakest);
    if (link.module.reach.mm() > 0) {
      worstUse = std::max(worstUse, static_cast<double>(link.length.mm()) /
                                        static_cast<double>(link.module.reach.mm()));
    }
    if (budget.allowanceKnown) {
      if (!minMargin || budget.margin < *minMargin) {
        minMargin = budget.margin;
        minMarginLink = linkLabel(fabric, link.id);
      }
    } else if (link.module.medium != models::Medium::Copper &&
               link.module.medium != models::Medium::ScaleUp) {
      ++unknownAllowance;
    }
    const CheckStatus s = fromBudget(budget.status);
    if (s == CheckStatus::Pass) continue;
    if (s == CheckStatus::Fail)
      ++failed;
    else
      ++warned;
    r.escalate(s);
    r.addOffender(fmt::format("{}: {} {}", linkLabel(fabric, link.id), toString(s), budget.reason));
  }
  const std::size_t n = fabric.linkCount();
  r.addMetric("links", static_cast<double>(n), "count");
  r.addMetric("failed_links", static_cast<double>(failed), "count");
  r.addMetric("warned_links", static_cast<double>(warned), "count");
  r.addMetric("unknown_allowance_links", static_cast<double>(unknownAllowance), "count");
  r.addMetric("worst_reach_use", worstUse, "ratio");
  if (minMargin) r.addMetric("min_margin", minMargin->db(), "dB");
  r.addMetric("qot_links", static_cast<double>(qotLinks), "count");
  const std::vector<OpticalRoute> routes = opticalRoutes(fabric);
  DataRate capacity;
  for (const OpticalRoute& route : routes) capacity = capacity + route.capacity;
  if (!routes.empty()) r.addMetric("wdm_capacity", static_cast<double>(capacity.bps()), "bps");
  if (minGsnrMargin) r.addMetric("min_gsnr_margin", minGsnrMargin->db(), "dB");
  if (n == 0) {
    r.summary = "no links";
    return r;
  }
  r.summary = failed + warned == 0 ? fmt::format("{} links within reach and budget", n)
                                   : fmt::format("{} of {} links fail, {} warn", failed, n, warned);
  r.summary += fmt::format("; fullest reach {:.0f}%", worstUse * 100.0);
  if (minMargin) r.summary += fmt::format("; least margin {} ({})", *minMargin, minMarginLink);
  if (minGsnrMargin) r.summary += fmt::format("; least GSNR margin {:.2f} dB ({})", minGsnrMargin->db(), minGsnrMarginLink);
  if (!routes.empty()) {
    r.summary += fmt::format("; WDM capacity {} over {} amplified route(s)", capacity, routes.size());
  }
  return r;
}

}  // namespace ofe::analysis
