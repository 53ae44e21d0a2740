#pragma once
/// @file Ring.h
/// @brief Growable FIFO ring buffer of small values (frame and flow indices).

#include <cstddef>
#include <vector>

namespace ofe::core {

/// FIFO over a power-of-two circular array. Unlike std::deque it allocates
/// only when it grows past its high-water mark, so steady-state queueing of
/// frame indices costs no heap traffic.
template <typename T>
class Ring {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  const T& front() const { return buf_[head_]; }
  /// i-th element from the front (0 = front).
  const T& at(std::size_t i) const { return buf_[(head_ + i) & mask_]; }

  void push(T value) {
    if (size_ == buf_.size()) grow();
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
    const std::size_t capacity = buf_.empty() ? 16 : buf_.size() * 2;
    std::vector<T> next(capacity);
    for (std::size_t i = 0; i < size_; ++i) next[i] = at(i);
    buf_.swap(next);
    head_ = 0;
    mask_ = capacity - 1;
  }

  std::vector<T> buf_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
};

}  // namespace ofe::core
