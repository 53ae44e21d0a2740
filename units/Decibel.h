#pragma once
/// @file Decibel.h
/// @brief A power ratio in decibels (loss, gain, margin).

#include <string>
#include <string_view>

#include "units/Formattable.h"

namespace ofe {

/// A ratio in dB; may be negative (a margin below zero is a failed link budget).
class Decibel {
 public:
  constexpr Decibel() = default;
  constexpr explicit Decibel(double db) : db_(db) {}
  /// Parses "4.5dB". @throws UnitError on anything else.
  static Decibel parse(std::string_view text);

  constexpr double db() const { return db_; }
  /// Linear power ratio 10^(dB/10).
  double linear() const;
  std::string toString() const;

  constexpr Decibel operator+(Decibel o) const { return Decibel(db_ + o.db_); }
  constexpr Decibel operator-(Decibel o) const { return Decibel(db_ - o.db_); }
  constexpr Decibel operator*(double k) const { return Decibel(db_ * k); }
  constexpr Decibel& operator+=(Decibel o) { db_ += o.db_; return *this; }
  constexpr bool operator<(Decibel o) const { return db_ < o.db_; }
  constexpr bool operator<=(Decibel o) const { return db_ <= o.db_; }
  constexpr bool operator>(Decibel o) const { return db_ > o.db_; }
  constexpr bool operator>=(Decibel o) const { return db_ >= o.db_; }
  constexpr bool operator==(Decibel o) const { return db_ == o.db_; }

 private:
  double db_ = 0.0;
};

OFE_STREAM_VIA_TO_STRING(Decibel)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::Decibel);
