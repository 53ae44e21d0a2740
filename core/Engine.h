#pragma once
/// @file Engine.h
/// @brief The one interface every engine (packet-level, fluid) implements.

#include "core/RunResult.h"
#include "traffic/Plan.h"

namespace ofe::core {

/// Runs a plan of transfers over the fabric the engine was built for. An
/// engine never prints; everything it measured is in the RunResult.
class Engine {
 public:
  virtual ~Engine() = default;
  /// Runs @p plan to completion (or until the watchdog stops it).
  virtual RunResult run(const traffic::Plan& plan) = 0;
  /// Short name for reports ("packet", "fluid").
  virtual const char* name() const = 0;
};

}  // namespace ofe::core
