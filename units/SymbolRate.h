#pragma once
/// @file SymbolRate.h
/// @brief A modulation symbol rate in baud (a coherent module's 32GBd or 60.14GBd).

#include <string>
#include <string_view>

#include "units/Formattable.h"

namespace ofe {

/// Symbols per second. Parsed from "32GBd", "60.14GBd", "130 GBd".
class SymbolRate {
 public:
  constexpr SymbolRate() = default;
  static constexpr SymbolRate baud(double v) { return SymbolRate(v); }
  /// @throws UnitError when not positive or malformed.
  static SymbolRate parse(std::string_view text);

  constexpr double baudValue() const { return value_; }
  constexpr double gigabaudValue() const { return value_ / 1e9; }
  std::string toString() const;

  constexpr bool operator==(SymbolRate o) const { return value_ == o.value_; }
  constexpr bool operator<(SymbolRate o) const { return value_ < o.value_; }

 private:
  constexpr explicit SymbolRate(double v) : value_(v) {}
  double value_ = 0.0;  ///< in Bd
};

OFE_STREAM_VIA_TO_STRING(SymbolRate)

}  // namespace ofe

OFE_FORMAT_VIA_TO_STRING(ofe::SymbolRate);
