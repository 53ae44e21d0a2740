#pragma once
/// @file InlineRing.h
/// @brief FIFO of small values that keeps its first few entries inside the owning object.

#include <cstdint>
#include <memory>

namespace ofe::core {

/// FIFO over a power-of-two circular array that starts as @p N entries held
/// in the object itself and moves to the heap only while it holds more. A
/// device's output queues are short most of the time (a k=16 fat-tree
/// permutation averages under two frames per egress), so the queue's
/// entries share the device's cache lines instead of costing a miss of
/// their own on every hop. Back in the object once empty.
template <typename T, std::uint32_t N>
class InlineRing {
  static_assert(N > 0 && (N & (N - 1)) == 0, "N must be a power of two");

 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  const T& front() const { return data()[head_]; }

  void push(T value) {
    if (size_ == mask_ + 1) grow();
    data()[(head_ + size_) & mask_] = value;
    ++size_;
  }

  T pop() {
    const T value = data()[head_];
    head_ = (head_ + 1) & mask_;
    if (--size_ == 0 && heap_) {
      heap_.reset();
      mask_ = N - 1;
      head_ = 0;
    }
    return value;
  }

 private:
  T* data() { return heap_ ? heap_.get() : inline_; }
  const T* data() const { return heap_ ? heap_.get() : inline_; }
  void grow() {
    const std::uint32_t capacity = 2 * (mask_ + 1);
    std::unique_ptr<T[]> next(new T[capacity]());
    const T* from = data();
    for (std::uint32_t i = 0; i < size_; ++i) next[i] = from[(head_ + i) & mask_];
    heap_ = std::move(next);
    head_ = 0;
    mask_ = capacity - 1;
  }

  T inline_[N] = {};
  std::uint32_t head_ = 0;
  std::uint32_t size_ = 0;
  std::uint32_t mask_ = N - 1;
  std::unique_ptr<T[]> heap_;
};

}  // namespace ofe::core
