#pragma once
/// @file TransportFlow.h
/// @brief Reliable message transport of one transfer: segmentation, ACK/NACK, recovery, DCQCN.

#include <ns3/event-impl.h>
#include <ns3/ptr.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/IntStack.h"
#include "core/LazyTimer.h"
#include "core/Ring.h"
#include "core/RttEstimator.h"
#include "topology/Ids.h"

namespace ofe::core {

/// Fixed figures of one flow, derived when its transfer starts.
struct FlowParams {
  std::int64_t size = 0;             ///< transfer bytes
  std::uint32_t mtu = 4096;          ///< payload bytes per segment
  std::uint32_t windowSegments = 1;  ///< segments in flight (sequence window)
  std::int64_t rtoPs = 0;            ///< retransmission timeout before any RTT sample, and its floor
  bool selectiveRepeat = true;       ///< false: go-back-N
  double reorderFraction = 0.25;     ///< RACK's first reordering window / min RTT
  std::uint32_t ackEvery = 1;
  double lineRateBps = 0.0;          ///< the highest rate the flow may send at (the port's, or less)
  double portRateBps = 0.0;          ///< the sending port's rate; 0 = lineRateBps
  bool dcqcn = true;
  bool hpcc = false;                 ///< HPCC instead (dcqcn then false)
  std::int64_t baseRttPs = 0;        ///< HPCC's T: the path's round trip with empty queues
  double hpccEta = 0.95;
  int hpccMaxStage = 5;
  double hpccAdditiveIncreaseBps = 50e6;
  double dcqcnG = 1.0 / 256.0;
  std::int64_t alphaIntervalPs = 0;
  std::int64_t increaseIntervalPs = 0;
  double additiveIncreaseBps = 0.0;
  std::int64_t cnpIntervalPs = 0;
};

/// Sender and receiver halves of one transfer. Pure protocol logic without
/// simulator calls, so it can be reasoned about (and tested) on its own;
/// NicTransport moves frames and runs the timers.
///
/// Sender: segments 0..n-1 (MTU payloads, the last shorter). New segments go
/// out while next - una < window. Cumulative ACK(e) means all below e
/// arrived; every ACK/NACK also names the segment whose arrival caused it
/// (a SACK of that one segment) and says whether it was a duplicate (a
/// DSACK, RFC 2883).
///
/// Go-back-N (RoCE's recovery): the receiver discards out-of-order segments
/// and NACKs the expected one once; the sender restarts from it.
///
/// Selective repeat: the receiver keeps out-of-order segments and ACKs each
/// at once; it never NACKs, because with packets sprayed over several paths
/// a gap is usually reordering, not loss. The sender decides what is lost by
/// RACK (RFC 8985, "The RACK-TLP Loss Detection Algorithm for TCP", Cheng et
/// al., 2021): a segment is lost when a segment sent after it has been
/// delivered and it has been outstanding for longer than RACK.rtt (the round
/// trip of the most recently sent delivered segment) + the reordering window.
/// The window is min(mult x f x min RTT, 2 SRTT) with f = 1/4 (RFC 8985
/// section 6.2; FlowParams::reorderFraction), and mult grows by one with
/// each DSACK of a retransmission: the sender learns how much reordering
/// the fabric makes instead of resending it. (The RFC caps the window at
/// one SRTT; sprayed paths differ by more while queues build.) Segments are
/// checked in the order they were sent, so each ACK costs O(1) amortised.
///
/// Both: the retransmission timer runs RFC 6298 (RttEstimator) over RTT
/// samples of segments sent once (Karn's rule), never below rtoPs. On a
/// timeout (no ACK progress while segments are outstanding) go-back-N
/// restarts from una and selective repeat resends every outstanding segment
/// not known to have arrived, and the timeout doubles.
///
/// HPCC (Li et al., "HPCC: High Precision Congestion Control", SIGCOMM
/// 2019, Algorithm 1) on each ACK with telemetry: per hop, u = min(qlen,
/// previous qlen) / (B T) + txRate / B with txRate from the bytes and
/// timestamps of this and the previous ACK's record; U, the largest u,
/// smoothed by the time the sample covers (tau / T); then W = Wc / (U / eta)
/// + W_AI once U >= eta or after maxStage additive rounds, else W = Wc +
/// W_AI, with Wc updated once per round trip (the first ACK beyond the
/// sequence sent at the last update). The sender paces at W / T and keeps at
/// most W bytes in flight. T is the path's base RTT. A sample whose hops are
/// not the previous sample's (packet spraying changes paths) only replaces
/// the previous record: HPCC assumes one path per flow.
///
/// DCQCN (Zhu et al., SIGCOMM 2015) on each CNP: target = rate,
/// rate *= 1 - alpha/2, alpha = (1-g) alpha + g. Without CNPs alpha decays by
/// (1-g) per alpha interval (applied lazily when next needed) and every
/// increase interval the rate moves half-way to the target: 5 fast-recovery
/// steps, then the target grows by the additive increase each step. The
/// byte-counter trigger of the paper is not modelled (timer only). The sender
/// paces at the current rate when it is below the port's rate (a flow into or
/// out of a switch that reduces below line rate starts there).
class TransportFlow {
 public:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  /// Whether the sender can send now.
  enum class Ready { Now, Later, Blocked, Done };

