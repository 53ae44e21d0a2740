#pragma once
/// @file Dispersion.h
/// @brief A fibre's chromatic-dispersion coefficient in ps/(nm km).

#include <string>
#include <string_view>

#include "units/Formattable.h"

namespace ofe {

/// Chromatic dispersion D per wavelength and length. Parsed from "16.7ps/nm/km" (also "ps/(nm*km)").
class Dispersion {
 public:
  constexpr Dispersion() = default;
  static constexpr Dispersion psPerNmKm(double v) { return Dispersion(v); }
  /// @throws UnitError when negative or malformed.
  static Dispersion parse(std::string_view text);

  constexpr double psPerNmKmValue() const { return value_; }
  std::string toString() const;

  constexpr bool operator==(Dispersion o) const { return value_ == o.value_; }
  constexpr bool operator<(Dispersion o) const { return value_ < o.value_; }

 private:
  constexpr explicit Dispersion(double v) : value_(v) {}
  double value_ = 0.0;  ///< in ps/nm/km
};

OFE_STREAM_VIA_TO_STRING(Dispersion)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::Dispersion);
