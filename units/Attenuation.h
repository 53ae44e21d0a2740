#pragma once
/// @file Attenuation.h
/// @brief Fibre loss per unit length in dB/km.

#include <string>
#include <string_view>

#include "units/Decibel.h"
#include "units/Formattable.h"
#include "units/Length.h"

namespace ofe {

/// Loss coefficient of a fibre, e.g. "0.2dB/km" (SMF at 1550 nm) or "0.4dB/km" (1310 nm).
class Attenuation {
 public:
  constexpr Attenuation() = default;
  static constexpr Attenuation dbPerKm(double v) { return Attenuation(v); }
  /// Parses "0.2dB/km" or "0.0002dB/m". @throws UnitError when negative or malformed.
  static Attenuation parse(std::string_view text);

  constexpr double dbPerKmValue() const { return dbPerKm_; }
  /// Total loss over @p length.
  Decibel over(Length length) const { return Decibel(dbPerKm_ * length.kilometresValue()); }
  std::string toString() const;

 private:
  constexpr explicit Attenuation(double v) : dbPerKm_(v) {}
  double dbPerKm_ = 0.0;
};

OFE_STREAM_VIA_TO_STRING(Attenuation)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::Attenuation);
