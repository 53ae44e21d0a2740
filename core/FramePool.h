#pragma once
/// @file FramePool.h
/// @brief Slots of frame metadata, each being its own reusable arrival event.

#include <ns3/event-impl.h>
#include <ns3/ptr.h>

#include <cstdint>
#include <vector>

#include "core/Frame.h"

namespace ofe::core {

class RunContext;

/// Frames of one run. A slot is taken when a NIC (or ns-3 code) creates a
/// frame and returned when the frame is consumed, dropped or lost. Each slot
/// is an ns3::EventImpl holding its Frame: scheduling the frame's arrival
/// reuses the slot itself, so the event and the metadata its handler reads
/// share cache lines and nothing is allocated per packet. Slots live as long
/// as the pool (it holds one reference to each).
class FramePool {
 public:
  explicit FramePool(RunContext& ctx) : ctx_(ctx) {}
  ~FramePool();
  FramePool(const FramePool&) = delete;
  FramePool& operator=(const FramePool&) = delete;

  /// A free slot with default metadata.
  std::uint32_t acquire();
  /// Returns a slot.
  void release(std::uint32_t index);

  Frame& operator[](std::uint32_t index) { return slots_[index]->frame; }
  const Frame& operator[](std::uint32_t index) const { return slots_[index]->frame; }

  /// Schedules the frame's arrival at absolute time @p atPs (now is @p nowPs)
  /// with ns-3 context @p node.
  void scheduleArrival(std::uint32_t index, std::int64_t nowPs, std::int64_t atPs, std::uint32_t node);


  /// Frames taken and not yet released.
  std::size_t alive() const { return alive_; }
  /// Slots ever created (the high-water mark of frames in flight).
  std::size_t capacity() const { return slots_.size(); }

 private:
  /// A frame that is also the event of its own arrival. Aligned to a cache
  /// line and two lines long: the event header, the handler's arguments and
  /// the frame's routing fields share the first line, the rest of the frame
  /// the second, so the scheduler's prefetch of both covers the whole slot.
  class alignas(64) Slot final : public ns3::EventImpl {
   public:
    Slot(RunContext* ctx, std::uint32_t index) : ctx_(ctx), index_(index) {}

   private:
    void Notify() override;
    RunContext* ctx_;
    std::uint32_t index_;

   public:
    Frame frame;
  };

  RunContext& ctx_;
  std::vector<Slot*> slots_;
  std::vector<std::uint32_t> free_;
  std::size_t alive_ = 0;
};

}  // namespace ofe::core
