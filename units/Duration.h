#pragma once
/// @file Duration.h
/// @brief Time span in integer picoseconds (the simulator's time base).

#include <cstdint>
#include <string>
#include <string_view>

#include "units/Formattable.h"

namespace ofe {

/// A time span held as an integer number of picoseconds, so sums of link
/// latencies stay exact. Parsed from "20us", "1.5ms", "500ns", "3ps", "2s".
class Duration {
 public:
  constexpr Duration() = default;

  static constexpr Duration picoseconds(std::int64_t ps) { return Duration(ps); }
  static constexpr Duration nanoseconds(std::int64_t ns) { return Duration(ns * 1'000); }
  static constexpr Duration microseconds(std::int64_t us) { return Duration(us * 1'000'000); }
  static constexpr Duration milliseconds(std::int64_t ms) { return Duration(ms * 1'000'000'000); }
  /// Rounds to the nearest picosecond.
  static Duration fromSeconds(double seconds);
  /// Parses "<number><unit>" with unit ps, ns, us, ms or s; negative values are errors.
  static Duration parse(std::string_view text);

  constexpr std::int64_t ps() const { return ps_; }
  constexpr double seconds() const { return static_cast<double>(ps_) * 1e-12; }
  /// Shortest exact-enough form with an SI prefix, e.g. "62.678 ms", "30 ns".
  std::string toString() const;

  constexpr Duration operator+(Duration o) const { return Duration(ps_ + o.ps_); }
  constexpr Duration operator-(Duration o) const { return Duration(ps_ - o.ps_); }
  constexpr Duration operator*(std::int64_t k) const { return Duration(ps_ * k); }
  constexpr Duration& operator+=(Duration o) { ps_ += o.ps_; return *this; }
  constexpr Duration& operator-=(Duration o) { ps_ -= o.ps_; return *this; }
  constexpr bool operator==(Duration o) const { return ps_ == o.ps_; }
  constexpr bool operator!=(Duration o) const { return ps_ != o.ps_; }
  constexpr bool operator<(Duration o) const { return ps_ < o.ps_; }
  constexpr bool operator<=(Duration o) const { return ps_ <= o.ps_; }
  constexpr bool operator>(Duration o) const { return ps_ > o.ps_; }
  constexpr bool operator>=(Duration o) const { return ps_ >= o.ps_; }

 private:
  constexpr explicit Duration(std::int64_t ps) : ps_(ps) {}
  std::int64_t ps_ = 0;
};

OFE_STREAM_VIA_TO_STRING(Duration)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::Duration);
