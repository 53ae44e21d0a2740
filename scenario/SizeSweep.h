#pragma once
/// @file SizeSweep.h
/// @brief nccl-tests-style message sizes: "1KiB..256MiB" doubles from the first to the last.

#include <string>
#include <string_view>
#include <vector>

#include "units/Bytes.h"

namespace ofe::scenario {

/// A doubling sweep of message sizes, like nccl-tests `-b 1K -e 256M -f 2`.
struct SizeSweep {
  Bytes min;
  Bytes max;

  /// Parses "<bytes>..<bytes>", e.g. "1KiB..256MiB".
  /// @throws std::invalid_argument (UnitError for a malformed size) when the
  ///         text has no "..", a bound is zero, or min > max.
  static SizeSweep parse(std::string_view text);
  /// "1 KiB..256 MiB".
  std::string toString() const;
  /// min, 2 min, 4 min, ... up to and including max when max = min x 2^k;
  /// otherwise the last size is the largest doubling below max.
  std::vector<Bytes> sizes() const;
};

}  // namespace ofe::scenario
