#pragma once
/// @file PowerLevel.h
/// @brief An absolute optical power in dBm (launch power, receiver sensitivity).

#include <string>
#include <string_view>

#include "units/Decibel.h"
#include "units/Formattable.h"

namespace ofe {

/// Optical power relative to 1 mW, e.g. "-3dBm". Level - level = Decibel; level - loss = level.
class PowerLevel {
 public:
  constexpr PowerLevel() = default;
  static constexpr PowerLevel dbm(double v) { return PowerLevel(v); }
  /// Parses "-3dBm". @throws UnitError on anything else.
  static PowerLevel parse(std::string_view text);

  constexpr double dbmValue() const { return dbm_; }
  double milliwatts() const;
  std::string toString() const;

  constexpr PowerLevel operator-(Decibel loss) const { return PowerLevel(dbm_ - loss.db()); }
  constexpr PowerLevel operator+(Decibel gain) const { return PowerLevel(dbm_ + gain.db()); }
  constexpr Decibel operator-(PowerLevel o) const { return Decibel(dbm_ - o.dbm_); }
  constexpr bool operator<(PowerLevel o) const { return dbm_ < o.dbm_; }
  constexpr bool operator>=(PowerLevel o) const { return dbm_ >= o.dbm_; }

 private:
  constexpr explicit PowerLevel(double v) : dbm_(v) {}
  double dbm_ = 0.0;
};

OFE_STREAM_VIA_TO_STRING(PowerLevel)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::PowerLevel);
