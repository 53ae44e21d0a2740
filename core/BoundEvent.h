#pragma once
/// @file BoundEvent.h
/// @brief A reusable ns-3 event bound to one object and one integer argument.

#include <ns3/event-impl.h>
#include <ns3/nstime.h>
#include <ns3/ptr.h>
#include <ns3/simulator.h>

#include <cstdint>

namespace ofe::core {

/// ns-3's Simulator::Schedule(f, obj, args) allocates a fresh EventImpl for
/// every call. The packet core instead keeps one BoundEvent per frame slot,
/// device and timer and schedules it again and again through
/// Simulator::Schedule(delay, Ptr<EventImpl>): the simulator only takes a
/// reference, so an event costs no allocation. A BoundEvent must not be
/// scheduled twice at once; its owner tracks whether it is pending.
template <typename T, void (T::*Method)(std::uint32_t)>
class BoundEvent final : public ns3::EventImpl {
 public:
  BoundEvent(T* object, std::uint32_t arg) : object_(object), arg_(arg) {}

 private:
  void Notify() override { (object_->*Method)(arg_); }
  T* object_;
  std::uint32_t arg_;
};

/// Schedules @p event at absolute time @p atPs (picoseconds, not before
/// @p nowPs) in ns-3 context @p context (a node id). It goes through
/// ScheduleWithContext, which takes over one reference and builds no EventId:
/// the caller keeps its own reference and reuses the event afterwards.
inline void scheduleAt(std::int64_t nowPs, std::int64_t atPs, ns3::EventImpl* event, std::uint32_t context) {
  event->Ref();
  ns3::Simulator::ScheduleWithContext(context, ns3::TimeStep(static_cast<std::uint64_t>(atPs - nowPs)), event);
}

/// Current simulated time in picoseconds (the engine runs ns-3 at PS resolution).
inline std::int64_t nowPs() { return ns3::Simulator::Now().GetTimeStep(); }

}  // namespace ofe::core
