// The transport's protocol logic on its own (no simulator).

#include <gtest/gtest.h>

#include "core/TransportFlow.h"

namespace ofe::core {
namespace {

FlowParams params(std::int64_t size, bool selectiveRepeat, std::uint32_t window = 8) {
  FlowParams p;
  p.size = size;
  p.mtu = 4096;
  p.windowSegments = window;
  p.rtoPs = 1'000'000;
  p.selectiveRepeat = selectiveRepeat;
  p.lineRateBps = 100e9;
  p.dcqcnG = 1.0 / 256.0;
  p.alphaIntervalPs = 55'000'000;
  p.increaseIntervalPs = 55'000'000;
  p.additiveIncreaseBps = 5e9;
  p.cnpIntervalPs = 50'000'000;
  return p;
}

std::uint32_t take(TransportFlow& f, std::int64_t now = 0) {
  bool retransmission = false;
  return f.takeSegment(now, retransmission);
}

TEST(TransportFlow, SegmentsAnMtuAtATimeWithAShortLastSegment) {
  TransportFlow f;
  f.init(0, 1, 2, params(3 * 4096 + 100, true));
  EXPECT_EQ(f.segments(), 4u);
  EXPECT_EQ(f.payloadOf(0), 4096u);
  EXPECT_EQ(f.payloadOf(3), 100u);
}

TEST(TransportFlow, WindowBlocksUntilAnAckArrives) {
  TransportFlow f;
  f.init(0, 1, 2, params(100 * 4096, true, 3));
  std::int64_t when = 0;
  for (std::uint32_t i = 0; i < 3; ++i) EXPECT_EQ(take(f), i);
  EXPECT_EQ(f.ready(0, when), TransportFlow::Ready::Blocked);
  EXPECT_TRUE(f.onAck(10, 1, 0));  // segment 0 arrived
  EXPECT_EQ(f.ready(10, when), TransportFlow::Ready::Now);
  EXPECT_EQ(take(f, 10), 3u);
}

TEST(TransportFlow, SelectiveRepeatResendsExactlyTheHole) {
  TransportFlow tx, rx;
  tx.init(0, 1, 2, params(8 * 4096, true));
  rx.init(0, 1, 2, params(8 * 4096, true));
  for (int i = 0; i < 5; ++i) take(tx);
  // Segment 1 is lost: 0 arrives (ACK 1), then 2 reveals the hole [1, 1].
  EXPECT_TRUE(rx.onData(0, 4096).ack);
  const TransportFlow::RxResult hole = rx.onData(2, 4096);
  EXPECT_TRUE(hole.nack);
  EXPECT_EQ(hole.nackFirst, 1u);
  EXPECT_EQ(hole.nackLast, 1u);
  EXPECT_FALSE(rx.onData(3, 4096).nack);  // same hole, reported once
  tx.onNack(5, rx.expected(), hole.nackFirst, hole.nackLast, 2);
  bool retransmission = false;
  EXPECT_EQ(tx.takeSegment(6, retransmission), 1u);
  EXPECT_TRUE(retransmission);
  EXPECT_EQ(take(tx, 7), 5u);  // then new data resumes
  // The resent segment fills the hole: the receiver jumps to 4 and ACKs at once.
  const TransportFlow::RxResult filled = rx.onData(1, 4096);
  EXPECT_TRUE(filled.ack);
  EXPECT_EQ(rx.expected(), 4u);
  EXPECT_EQ(rx.delivered(), 4 * 4096);
  EXPECT_TRUE(rx.onData(2, 4096).ack);  // a duplicate is acknowledged, not delivered again
  EXPECT_EQ(rx.delivered(), 4 * 4096);
}

TEST(TransportFlow, GoBackNRewindsToTheNackedSegment) {
  TransportFlow tx, rx;
  tx.init(0, 1, 2, params(8 * 4096, false));
  rx.init(0, 1, 2, params(8 * 4096, false));
  for (int i = 0; i < 4; ++i) take(tx);
  rx.onData(0, 4096);
  const TransportFlow::RxResult r = rx.onData(2, 4096);  // 1 lost: 2 is discarded
  EXPECT_TRUE(r.nack);
  EXPECT_EQ(r.newBytes, 0u);
  EXPECT_FALSE(rx.onData(3, 4096).nack);  // one NACK per expected segment
  tx.onNack(5, rx.expected(), r.nackFirst, r.nackLast, 2);
  EXPECT_EQ(take(tx, 6), 1u);
  EXPECT_EQ(take(tx, 6), 2u);
  EXPECT_EQ(tx.retransmissions(), 2u);
  EXPECT_EQ(tx.packets(), 4u);
}

TEST(TransportFlow, TimeoutResendsWhatIsOutstanding) {
  TransportFlow tx;
  tx.init(0, 1, 2, params(8 * 4096, true));
  take(tx, 0);
  take(tx, 0);
  EXPECT_EQ(tx.rtoDeadline(), 1'000'000);  // armed by the first send
  EXPECT_TRUE(tx.onTimeout(1'000'000));
  EXPECT_EQ(tx.timeouts(), 1u);
  EXPECT_EQ(take(tx, 1'000'000), 0u);
  EXPECT_EQ(take(tx, 1'000'000), 1u);
  EXPECT_EQ(tx.rtoDeadline(), 2'000'000);
}

TEST(TransportFlow, DcqcnHalvesOnTheFirstCnpThenRecovers) {
  // alpha starts at 1: after a CNP alpha = (1 - g) + g = 1 and the rate
  // halves: 50 Gbps. Fast recovery moves half-way back to the 100 Gbps
  // target each interval: 75, 87.5, 93.75, ...
  TransportFlow tx;
  tx.init(0, 1, 2, params(8 * 4096, true));
  tx.onCnp(0);
  EXPECT_DOUBLE_EQ(tx.rateBps(), 50e9);
  EXPECT_EQ(tx.nextIncreasePs(), 55'000'000);
  EXPECT_EQ(tx.onIncreaseTimer(55'000'000), 110'000'000);
  EXPECT_DOUBLE_EQ(tx.rateBps(), 75e9);
  tx.onIncreaseTimer(110'000'000);
  EXPECT_DOUBLE_EQ(tx.rateBps(), 87.5e9);
  // Paced: a 4178-byte frame at 87.5 Gbps takes 381.989 ns before the next.
  tx.paceAfter(0, 4178);
  std::int64_t when = 0;
  EXPECT_EQ(tx.ready(1, when), TransportFlow::Ready::Later);
  EXPECT_EQ(when, 381'989);
}

TEST(TransportFlow, CoalescedAcksNeverOutlastTheWindow) {
  // ackEvery 8 with a window of 3: the receiver acknowledges every 3rd
  // segment, or the sender would wait for its timer.
  FlowParams p = params(10 * 4096, true, 3);
  p.ackEvery = 8;
  TransportFlow rx;
  rx.init(0, 1, 2, p);
  EXPECT_FALSE(rx.onData(0, 4096).ack);
  EXPECT_FALSE(rx.onData(1, 4096).ack);
  EXPECT_TRUE(rx.onData(2, 4096).ack);
}

}  // namespace
}  // namespace ofe::core
