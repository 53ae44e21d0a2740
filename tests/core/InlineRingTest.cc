// The device queues' FIFO: in the object while short, on the heap while long.

#include "core/InlineRing.h"

#include <gtest/gtest.h>

#include <deque>
#include <random>

#include "core/Ring.h"

namespace ofe::core {
namespace {

// Random pushes and pops around the inline capacity (4): the queue spills to
// the heap, wraps, drains back into the object, and always pops what a
// std::deque pops.
TEST(InlineRing, IsAFifoAcrossSpillAndReturn) {
  InlineRing<std::uint32_t, 4> ring;
  std::deque<std::uint32_t> reference;
  std::mt19937 rng(7);
  std::uint32_t next = 0;
  std::size_t deepest = 0;
  for (int step = 0; step < 100'000; ++step) {
    // Biased to grow for a while, then to drain, so both regimes repeat.
    const bool growing = (step / 1000) % 2 == 0;
    if (reference.empty() || rng() % 10 < (growing ? 6u : 3u)) {
      ring.push(next);
      reference.push_back(next++);
    } else {
      ASSERT_EQ(ring.front(), reference.front());
      ASSERT_EQ(ring.pop(), reference.front());
      reference.pop_front();
    }
    ASSERT_EQ(ring.size(), reference.size());
    ASSERT_EQ(ring.empty(), reference.empty());
    deepest = std::max(deepest, reference.size());
  }
  EXPECT_GT(deepest, 16u);  // it did spill, and regrow on the heap
}

// Ring copies deeply (a TransportFlow copied in tests carries its own log).
TEST(Ring, CopiesAreIndependent) {
  Ring<int> a;
  for (int i = 0; i < 20; ++i) a.push(i);
  for (int i = 0; i < 5; ++i) a.pop();
  Ring<int> b = a;
  a.push(99);
  EXPECT_EQ(b.size(), 15u);
  EXPECT_EQ(a.size(), 16u);
  for (int i = 5; i < 20; ++i) EXPECT_EQ(b.pop(), i);
  EXPECT_TRUE(b.empty());
  b = a;
  EXPECT_EQ(b.front(), 5);
  EXPECT_EQ(b.at(15), 99);
}

}  // namespace
}  // namespace ofe::core
