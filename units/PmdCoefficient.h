#pragma once
/// @file PmdCoefficient.h
/// @brief A fibre's polarisation-mode-dispersion coefficient in ps/sqrt(km).

#include <string>
#include <string_view>

#include "units/Formattable.h"

namespace ofe {

/// PMD grows with the square root of length. Parsed from "0.04ps/sqrt(km)" or "0.04ps/km^0.5".
class PmdCoefficient {
 public:
  constexpr PmdCoefficient() = default;
  static constexpr PmdCoefficient psPerSqrtKm(double v) { return PmdCoefficient(v); }
  /// @throws UnitError when negative or malformed.
  static PmdCoefficient parse(std::string_view text);

  constexpr double psPerSqrtKmValue() const { return value_; }
  std::string toString() const;

  constexpr bool operator==(PmdCoefficient o) const { return value_ == o.value_; }
  constexpr bool operator<(PmdCoefficient o) const { return value_ < o.value_; }

 private:
  constexpr explicit PmdCoefficient(double v) : value_(v) {}
  double value_ = 0.0;  ///< in ps/sqrt(km)
};

OFE_STREAM_VIA_TO_STRING(PmdCoefficient)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::PmdCoefficient);
