#pragma once
/// @file WheelScheduler.h
/// @brief The packet engine's ns-3 event scheduler: a timing wheel for the
/// near future over a 4-ary heap for the rest.

#include <ns3/scheduler.h>

#include <cstdint>
#include <vector>

#include "core/EventHeap.h"

namespace ofe::core {

/// Drop-in ns3::Scheduler (Simulator::SetScheduler) that hands events out in
/// exactly the stock order, (timestamp, uid), so results do not depend on
/// the choice of scheduler; only the cost differs.
///
/// Why: a fabric run keeps thousands of frames on the wires, nearly all due
/// within a few microseconds. Profiling the k=8 fat-tree put ~45% of the run
/// in ns3::HeapScheduler (out-of-line swap helpers, each checking logging)
/// and still ~30% in a plain 4-ary heap (cache misses, log depth).
///
/// How: time is cut into buckets of 2^10 ps (~1 ns); a wheel of 4096 buckets
/// covers the ~4.2 us after the current bucket. An event due inside that
/// window goes into its bucket, a later one (timers, long-haul arrivals) into
/// an EventHeap. Each bucket is a small array consumed from the front in
/// (timestamp, uid) order. A bucket is filled in insertion order and sorted
/// once, when it becomes the first non-empty one; only inserts into that
/// bucket keep it sorted as they go. (Keeping every bucket sorted on insert
/// cost a binary search and a shift per event: at 1,024 hosts ~40 events
/// share each nanosecond, in no particular order.) The next event
/// is the smaller of the heap's top and the front of the first non-empty
/// bucket, found with a bitmap scan from the current bucket. Every wheel
/// entry lies in [current bucket, current bucket + 4096), so a bucket never
/// mixes laps of the wheel.
class WheelScheduler : public ns3::Scheduler {
 public:
  static ns3::TypeId GetTypeId();
  WheelScheduler();

  void Insert(const Event& ev) override;
  bool IsEmpty() const override { return wheelCount_ == 0 && heap_.empty(); }
  Event PeekNext() const override;
  Event RemoveNext() override;
  void Remove(const Event& ev) override;

 private:
  static constexpr unsigned kBucketShift = 10;  ///< bucket width 1,024 ps
  static constexpr std::size_t kBuckets = 4096;
  static constexpr std::size_t kMask = kBuckets - 1;
  static constexpr std::uint32_t kNil = 0xffffffffu;
  /// How many events ahead RemoveNext prefetches the event object.
  static constexpr std::uint32_t kLookahead = 6;

  struct Entry {
    SortKey key;
    ns3::EventImpl* impl;
  };
  /// [head, size) are pending; sorted ascending once the bucket is reached.
  struct Bucket {
    std::vector<Entry> items;
    std::uint32_t head = 0;
    bool sorted = false;
  };
  /// Sorts a bucket that holds entries in insertion order (head is 0 then).
  static void sortBucket(Bucket& b);

  /// First non-empty bucket at or after the current one (wheel not empty).
  std::size_t firstBucket() const;
  void clearBit(std::size_t slot) { bits_[slot >> 6] &= ~(std::uint64_t{1} << (slot & 63)); }

  mutable std::vector<Bucket> buckets_;  ///< mutable: PeekNext may sort the first bucket
  std::vector<std::uint64_t> bits_;    ///< per bucket: non-empty
  std::size_t wheelCount_ = 0;
  std::uint64_t current_ = 0;          ///< bucket number (ts >> shift) of the last event removed
  EventHeap heap_;
};

}  // namespace ofe::core
