#pragma once
/// @file ProgressLine.h
/// @brief The one-line progress text of `ofe run` on a terminal, from plain numbers.

#include <cstddef>
#include <optional>
#include <string>

#include "units/Duration.h"

namespace ofe::analysis {

/// "simulated 1.234 ms | collectives 7/19 (37%) | 2.35 M events/s | ETA 0:12".
/// @p eventsPerSecond and @p eta are wall-clock figures: they go to the
/// terminal only, never into a report file. No @p eta (or no collective
/// done yet) prints "ETA --"; a negative rate "-- events/s".
std::string progressLine(Duration simulated, std::size_t collectivesDone,
                         std::size_t collectivesTotal, double eventsPerSecond,
                         std::optional<Duration> eta);

/// Remaining wall time if the remaining collectives go as fast as the done
/// ones: elapsed x (total - done) / done; none while nothing is done.
std::optional<Duration> progressEta(Duration elapsed, std::size_t collectivesDone,
                                    std::size_t collectivesTotal);

}  // namespace ofe::analysis
