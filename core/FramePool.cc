#include "core/FramePool.h"

#include <ns3/simulator.h>

#include "core/RunContext.h"

namespace ofe::core {

void FramePool::Slot::Notify() { ctx_->onArrival(index_, frame); }

FramePool::~FramePool() {
  // The simulator may still hold references to pending slots; the last
  // reference (ours or its) deletes each one.
  for (Slot* slot : slots_) slot->Unref();
}

std::uint32_t FramePool::acquire() {
  std::uint32_t index;
  if (!free_.empty()) {
    index = free_.back();
    free_.pop_back();
    slots_[index]->frame = Frame{};
  } else {
    index = static_cast<std::uint32_t>(slots_.size());
    slots_.push_back(new Slot(&ctx_, index));  // reference count 1: ours
  }
  ++alive_;
  return index;
}

void FramePool::release(std::uint32_t index) {
  free_.push_back(index);
  --alive_;
}

void FramePool::scheduleArrival(std::uint32_t index, std::int64_t nowPs, std::int64_t atPs, std::uint32_t node) {
  Slot* slot = slots_[index];
  slot->frame.eventAt = atPs;
  // ScheduleWithContext takes over one reference and drops it after the
  // event ran; ours keeps the slot alive for reuse.
  slot->Ref();
  ns3::Simulator::ScheduleWithContext(node, ns3::TimeStep(static_cast<std::uint64_t>(atPs - nowPs)), slot);
}

}  // namespace ofe::core