  /// What the receiver does with one data segment.
  struct RxResult {
    std::uint32_t newBytes = 0;  ///< bytes delivered for the first time
    bool ack = false;
    bool nack = false;
    std::uint32_t nackFirst = 0;
    std::uint32_t nackLast = 0;
    bool duplicate = false;      ///< the segment had arrived before (echoed as a DSACK)
    bool complete = false;       ///< this segment completed the transfer
  };

  void init(std::uint32_t id, topology::NodeId src, topology::NodeId dst, const FlowParams& params);

  std::uint32_t id() const { return id_; }
  topology::NodeId src() const { return src_; }
  topology::NodeId dst() const { return dst_; }
  std::uint32_t segments() const { return segments_; }
  std::uint32_t payloadOf(std::uint32_t seq) const { return seq + 1 == segments_ ? lastPayload_ : p_.mtu; }
  const FlowParams& params() const { return p_; }

  // ---- sender ----
  Ready ready(std::int64_t now, std::int64_t& when) const;
  /// Next segment to send (retransmissions first); kNone when nothing is
  /// sendable. Sets @p retransmission.
  std::uint32_t takeSegment(std::int64_t now, bool& retransmission);
  /// Paces the next send after a frame of @p wireBytes started at @p startPs.
  void paceAfter(std::int64_t startPs, std::uint32_t wireBytes);
  /// Cumulative ACK with the SACK of @p sack (a DSACK when @p duplicate);
  /// returns true when una advanced. Selective repeat also runs RACK here.
  bool onAck(std::int64_t now, std::uint32_t cumulative, std::uint32_t sack, bool duplicate = false);
  /// Go-back-N's NACK of hole [first, last]; returns true when una advanced.
  bool onNack(std::int64_t now, std::uint32_t cumulative, std::uint32_t first, std::uint32_t last,
              std::uint32_t sack);
  /// Retransmission timer fired at its deadline; returns true when it queued resends.
  bool onTimeout(std::int64_t now);
  /// RACK's reordering timer fired; returns true when it found losses.
  bool onLossTimer(std::int64_t now);
  std::int64_t rtoDeadline() const { return rtoDeadline_; }
  /// When RACK would next declare a segment lost; max() when none waits.
  std::int64_t lossDeadline() const { return lossDeadline_; }
  /// The earlier of the two timers.
  std::int64_t timerDeadline() const { return std::min(rtoDeadline_, lossDeadline_); }
  const RttEstimator& rtt() const { return rtt_; }
  /// RACK's reordering window now.
  std::int64_t reorderWindowPs() const;
  void onCnp(std::int64_t now);
  /// HPCC: an ACK with cumulative @p cumulative brought @p telemetry.
  /// @p hopRateBps: the link rate of each hop of @p telemetry, in order.
  void onTelemetry(const IntStack& telemetry, std::uint32_t cumulative, const double* hopRateBps);
  /// HPCC's window in bytes (0 before the first ACK: line rate x T).
  double hpccWindowBytes() const { return window_; }
  /// Rate-increase timer; returns the next time it is needed or -1.
  std::int64_t onIncreaseTimer(std::int64_t now);
  std::int64_t nextIncreasePs() const { return nextIncreaseAt_; }
  bool senderDone() const { return una_ >= segments_; }
  bool hasWork() const;
  std::uint32_t acknowledged() const { return una_; }  ///< segments cumulatively acknowledged
  std::uint32_t highestSent() const { return highest_; }
  double rateBps() const { return rate_; }
  std::uint64_t packets() const { return packets_; }
  std::uint64_t retransmissions() const { return retransmissions_; }
  std::uint64_t timeouts() const { return timeouts_; }
  /// Retransmissions a DSACK showed were not needed.
  std::uint64_t spuriousRetransmissions() const { return spurious_; }

  // ---- receiver ----
  RxResult onData(std::uint32_t seq, std::uint32_t payload);
  /// True (and remembers now) when a CE mark may be echoed as a CNP.
  bool cnpDue(std::int64_t now);
  std::uint32_t expected() const { return expected_; }
  std::int64_t delivered() const { return delivered_; }
  bool receiverDone() const { return delivered_ >= p_.size; }

