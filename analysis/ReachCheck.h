#pragma once
/// @file ReachCheck.h
/// @brief Check: every link's fibre run is within its module's reach and optical budget.

#include "analysis/CheckResult.h"
#include "topology/Fabric.h"

namespace ofe::analysis {

/// Reach and link budget of every link, up or down (a failed link is still
/// installed hardware):
///
/// - Amplified coherent links the QoT model estimated (Link::qot): the GSNR
///   margin of the worst channel; FAIL below 0 dB or when the channels do not
///   fit the band, WARN below 1 dB (docs/optics.md). Reach is not used.
///
/// and otherwise by models::LinkBudget:
///
/// - Unamplified links: LinkBudget::check over the whole length with the
///   link's extra loss (connectors, splices, OCS insertion loss).
/// - Links through at least one amplifier or repeater: LinkBudget::checkAmplified
///   with the longest span and the weakest amplifier passed (lowest gain, then
///   shortest maxSpan), so the budget holds for every span.
///
/// The link's status is the budget's: FAIL beyond the module's reach, on a
/// negative margin or a span beyond the amplifier's maxSpan (also reported,
/// span by span, by checkAmplifierSpacing); WARN on a margin below 1 dB or an
/// unknown allowance on a long optical link. Offenders: "link: reason".
/// Metrics: links, failed_links, warned_links, unknown_allowance_links,
/// worst_reach_use (length / reach), min_margin (dB, over links with a known allowance),
/// qot_links, min_gsnr_margin (dB), wdm_capacity (bps: slots x module rate
/// summed over the fibre pairs of every amplified route, analysis/QotReport.h).
CheckResult checkReach(const topology::Fabric& fabric);

}  // namespace ofe::analysis
