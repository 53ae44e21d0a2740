#pragma once
/// @file LazyTimer.h
/// @brief A reusable timer event whose deadline mostly moves later.

#include <ns3/event-impl.h>
#include <ns3/ptr.h>

#include <cstdint>

#include "core/BoundEvent.h"

namespace ofe::core {

/// One reusable event for a deadline that nearly every update pushes later
/// (a retransmission timeout, RACK's reordering timer): a later deadline is
/// left to the pending event, whose handler finds it not yet due and arms
/// the timer again, so the timer costs one event per deadline reached, not
/// one per update. The handler clears `pending` first.
struct LazyTimer {
  ns3::Ptr<ns3::EventImpl> event;
  bool pending = false;
  std::int64_t at = 0;  ///< when the pending event fires

  /// Makes the event fire by @p deadline (>= @p now) in ns-3 context
  /// @p context. False when it is pending for later: only a one-off event
  /// can cover the earlier deadline.
  bool arm(std::int64_t now, std::int64_t deadline, std::uint32_t context) {
    if (pending) return deadline >= at;
    pending = true;
    at = deadline;
    scheduleAt(now, deadline, ns3::PeekPointer(event), context);
    return true;
  }
};

}  // namespace ofe::core
