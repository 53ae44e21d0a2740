#pragma once
/// @file Energy.h
/// @brief Energy in joules (converted to kWh for electricity cost).

#include <string>
#include <string_view>

#include "units/Formattable.h"

namespace ofe {

/// Energy held in joules. Parsed from "5J", "3.6MJ", "1kWh", "2Wh".
class Energy {
 public:
  constexpr Energy() = default;
  static constexpr Energy joules(double j) { return Energy(j); }
  /// @throws UnitError when negative or malformed.
  static Energy parse(std::string_view text);

  constexpr double joulesValue() const { return joules_; }
  constexpr double kilowattHours() const { return joules_ / 3.6e6; }
  std::string toString() const;

  constexpr Energy operator+(Energy o) const { return Energy(joules_ + o.joules_); }
  constexpr Energy& operator+=(Energy o) { joules_ += o.joules_; return *this; }
  constexpr Energy operator*(double k) const { return Energy(joules_ * k); }
  constexpr bool operator<(Energy o) const { return joules_ < o.joules_; }

 private:
  constexpr explicit Energy(double j) : joules_(j) {}
  double joules_ = 0.0;
};

OFE_STREAM_VIA_TO_STRING(Energy)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::Energy);
