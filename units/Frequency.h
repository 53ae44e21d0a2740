#pragma once
/// @file Frequency.h
/// @brief An optical frequency or bandwidth in hertz (channel centre, grid spacing, band edge).

#include <string>
#include <string_view>

#include "units/Formattable.h"

namespace ofe {

/// A frequency in Hz. Parsed from "50GHz", "193.4THz", "12.5 GHz".
class Frequency {
 public:
  constexpr Frequency() = default;
  static constexpr Frequency hertz(double v) { return Frequency(v); }
  /// @throws UnitError when not positive or malformed.
  static Frequency parse(std::string_view text);

  constexpr double hertzValue() const { return value_; }
  constexpr double gigahertzValue() const { return value_ / 1e9; }
  constexpr double terahertzValue() const { return value_ / 1e12; }
  /// "193.4 THz" from 1 THz up, "50 GHz" below.
  std::string toString() const;

  constexpr bool operator==(Frequency o) const { return value_ == o.value_; }
  constexpr bool operator<(Frequency o) const { return value_ < o.value_; }

 private:
  constexpr explicit Frequency(double v) : value_(v) {}
  double value_ = 0.0;  ///< in Hz
};

OFE_STREAM_VIA_TO_STRING(Frequency)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::Frequency);
