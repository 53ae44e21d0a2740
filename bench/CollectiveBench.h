#pragma once
// ofe-bench part: a whole collective workload (the built-in default scenario)
// through traffic planning and the packet engine.

#include <cstdint>

#include "bench/BenchPart.h"

namespace ofe::bench {

/// What the workload part measured, beyond BenchPart's counters.
struct WorkloadPart {
  BenchPart run;              ///< the engine run (planning excluded)
  double planSeconds = 0.0;   ///< wall time of buildWorkload
  std::uint64_t transfers = 0;
  double largestBusbwGBps = 0.0;  ///< busbw of the largest size of the first collective
};

/// The built-in default scenario (64-GPU rail pod, NCCL's choice per size),
/// with every collective's sweep cut at @p maxBytes (0: as written). With
/// @p flat every collective runs the first landing's default instead: one
/// flat ring in rank order with adaptive spraying, the "before" of the
/// collectives issue, on the same fabric and engine.
WorkloadPart runDefaultWorkload(std::int64_t maxBytes, bool flat);

}  // namespace ofe::bench
