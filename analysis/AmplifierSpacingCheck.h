#pragma once
/// @file AmplifierSpacingCheck.h
/// @brief Check: every span of an amplified or submarine link fits its amplifiers' maxSpan.

#include "analysis/CheckResult.h"
#include "topology/Fabric.h"

namespace ofe::analysis {

/// Span lengths of every link that passes at least one amplifier or repeater.
///
/// A span is bounded by the amplifier at each of its ends (the link is
/// full-duplex, so each end's amplifier follows the span in one direction):
/// its length must be <= the smallest AmplifierModel::maxSpan of those ends,
/// else FAIL. Spans between non-amplifying sites (ROADM, landing station, OCS)
/// or terminals only are left to checkReach. PASS when there are no amplified links.
/// Metrics: amplified_links, spans, longest_span (m), worst_span_use (length / maxSpan).
CheckResult checkAmplifierSpacing(const topology::Fabric& fabric);

}  // namespace ofe::analysis
