#pragma once
/// @file RttEstimator.h
/// @brief Smoothed round-trip time and retransmission timeout of one flow (RFC 6298).

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>

namespace ofe::core {

/// RFC 6298 ("Computing TCP's Retransmission Timer", Paxson et al., 2011,
/// https://www.rfc-editor.org/rfc/rfc6298):
///  - first sample R: SRTT = R, RTTVAR = R/2;
///  - later samples:  RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R|, SRTT = 7/8 SRTT + 1/8 R;
///  - RTO = max(floor, SRTT + 4 RTTVAR), doubled on each timeout (section
///    5.5) and reset to the estimate by the next sample.
/// The RFC's clock granularity G is one picosecond here, so it never
/// dominates 4 RTTVAR. Its floor of 1 s is for the Internet; the caller
/// passes a floor that covers the worst queueing of the fabric path instead.
/// Doubling stops after kMaxBackoffShift timeouts in a row (the RFC allows
/// any maximum of at least 60 s), so a flow that lost several retransmissions
/// in a row still retries within a bounded time. Karn's rule (no sample from a
/// retransmitted segment) is the caller's.
/// The minimum sample is kept too: RACK sizes its reordering window from it.
class RttEstimator {
 public:
  static constexpr int kMaxBackoffShift = 3;

  explicit RttEstimator(std::int64_t floorPs = 0) : floorPs_(floorPs) {}

  void sample(std::int64_t rttPs) {
    if (srttPs_ < 0) {
      srttPs_ = rttPs;
      rttvarPs_ = rttPs / 2;
    } else {
      rttvarPs_ = (3 * rttvarPs_ + std::llabs(srttPs_ - rttPs)) / 4;
      srttPs_ = (7 * srttPs_ + rttPs) / 8;
    }
    minRttPs_ = std::min(minRttPs_, rttPs);
    backoff_ = 0;
  }

  void backOff() { backoff_ = std::min(backoff_ + 1, kMaxBackoffShift); }

  /// The timeout to arm now.
  std::int64_t rtoPs() const {
    const std::int64_t estimate = srttPs_ < 0 ? 0 : srttPs_ + 4 * rttvarPs_;
    return std::max(floorPs_, estimate) << backoff_;
  }

  bool hasSample() const { return srttPs_ >= 0; }
  std::int64_t srttPs() const { return srttPs_; }
  std::int64_t rttvarPs() const { return rttvarPs_; }
  /// Smallest sample so far; max() before the first.
  std::int64_t minRttPs() const { return minRttPs_; }
  std::int64_t floorPs() const { return floorPs_; }

 private:
  std::int64_t floorPs_;
  std::int64_t srttPs_ = -1;
  std::int64_t rttvarPs_ = 0;
  std::int64_t minRttPs_ = std::numeric_limits<std::int64_t>::max();
  int backoff_ = 0;
};

}  // namespace ofe::core
