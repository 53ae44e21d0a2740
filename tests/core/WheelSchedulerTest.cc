// The engine's scheduler hands events out in exactly ns-3's order.

#include <gtest/gtest.h>

#include <ns3/object.h>

#include <random>
#include <set>
#include <utility>

#include "core/WheelScheduler.h"

namespace ofe::core {
namespace {

// Mimics the simulator: inserts are never before the last removed event;
// uids increase. Keys mix same-bucket ties, near (wheel) and far (heap)
// times, and a few removals of pending events. The reference is a std::set
// ordered by (timestamp, uid), which is ns-3's Scheduler contract.
TEST(WheelScheduler, MatchesTheReferenceOrder) {
  auto scheduler = ns3::CreateObject<WheelScheduler>();
  std::set<std::pair<std::uint64_t, std::uint32_t>> reference;
  std::mt19937_64 rng(42);
  std::uint64_t now = 0;
  std::uint32_t uid = 0;
  std::uint64_t popped = 0;
  const auto insert = [&](std::uint64_t delay) {
    ns3::Scheduler::Event ev;
    ev.impl = nullptr;
    ev.key.m_ts = now + delay;
    ev.key.m_uid = uid++;
    ev.key.m_context = ev.key.m_uid * 7;
    scheduler->Insert(ev);
    reference.emplace(ev.key.m_ts, ev.key.m_uid);
  };
  for (int step = 0; step < 200'000; ++step) {
    const int action = static_cast<int>(rng() % 10);
    if (action < 5 || reference.empty()) {
      const int range = static_cast<int>(rng() % 4);
      const std::uint64_t delay = range == 0   ? rng() % 3            // same instant / same bucket
                                  : range == 1 ? rng() % 2'000'000     // within the wheel (~4.2 us)
                                  : range == 2 ? rng() % 8'000'000     // across the wheel's edge
                                               : rng() % 10'000'000'000;  // far: the heap
      insert(delay);
    } else if (action < 9) {
      ASSERT_FALSE(scheduler->IsEmpty());
      const auto expected = *reference.begin();
      const ns3::Scheduler::Event peek = scheduler->PeekNext();
      EXPECT_EQ(peek.key.m_ts, expected.first);
      EXPECT_EQ(peek.key.m_uid, expected.second);
      const ns3::Scheduler::Event ev = scheduler->RemoveNext();
      ASSERT_EQ(ev.key.m_ts, expected.first);
      ASSERT_EQ(ev.key.m_uid, expected.second);
      EXPECT_EQ(ev.key.m_context, ev.key.m_uid * 7);
      reference.erase(reference.begin());
      now = ev.key.m_ts;
      ++popped;
    } else {
      // Remove a random pending event.
      auto it = reference.begin();
      std::advance(it, static_cast<long>(rng() % std::min<std::size_t>(reference.size(), 50)));
      ns3::Scheduler::Event ev;
      ev.impl = nullptr;
      ev.key.m_ts = it->first;
      ev.key.m_uid = it->second;
      ev.key.m_context = it->second * 7;
      scheduler->Remove(ev);
      reference.erase(it);
    }
  }
  while (!reference.empty()) {
    const ns3::Scheduler::Event ev = scheduler->RemoveNext();
    ASSERT_EQ(ev.key.m_ts, reference.begin()->first);
    ASSERT_EQ(ev.key.m_uid, reference.begin()->second);
    reference.erase(reference.begin());
  }
  EXPECT_TRUE(scheduler->IsEmpty());
  EXPECT_GT(popped, 50'000u);
}

}  // namespace
}  // namespace ofe::core
