#pragma once
/// @file EventHeap.h
/// @brief A cache-aligned 4-ary min-heap of ns-3 events, ordered by (timestamp, uid).

#include <ns3/scheduler.h>

#include <cstdint>
#include <vector>

namespace ofe::core {

/// Sort key of an ns-3 event: timestamp, then uid (unique; the context rides
/// in the low bits so an Event can be rebuilt from a key and its EventImpl).
struct SortKey {
  std::uint64_t ts = 0;
  std::uint64_t tie = 0;  ///< uid << 32 | context

  static SortKey of(const ns3::Scheduler::Event& ev) {
    return SortKey{ev.key.m_ts, (static_cast<std::uint64_t>(ev.key.m_uid) << 32) | ev.key.m_context};
  }
  ns3::Scheduler::Event event(ns3::EventImpl* impl) const {
    ns3::Scheduler::Event ev;
    ev.impl = impl;
    ev.key.m_ts = ts;
    ev.key.m_uid = static_cast<std::uint32_t>(tie >> 32);
    ev.key.m_context = static_cast<std::uint32_t>(tie);
    return ev;
  }
  std::uint32_t uid() const { return static_cast<std::uint32_t>(tie >> 32); }
  bool operator<(const SortKey& o) const { return ts < o.ts || (ts == o.ts && tie < o.tie); }
};

/// 4-ary min-heap: depth is half a binary heap's; keys (16 bytes) and event
/// pointers sit in separate arrays with the keys laid out so the four
/// children of a node fill one 64-byte cache line; sifting moves a hole
/// instead of swapping.
class EventHeap {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  const SortKey& topKey() const { return key(0); }
  ns3::EventImpl* topImpl() const { return impls_[0]; }

  void push(const SortKey& k, ns3::EventImpl* impl) {
    const std::size_t i = size_++;
    if (((i + kOffset) >> 2) >= blocks_.size()) blocks_.emplace_back();
    if (i >= impls_.size()) impls_.push_back(nullptr);
    siftUp(i, k, impl);
  }

  void pop() {
    --size_;
    if (size_ > 0) {
      const SortKey last = key(size_);
      siftDown(0, last, impls_[size_]);
    }
  }

  /// Removes the event with @p uid if present (linear search).
  bool remove(std::uint32_t uid) {
    for (std::size_t i = 0; i < size_; ++i) {
      if (key(i).uid() != uid) continue;
      --size_;
      if (i == size_) return true;
      const SortKey last = key(size_);
      ns3::EventImpl* impl = impls_[size_];
      if (i > 0 && last < key((i - 1) >> 2)) {
        siftUp(i, last, impl);
      } else {
        siftDown(i, last, impl);
      }
      return true;
    }
    return false;
  }

 private:
  struct alignas(64) Block {
    SortKey key[4];
  };
  /// Logical position i lives in slot i + 3, so children 4i+1..4i+4 (slots
  /// 4i+4..4i+7) start a block.
  static constexpr std::size_t kOffset = 3;

  SortKey& key(std::size_t i) { return blocks_[(i + kOffset) >> 2].key[(i + kOffset) & 3]; }
  const SortKey& key(std::size_t i) const { return blocks_[(i + kOffset) >> 2].key[(i + kOffset) & 3]; }
  void place(std::size_t i, const SortKey& k, ns3::EventImpl* impl) {
    key(i) = k;
    impls_[i] = impl;
  }

  void siftUp(std::size_t hole, const SortKey& k, ns3::EventImpl* impl) {
    while (hole > 0) {
      const std::size_t parent = (hole - 1) >> 2;
      if (!(k < key(parent))) break;
      place(hole, key(parent), impls_[parent]);
      hole = parent;
    }
    place(hole, k, impl);
  }

  void siftDown(std::size_t hole, const SortKey& k, ns3::EventImpl* impl) {
    for (;;) {
      const std::size_t first = 4 * hole + 1;
      if (first >= size_) break;
      const SortKey* children = &key(first);
      const std::size_t count = size_ - first < 4 ? size_ - first : 4;
      std::size_t best = 0;
      for (std::size_t c = 1; c < count; ++c) {
        if (children[c] < children[best]) best = c;
      }
      if (!(children[best] < k)) break;
      place(hole, children[best], impls_[first + best]);
      hole = first + best;
    }
    place(hole, k, impl);
  }

  std::vector<Block> blocks_;
  std::vector<ns3::EventImpl*> impls_;
  std::size_t size_ = 0;
};

}  // namespace ofe::core
