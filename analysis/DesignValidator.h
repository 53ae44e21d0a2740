#pragma once
/// @file DesignValidator.h
/// @brief Runs every design check of `ofe validate` over a fabric.

#include "analysis/DesignTargets.h"
#include "analysis/ValidationReport.h"
#include "topology/Fabric.h"

namespace ofe::analysis {

/// Runs, in this order: connectivity, reach, amplifier-spacing, radix,
/// oversubscription, bisection, latency, power (see docs/validate.md), with
/// @p targets turning the informational checks into ones that can fail.
/// The subject line counts GPUs, switches, passive nodes and links.
ValidationReport validateDesign(const topology::Fabric& fabric, const DesignTargets& targets = {});

}  // namespace ofe::analysis
