#pragma once
/// @file Watchdog.h
/// @brief Stops a run that makes no progress and says what is stuck.

#include <ns3/event-impl.h>
#include <ns3/ptr.h>

#include <algorithm>
#include <cstdint>
#include <string>

namespace ofe::core {

class RunContext;

/// Progress is a byte delivered for the first time, an acknowledgement that
/// advances a sender, or a transfer starting. While transfers are running the
/// watchdog keeps one event pending at (last progress + stallTimeout); if it
/// fires with no progress since, it stops the run with a report naming the
/// unfinished transfers (src, dst, bytes left), link directions holding
/// queued frames or paused by PFC, failed links that lost frames, and
/// switches that had frames without a route. A PFC deadlock, a failed link
/// under stale routing, a missing path or a loss loop therefore ends the run
/// within stallTimeout of its last progress instead of hanging. With nothing
/// running (transfers waiting for a later notBefore) it is idle.
class Watchdog {
 public:
  Watchdog(RunContext& ctx, std::int64_t stallPs);

  /// Makes sure a check is pending (called whenever a transfer starts).
  void arm(std::int64_t now);
  /// Makes sure the stall window spans the first two retransmission timeouts
  /// of a flow whose timer starts at @p rtoPs (it fires at rto, then 2 x rto
  /// later after RFC 6298's doubling), so a long-haul path (a 125 ms round
  /// trip across the Pacific) or a deep lossless queue is not taken for a
  /// stall before its first ACK or retransmission can return.
  void cover(std::int64_t rtoPs) { stallPs_ = std::max(stallPs_, 3 * rtoPs); }
  /// The check (BoundEvent target).
  void onFire(std::uint32_t unused);

  /// The report: @p headline, then what is stuck.
  static std::string describe(const RunContext& ctx, const std::string& headline);

 private:
  RunContext& ctx_;
  std::int64_t stallPs_;
  ns3::Ptr<ns3::EventImpl> event_;
  bool pending_ = false;
};

}  // namespace ofe::core
