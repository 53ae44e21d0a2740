#pragma once
/// @file SeededDraw.h
/// @brief Platform-independent draws from a seeded std::mt19937_64.

#include <cstdint>
#include <limits>
#include <random>

namespace ofe::traffic {

/// Uniform integer in [0, bound) from raw engine output. The rejection keeps
/// it unbiased and, unlike std::uniform_int_distribution (whose algorithm the
/// standard leaves to each library), identical on every platform, so a seed
/// gives the same placement and traffic everywhere.
inline std::uint64_t drawBelow(std::mt19937_64& rng, std::uint64_t bound) {
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t limit = max - max % bound;
  std::uint64_t x = rng();
  while (x >= limit) x = rng();
  return x % bound;
}

/// Uniform double in [0, 1) from the top 53 bits of one draw.
inline double drawUnit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

}  // namespace ofe::traffic
