#pragma once
/// @file DataRate.h
/// @brief A bit rate in integer bits per second.

#include <cstdint>
#include <string>
#include <string_view>

#include "units/Bytes.h"
#include "units/Duration.h"
#include "units/Formattable.h"

namespace ofe {

/// A positive bit rate held in whole bits per second (1.6 Tbps fits easily).
/// Parsed from "400Gbps", "1.6Tbps", "100Mb/s", "900GBps" (bytes per second).
class DataRate {
 public:
  constexpr DataRate() = default;
  static constexpr DataRate bitsPerSecond(std::int64_t bps) { return DataRate(bps); }
  static constexpr DataRate gbps(std::int64_t g) { return DataRate(g * 1'000'000'000); }
  /// @throws UnitError on malformed, zero or negative rates.
  static DataRate parse(std::string_view text);

  constexpr std::int64_t bps() const { return bps_; }
  constexpr double gbpsValue() const { return static_cast<double>(bps_) * 1e-9; }
  /// In GB/s as nccl-tests prints it: 1e9 bytes per second.
  constexpr double gigabytesPerSecond() const { return static_cast<double>(bps_) / 8e9; }
  /// Time to clock @p size onto a link at this rate, rounded to the nearest
  /// picosecond (exact 128-bit arithmetic, no floating point).
  Duration transmitTime(Bytes size) const;
  /// Bytes carried in @p d at this rate, rounded down.
  Bytes bytesIn(Duration d) const;
  /// "400 Gbps", "1.6 Tbps".
  std::string toString() const;

  constexpr DataRate operator*(std::int64_t k) const { return DataRate(bps_ * k); }
  constexpr DataRate operator+(DataRate o) const { return DataRate(bps_ + o.bps_); }
  constexpr bool operator==(DataRate o) const { return bps_ == o.bps_; }
  constexpr bool operator!=(DataRate o) const { return bps_ != o.bps_; }
  constexpr bool operator<(DataRate o) const { return bps_ < o.bps_; }
  constexpr bool operator<=(DataRate o) const { return bps_ <= o.bps_; }
  constexpr bool operator>(DataRate o) const { return bps_ > o.bps_; }
  constexpr bool operator>=(DataRate o) const { return bps_ >= o.bps_; }

 private:
  constexpr explicit DataRate(std::int64_t bps) : bps_(bps) {}
  std::int64_t bps_ = 0;
};

OFE_STREAM_VIA_TO_STRING(DataRate)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::DataRate);
