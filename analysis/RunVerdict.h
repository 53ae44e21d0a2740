#pragma once
/// @file RunVerdict.h
/// @brief The design verdict of `ofe run`: every design check plus the run's own.

#include "analysis/RunReport.h"
#include "analysis/ValidationReport.h"
#include "scenario/Scenario.h"

namespace ofe::analysis {

/// validateDesign() over the scenario's fabric (informational: the scenario
/// targets concern the run), then checkRunCompleted, checkCollectiveTime,
/// checkBusBandwidth, checkSiteLatency, checkLinkUtilization and
/// checkLossless on @p report (whose `verdict` is not read). `ofe run` exits 1
/// when worstStatus() is FAIL.
ValidationReport runVerdict(const scenario::Scenario& scenario, const RunReport& report);

}  // namespace ofe::analysis
