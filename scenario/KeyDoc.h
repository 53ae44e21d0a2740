#pragma once
/// @file KeyDoc.h
/// @brief What the reference says about one scenario key.

#include <string>

namespace ofe::scenario {

/// Documentation of one declared key.
struct KeyDoc {
  std::string key;          ///< snake_case key, e.g. "host_length"
  std::string type;         ///< "length", "integer", "enum: ring, direct", "list of ...", "map"
  std::string defaultText;  ///< value a missing key takes, as it would be written; "" when none
  std::string doc;          ///< one or two sentences
  bool required = false;
};

}  // namespace ofe::scenario
