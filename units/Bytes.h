#pragma once
/// @file Bytes.h
/// @brief An amount of data in whole bytes.

#include <cstdint>
#include <string>
#include <string_view>

#include "units/Formattable.h"

namespace ofe {

/// A non-negative byte count. Parsed from "1500B", "4KiB", "256MiB", "1GB"
/// (KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB powers of 1024).
class Bytes {
 public:
  constexpr Bytes() = default;
  constexpr explicit Bytes(std::int64_t count) : count_(count) {}
  /// @throws UnitError on a malformed, negative or fractional byte count.
  static Bytes parse(std::string_view text);

  constexpr std::int64_t count() const { return count_; }
  constexpr std::int64_t bits() const { return count_ * 8; }
  /// Binary prefixes when exact ("256 MiB"), otherwise plain bytes ("1500 B").
  std::string toString() const;

  constexpr Bytes operator+(Bytes o) const { return Bytes(count_ + o.count_); }
  constexpr Bytes operator-(Bytes o) const { return Bytes(count_ - o.count_); }
  constexpr Bytes operator*(std::int64_t k) const { return Bytes(count_ * k); }
  constexpr Bytes& operator+=(Bytes o) { count_ += o.count_; return *this; }
  constexpr Bytes& operator-=(Bytes o) { count_ -= o.count_; return *this; }
  constexpr bool operator==(Bytes o) const { return count_ == o.count_; }
  constexpr bool operator!=(Bytes o) const { return count_ != o.count_; }
  constexpr bool operator<(Bytes o) const { return count_ < o.count_; }
  constexpr bool operator<=(Bytes o) const { return count_ <= o.count_; }
  constexpr bool operator>(Bytes o) const { return count_ > o.count_; }
  constexpr bool operator>=(Bytes o) const { return count_ >= o.count_; }

 private:
  std::int64_t count_ = 0;
};

OFE_STREAM_VIA_TO_STRING(Bytes)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::Bytes);
