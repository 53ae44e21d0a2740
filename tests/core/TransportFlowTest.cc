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

TEST(TransportFlow, SelectiveRepeatReceiverSacksOutOfOrderSegmentsInsteadOfNacking) {
  TransportFlow rx;
  rx.init(0, 1, 2, params(8 * 4096, true));
  EXPECT_TRUE(rx.onData(0, 4096).ack);
  const TransportFlow::RxResult gap = rx.onData(2, 4096);  // 1 missing (or late)
  EXPECT_FALSE(gap.nack);
  EXPECT_TRUE(gap.ack);  // at once, naming segment 2
  EXPECT_EQ(gap.newBytes, 4096u);
  EXPECT_EQ(rx.expected(), 1u);
  const TransportFlow::RxResult filled = rx.onData(1, 4096);  // the jump is acknowledged at once
  EXPECT_TRUE(filled.ack);
  EXPECT_EQ(rx.expected(), 3u);
  const TransportFlow::RxResult again = rx.onData(2, 4096);
  EXPECT_TRUE(again.ack);
  EXPECT_TRUE(again.duplicate);  // a DSACK
  EXPECT_EQ(again.newBytes, 0u);
  EXPECT_EQ(rx.delivered(), 3 * 4096);
}

TEST(TransportFlow, RttEstimatorFollowsRfc6298) {
  // First sample 8 us: SRTT 8, RTTVAR 4, RTO = 8 + 16 = 24 us. Second 16 us:
  // RTTVAR = 3/4 x 4 + 1/4 x |8 - 16| = 5, SRTT = 7/8 x 8 + 2 = 9,
  // RTO = 9 + 20 = 29 us; a timeout doubles it to 58 us; the floor of 30 us
  // applies to the estimate before doubling.
  RttEstimator e(1'000'000);
  EXPECT_EQ(e.rtoPs(), 1'000'000);  // no sample: the floor
  RttEstimator r(0);
  r.sample(8'000'000);
  EXPECT_EQ(r.srttPs(), 8'000'000);
  EXPECT_EQ(r.rttvarPs(), 4'000'000);
  EXPECT_EQ(r.rtoPs(), 24'000'000);
  r.sample(16'000'000);
  EXPECT_EQ(r.rttvarPs(), 5'000'000);
  EXPECT_EQ(r.srttPs(), 9'000'000);
  EXPECT_EQ(r.rtoPs(), 29'000'000);
  EXPECT_EQ(r.minRttPs(), 8'000'000);
  r.backOff();
  EXPECT_EQ(r.rtoPs(), 58'000'000);
  for (int i = 0; i < 10; ++i) r.backOff();
  EXPECT_EQ(r.rtoPs(), 29'000'000 << RttEstimator::kMaxBackoffShift);
  RttEstimator floored(30'000'000);
  floored.sample(8'000'000);
  floored.sample(16'000'000);
  EXPECT_EQ(floored.rtoPs(), 30'000'000);
  floored.backOff();
  EXPECT_EQ(floored.rtoPs(), 60'000'000);
}

TEST(TransportFlow, RackResendsOnlyWhatIsOverdueBehindADeliveredSegment) {
  // Segments 0..4 leave at 0, 100, 200, 300, 400 ns. 0 is acknowledged at
  // 1000 ns (RTT sample 1000 ns: SRTT 1000, min RTT 1000, reordering window
  // 1000 / 4 = 250 ns). 2 is SACKed at 1200 ns (RACK.rtt = 1000 ns, sent at
  // 200): segment 1, sent at 100, is lost once 100 + 1000 + 250 = 1350 ns
  // pass; 3 and 4 were sent after 2 and are not suspected.
  TransportFlow tx;
  tx.init(0, 1, 2, params(8 * 4096, true));
  for (int i = 0; i < 5; ++i) take(tx, 100 * i);
  EXPECT_TRUE(tx.onAck(1000, 1, 0));
  EXPECT_EQ(tx.rtt().srttPs(), 1000);
  EXPECT_EQ(tx.reorderWindowPs(), 250);
  EXPECT_FALSE(tx.onAck(1200, 1, 2));
  EXPECT_EQ(tx.lossDeadline(), 1350);
  EXPECT_EQ(tx.timerDeadline(), 1350);
  EXPECT_FALSE(tx.onLossTimer(1349));
  // Had 1 arrived late (reordered) by now, nothing would be resent:
  TransportFlow late = tx;
  EXPECT_TRUE(late.onAck(1300, 3, 1));
  EXPECT_FALSE(late.onLossTimer(1350));
  EXPECT_EQ(late.retransmissions(), 0u);
  // It did not: at 1350 ns segment 1 is resent, and only it.
  EXPECT_TRUE(tx.onLossTimer(1350));
  bool retransmission = false;
  EXPECT_EQ(tx.takeSegment(1350, retransmission), 1u);
  EXPECT_TRUE(retransmission);
  EXPECT_EQ(take(tx, 1400), 5u);  // then new data
  EXPECT_EQ(tx.retransmissions(), 1u);
}

TEST(TransportFlow, DsackOfAResendWidensTheReorderingWindow) {
  TransportFlow tx;
  tx.init(0, 1, 2, params(8 * 4096, true));
  for (int i = 0; i < 3; ++i) take(tx, 100 * i);
  tx.onAck(1000, 1, 0);   // sample 1000 ns: window 250 ns
  tx.onAck(1200, 1, 2);   // 1 overdue at 100 + 1000 + 250
  EXPECT_TRUE(tx.onLossTimer(1350));
  EXPECT_EQ(take(tx, 1350), 1u);
  tx.onAck(1400, 3, 1);           // the original 1 arrives after all: una 3
  tx.onAck(2400, 3, 1, true);     // then the resend, as a duplicate
  EXPECT_EQ(tx.spuriousRetransmissions(), 1u);
  EXPECT_EQ(tx.reorderWindowPs(), 500);  // 2 x 1000 / 4, below SRTT
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

TEST(TransportFlow, TimeoutResendsWhatIsOutstandingAndDoublesTheTimer) {
  TransportFlow tx;
  tx.init(0, 1, 2, params(8 * 4096, true));
  take(tx, 0);
  take(tx, 0);
  EXPECT_EQ(tx.rtoDeadline(), 1'000'000);  // armed by the first send
  EXPECT_TRUE(tx.onTimeout(1'000'000));
  EXPECT_EQ(tx.timeouts(), 1u);
  EXPECT_EQ(take(tx, 1'000'000), 0u);
  EXPECT_EQ(take(tx, 1'000'000), 1u);
  EXPECT_EQ(tx.rtoDeadline(), 3'000'000);  // RFC 6298 5.5: 2 x the 1 us floor
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
