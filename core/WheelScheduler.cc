#include "core/WheelScheduler.h"

#include <algorithm>

namespace ofe::core {

ns3::TypeId WheelScheduler::GetTypeId() {
  static ns3::TypeId tid = ns3::TypeId("ofe::core::WheelScheduler")
                               .SetParent<ns3::Scheduler>()
                               .SetGroupName("Ofe")
                               .AddConstructor<WheelScheduler>();
  return tid;
}

WheelScheduler::WheelScheduler() : buckets_(kBuckets), bits_(kBuckets / 64, 0) {}

void WheelScheduler::Insert(const Event& ev) {
  const SortKey key = SortKey::of(ev);
  const std::uint64_t bucket = key.ts >> kBucketShift;
  // The simulator never schedules into the past, so bucket >= current_.
  if (bucket >= current_ + kBuckets) {
    heap_.push(key, ev.impl);
    return;
  }
  const std::size_t slot = bucket & kMask;
  Bucket& b = buckets_[slot];
  if (!b.sorted || b.items.size() == b.head || b.items.back().key < key) {
    // A bucket not yet reached is sorted when it is (see sortBucket); only
    // the one being consumed keeps its order on every insert.
    b.items.push_back(Entry{key, ev.impl});
  } else {
    const auto pos = std::upper_bound(b.items.begin() + b.head, b.items.end(), key,
                                      [](const SortKey& k, const Entry& e) { return k < e.key; });
    b.items.insert(pos, Entry{key, ev.impl});
  }
  bits_[slot >> 6] |= std::uint64_t{1} << (slot & 63);
  ++wheelCount_;
}

void WheelScheduler::sortBucket(Bucket& b) {
  // Keys are unique (the uid breaks ties), so the order is fully determined.
  std::sort(b.items.begin(), b.items.end(), [](const Entry& x, const Entry& y) { return x.key < y.key; });
  b.sorted = true;
}

std::size_t WheelScheduler::firstBucket() const {
  const std::size_t start = current_ & kMask;
  std::size_t word = start >> 6;
  // Bits at or after `start` in its word, then whole words, wrapping once.
  std::uint64_t bits = bits_[word] & (~std::uint64_t{0} << (start & 63));
  for (std::size_t scanned = 0; scanned <= bits_.size(); ++scanned) {
    if (bits != 0) return (word << 6) | static_cast<std::size_t>(__builtin_ctzll(bits));
    word = (word + 1) & (bits_.size() - 1);
    bits = bits_[word];
  }
  return start;  // unreachable while wheelCount_ > 0
}

ns3::Scheduler::Event WheelScheduler::PeekNext() const {
  if (wheelCount_ > 0) {
    Bucket& b = buckets_[firstBucket()];
    if (!b.sorted) sortBucket(b);
    const Entry& e = b.items[b.head];
    if (heap_.empty() || !(heap_.topKey() < e.key)) return e.key.event(e.impl);
  }
  return heap_.topKey().event(heap_.topImpl());
}

ns3::Scheduler::Event WheelScheduler::RemoveNext() {
  if (wheelCount_ > 0) {
    const std::size_t slot = firstBucket();
    Bucket& b = buckets_[slot];
    if (!b.sorted) sortBucket(b);
    const Entry e = b.items[b.head];
    if (heap_.empty() || !(heap_.topKey() < e.key)) {
      // The event a few places behind runs soon: start loading it (a frame
      // slot is its own event, and the handler reads the frame next to it).
      if (b.head + kLookahead < b.items.size()) {
        if (const auto* ahead = reinterpret_cast<const char*>(b.items[b.head + kLookahead].impl)) {
          __builtin_prefetch(ahead);
          __builtin_prefetch(ahead + 64);
        }
      }
      if (++b.head == b.items.size()) {
        b.items.clear();
        b.head = 0;
        b.sorted = false;
        clearBit(slot);
      }
      --wheelCount_;
      current_ = e.key.ts >> kBucketShift;
      return e.key.event(e.impl);
    }
  }
  const Event top = heap_.topKey().event(heap_.topImpl());
  heap_.pop();
  current_ = top.key.m_ts >> kBucketShift;
  return top;
}

void WheelScheduler::Remove(const Event& ev) {
  const SortKey key = SortKey::of(ev);
  const std::uint64_t bucket = key.ts >> kBucketShift;
  if (bucket < current_ + kBuckets) {
    const std::size_t slot = bucket & kMask;
    Bucket& b = buckets_[slot];
    for (std::size_t i = b.head; i < b.items.size(); ++i) {
      if (b.items[i].key.uid() != key.uid()) continue;
      b.items.erase(b.items.begin() + static_cast<std::ptrdiff_t>(i));
      if (b.items.size() == b.head) {
        b.items.clear();
        b.head = 0;
        b.sorted = false;
        clearBit(slot);
      }
      --wheelCount_;
      return;
    }
  }
  heap_.remove(key.uid());
}

}  // namespace ofe::core
