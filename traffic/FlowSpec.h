#pragma once
/// @file FlowSpec.h
/// @brief A traffic-matrix job: point-to-point flows by pattern or by list.

#include <cstdint>
#include <string>
#include <vector>

#include "units/Bytes.h"
#include "units/Duration.h"

namespace ofe::traffic {

/// Who sends to whom, over the job's ranks (GPUs in placement order).
enum class FlowPattern {
  Permutation,    ///< every rank sends one flow to a distinct other rank (a seeded random derangement)
  Incast,         ///< every rank but `target` sends one flow to `target`
  AllToAll,       ///< every rank sends one flow to every other rank
  UniformRandom,  ///< `count` flows, source and destination (distinct) drawn uniformly
  List,           ///< exactly the flows of `list`
};

/// One flow of a `list`, between two named GPUs.
struct FlowEntry {
  std::string src;
  std::string dst;
  Bytes size = Bytes(1 << 20);
  Duration start;  ///< after the job's start
};

/// One point of a flow-size CDF: P(size <= bytes) = probability.
struct SizeCdfPoint {
  double bytes = 0.0;
  double probability = 0.0;
};

/// The flows of a job. Sizes are `size`, or drawn from `sizeCdf` when it is
/// given (read from the CSV file `sizeCdfFile`). Flows start at the job's
/// start, or with `meanInterval` > 0 as a Poisson process of that mean gap
/// (in the order the pattern lists them).
struct FlowsSpec {
  FlowPattern pattern = FlowPattern::Permutation;
  Bytes size = Bytes(1 << 20);
  std::string sizeCdfFile;            ///< as written in the scenario
  std::vector<SizeCdfPoint> sizeCdf;  ///< its points, increasing in both columns, last probability 1
  std::uint64_t seed = 1;             ///< pattern, sizes and arrivals
  int count = 0;                      ///< uniform-random: flows; 0 = one per rank
  int target = 0;                     ///< incast: the receiving rank
  Duration meanInterval;              ///< mean gap between flow starts; 0 = all at once
  std::vector<FlowEntry> list;        ///< pattern List
};

}  // namespace ofe::traffic
