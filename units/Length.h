#pragma once
/// @file Length.h
/// @brief A distance in integer millimetres (fibre runs from 1 m to 20,000 km).

#include <cstdint>
#include <string>
#include <string_view>

#include "units/Formattable.h"

namespace ofe {

/// A non-negative length in whole millimetres. Parsed from "500m", "80km", "3.5m", "12,800km".
class Length {
 public:
  constexpr Length() = default;
  static constexpr Length millimetres(std::int64_t mm) { return Length(mm); }
  static constexpr Length metres(std::int64_t m) { return Length(m * 1'000); }
  static constexpr Length kilometres(std::int64_t km) { return Length(km * 1'000'000); }
  /// @throws UnitError on malformed or negative lengths.
  static Length parse(std::string_view text);

  constexpr std::int64_t mm() const { return mm_; }
  constexpr double metresValue() const { return static_cast<double>(mm_) * 1e-3; }
  constexpr double kilometresValue() const { return static_cast<double>(mm_) * 1e-6; }
  /// "80 km", "500 m", "0.5 m".
  std::string toString() const;

  constexpr Length operator+(Length o) const { return Length(mm_ + o.mm_); }
  constexpr Length operator-(Length o) const { return Length(mm_ - o.mm_); }
  constexpr Length operator*(std::int64_t k) const { return Length(mm_ * k); }
  constexpr Length& operator+=(Length o) { mm_ += o.mm_; return *this; }
  constexpr bool operator==(Length o) const { return mm_ == o.mm_; }
  constexpr bool operator!=(Length o) const { return mm_ != o.mm_; }
  constexpr bool operator<(Length o) const { return mm_ < o.mm_; }
  constexpr bool operator<=(Length o) const { return mm_ <= o.mm_; }
  constexpr bool operator>(Length o) const { return mm_ > o.mm_; }
  constexpr bool operator>=(Length o) const { return mm_ >= o.mm_; }

 private:
  constexpr explicit Length(std::int64_t mm) : mm_(mm) {}
  std::int64_t mm_ = 0;
};

OFE_STREAM_VIA_TO_STRING(Length)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::Length);
