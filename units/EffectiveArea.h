#pragma once
/// @file EffectiveArea.h
/// @brief A fibre's effective core area in square micrometres.

#include <string>
#include <string_view>

#include "units/Formattable.h"

namespace ofe {

/// Effective area A_eff of the fibre mode. Parsed from "83um2", "125 um^2", "8.3e-11m2".
class EffectiveArea {
 public:
  constexpr EffectiveArea() = default;
  static constexpr EffectiveArea squareMicrometres(double v) { return EffectiveArea(v); }
  /// @throws UnitError when not positive or malformed.
  static EffectiveArea parse(std::string_view text);

  constexpr double squareMicrometresValue() const { return value_; }
  std::string toString() const;

  constexpr bool operator==(EffectiveArea o) const { return value_ == o.value_; }
  constexpr bool operator<(EffectiveArea o) const { return value_ < o.value_; }

 private:
  constexpr explicit EffectiveArea(double v) : value_(v) {}
  double value_ = 0.0;  ///< in um2
};

OFE_STREAM_VIA_TO_STRING(EffectiveArea)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::EffectiveArea);
