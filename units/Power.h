#pragma once
/// @file Power.h
/// @brief Electrical power in watts (modules, switches, GPUs).

#include <string>
#include <string_view>

#include "units/Duration.h"
#include "units/Energy.h"
#include "units/Formattable.h"

namespace ofe {

/// Power held in watts. Parsed from "15W", "900mW", "1.5kW", "20MW".
class Power {
 public:
  constexpr Power() = default;
  static constexpr Power watts(double w) { return Power(w); }
  /// @throws UnitError when negative or malformed.
  static Power parse(std::string_view text);

  constexpr double wattsValue() const { return watts_; }
  /// Energy drawn at this power over @p d.
  Energy over(Duration d) const { return Energy::joules(watts_ * d.seconds()); }
  std::string toString() const;

  constexpr Power operator+(Power o) const { return Power(watts_ + o.watts_); }
  constexpr Power& operator+=(Power o) { watts_ += o.watts_; return *this; }
  constexpr Power operator*(double k) const { return Power(watts_ * k); }
  constexpr bool operator<(Power o) const { return watts_ < o.watts_; }
  constexpr bool operator==(Power o) const { return watts_ == o.watts_; }

 private:
  constexpr explicit Power(double w) : watts_(w) {}
  double watts_ = 0.0;
};

OFE_STREAM_VIA_TO_STRING(Power)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::Power);
