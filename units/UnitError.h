#pragma once
/// @file UnitError.h
/// @brief Error raised when a quantity string cannot be parsed or is out of range.

#include <stdexcept>
#include <string>

namespace ofe {

/// Thrown by the unit parsers; the message names the offending text and what was expected.
class UnitError : public std::invalid_argument {
 public:
  explicit UnitError(const std::string& message) : std::invalid_argument(message) {}
};

}  // namespace ofe
