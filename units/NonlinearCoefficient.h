#pragma once
/// @file NonlinearCoefficient.h
/// @brief A fibre's Kerr nonlinear coefficient gamma in 1/(W km).

#include <string>
#include <string_view>

#include "units/Formattable.h"

namespace ofe {

/// gamma = 2 pi n2 / (lambda A_eff). Parsed from "1.27/W/km", "1.27 1/(W*km)", "0.00127/W/m".
class NonlinearCoefficient {
 public:
  constexpr NonlinearCoefficient() = default;
  static constexpr NonlinearCoefficient perWattKm(double v) { return NonlinearCoefficient(v); }
  /// @throws UnitError when negative or malformed.
  static NonlinearCoefficient parse(std::string_view text);

  constexpr double perWattKmValue() const { return value_; }
  std::string toString() const;

  constexpr bool operator==(NonlinearCoefficient o) const { return value_ == o.value_; }
  constexpr bool operator<(NonlinearCoefficient o) const { return value_ < o.value_; }

 private:
  constexpr explicit NonlinearCoefficient(double v) : value_(v) {}
  double value_ = 0.0;  ///< in /W/km
};

OFE_STREAM_VIA_TO_STRING(NonlinearCoefficient)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::NonlinearCoefficient);
