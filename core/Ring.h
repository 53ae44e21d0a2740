#pragma once
/// @file Ring.h
/// @brief Growable FIFO ring buffer of small values (frame and flow indices).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

namespace ofe::core {

/// FIFO over a power-of-two circular array. Unlike std::deque it allocates
/// only when it grows past its high-water mark, so steady-state queueing of
/// frame indices costs no heap traffic. 24 bytes (a device holds two).
template <typename T>
class Ring {
 public:
  Ring() = default;
  Ring(const Ring& other) : head_(other.head_), size_(other.size_), mask_(other.mask_) {
    if (other.buf_) {
      buf_.reset(new T[other.mask_ + 1]);
      std::copy(other.buf_.get(), other.buf_.get() + other.mask_ + 1, buf_.get());
    }
  }
  Ring(Ring&&) noexcept = default;
  Ring& operator=(Ring other) noexcept {
    buf_.swap(other.buf_);
    std::swap(head_, other.head_);
    std::swap(size_, other.size_);
    std::swap(mask_, other.mask_);
    return *this;
  }
  ~Ring() = default;

  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  const T& front() const { return buf_[head_]; }
  /// i-th element from the front (0 = front).
  const T& at(std::size_t i) const { return buf_[(head_ + i) & mask_]; }

  void push(T value) {
    if (size_ == capacity()) grow();
    buf_[(head_ + size_) & mask_] = value;
    ++size_;
  }

  T pop() {
    T value = buf_[head_];
    head_ = (head_ + 1) & mask_;
    --size_;
    return value;
  }

  void clear() {
    head_ = 0;
    size_ = 0;
  }

 private:
  void grow() {
    const std::uint32_t capacity = buf_ ? 2 * (mask_ + 1) : 16;
    std::unique_ptr<T[]> next(new T[capacity]());
    for (std::uint32_t i = 0; i < size_; ++i) next[i] = at(i);
    buf_ = std::move(next);
    head_ = 0;
    mask_ = capacity - 1;
  }
  std::uint32_t capacity() const { return buf_ ? mask_ + 1 : 0; }

  std::unique_ptr<T[]> buf_;
  std::uint32_t head_ = 0;
  std::uint32_t size_ = 0;
  std::uint32_t mask_ = 0;
};

}  // namespace ofe::core
