#pragma once
/// @file FrameErrorRate.h
/// @brief Probability that a frame carries at least one bit error.

#include <cmath>
#include <cstdint>

namespace ofe::models {

/// 1 - (1 - ber)^bits, computed without cancellation for tiny @p ber: the
/// share of frames of @p bits the FCS rejects when post-FEC errors are
/// independent. Post-FEC errors come in bursts (a failed FEC block), so for
/// the same BER this overstates frame loss; it is the conservative reading.
inline double frameErrorRate(double ber, std::int64_t bits) {
  if (ber <= 0.0) return 0.0;
  if (ber >= 1.0) return 1.0;
  return -std::expm1(static_cast<double>(bits) * std::log1p(-ber));
}

}  // namespace ofe::models
