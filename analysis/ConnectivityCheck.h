#pragma once
/// @file ConnectivityCheck.h
/// @brief Check: every GPU reaches every other GPU over links that are up.

#include "analysis/CheckResult.h"
#include "topology/Fabric.h"

namespace ofe::analysis {

/// Connectivity of the GPUs over up links, with the no-transit rule of
/// topology::Routing (a GPU never forwards for others).
///
/// Parts are the connected components (Boost connected_components) of the
/// packet nodes over up links. FAIL when any GPU pair has no path; offenders
/// name every part but the one holding most GPUs, or, when one part holds
/// every GPU but some pairs still need a GPU to forward, the GPUs cut off.
/// Metrics: gpus, parts, unreachable_pairs (unordered), isolated_gpus (no up link).
CheckResult checkConnectivity(const topology::Fabric& fabric);

}  // namespace ofe::analysis
