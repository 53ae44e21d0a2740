#pragma once
/// @file Formattable.h
/// @brief Lets fmt print any unit type through its toString().

#include <fmt/format.h>

#include <ostream>
#include <string_view>

/// Declares fmt::formatter<T> for a type with `std::string toString() const`.
#define OFE_FORMAT_VIA_TO_STRING(T)                                              \
  template <>                                                                    \
  struct fmt::formatter<T> : fmt::formatter<std::string_view> {                  \
    template <typename Context>                                                  \
    auto format(const T& value, Context& ctx) const {                            \
      return fmt::formatter<std::string_view>::format(value.toString(), ctx);    \
    }                                                                            \
  }

/// Declares `operator<<` for a unit type (inside its namespace, so gtest and
/// iostreams find it by argument-dependent lookup).
#define OFE_STREAM_VIA_TO_STRING(T)                                   \
  inline std::ostream& operator<<(std::ostream& os, const T& value) { \
    return os << value.toString();                                    \
  }