  // ---- runtime owned by NicTransport (ports and timers) ----
  std::uint32_t port = kNone;     ///< index of the sending NIC port at src
  std::uint32_t ackDir = kNone;   ///< link direction ACKs leave dst by
  bool inRing = false;            ///< listed in its port's round-robin
  bool noRoute = false;
  LazyTimer rtoTimer;             ///< the retransmission timeout
  LazyTimer lossTimer;            ///< RACK's reordering timer
  bool dcqcnPending = false;
  ns3::Ptr<ns3::EventImpl> dcqcnEvent;

 private:
  static bool test(const std::vector<std::uint64_t>& bits, std::uint32_t i) { return (bits[i >> 6] >> (i & 63)) & 1u; }
  static void set(std::vector<std::uint64_t>& bits, std::uint32_t i) { bits[i >> 6] |= std::uint64_t{1} << (i & 63); }
  static void clear(std::vector<std::uint64_t>& bits, std::uint32_t i) {
    bits[i >> 6] &= ~(std::uint64_t{1} << (i & 63));
  }
  /// A send record of RACK: segment and when it left.
  struct Sent {
    std::uint32_t seq;
    std::int64_t at;
  };
  std::int64_t& sentAt(std::uint32_t seq) { return sentAt_[seq % sentAt_.size()]; }
  void noteSent(std::uint32_t seq, std::int64_t now, bool retransmission);
  /// RTT sample, DSACK and RACK bookkeeping for the delivery of @p seq.
  void noteDelivered(std::int64_t now, std::uint32_t seq, bool duplicate);
  /// RACK: queue every segment now deemed lost; sets lossDeadline_.
  bool detectLosses(std::int64_t now);
  void queueResend(std::uint32_t seq);
  void decayAlpha(std::int64_t now);

  std::uint32_t id_ = 0;
  topology::NodeId src_ = topology::kNoNode;
  topology::NodeId dst_ = topology::kNoNode;
  FlowParams p_;
  std::uint32_t segments_ = 0;
  std::uint32_t lastPayload_ = 0;

  // sender
  std::uint32_t una_ = 0;      ///< lowest segment not cumulatively acknowledged
  std::uint32_t next_ = 0;     ///< next segment in sequence order
  std::uint32_t highest_ = 0;  ///< one past the highest segment ever sent
  Ring<std::uint32_t> resend_;
  std::vector<std::uint64_t> resendQueued_;
  std::vector<std::uint64_t> sacked_;
  std::vector<std::uint64_t> resent_;  ///< sent more than once (Karn: no RTT sample)
  std::vector<std::int64_t> sentAt_;   ///< last send time, by seq modulo the window
  Ring<Sent> sendLog_;                 ///< selective repeat: sends in time order, for RACK
  RttEstimator rtt_;
  std::int64_t rackSentAt_ = -1;       ///< send time of the most recently sent delivered segment
  std::uint32_t rackSeq_ = 0;
  std::int64_t rackRttPs_ = 0;
  int reorderMultiple_ = 1;
  std::int64_t lossDeadline_ = std::numeric_limits<std::int64_t>::max();
  std::int64_t rtoDeadline_ = 0;
  std::int64_t nextSendAt_ = 0;
  double rate_ = 0.0;
  double target_ = 0.0;
  double alpha_ = 1.0;
  std::int64_t alphaStamp_ = 0;
  std::int64_t nextIncreaseAt_ = 0;
  int increaseStage_ = 0;
  std::uint64_t packets_ = 0;
  std::uint64_t retransmissions_ = 0;
  std::uint64_t timeouts_ = 0;
  std::uint64_t spurious_ = 0;
  // HPCC
  IntStack lastTelemetry_;
  double utilization_ = 0.0;  ///< U, smoothed
  double window_ = 0.0;       ///< W, bytes
  double referenceWindow_ = 0.0;  ///< Wc, bytes
  int stage_ = 0;             ///< incStage
  std::uint32_t lastUpdateSeq_ = 0;
  std::uint32_t windowLimit_ = std::numeric_limits<std::uint32_t>::max();  ///< segments W allows in flight

  // receiver
  std::uint32_t expected_ = 0;
  std::uint32_t sinceAck_ = 0;
  std::uint32_t lastNack_ = kNone;
  std::vector<std::uint64_t> received_;
  std::int64_t delivered_ = 0;
  std::int64_t lastCnp_ = std::numeric_limits<std::int64_t>::min() / 2;
};

}  // namespace ofe::core
