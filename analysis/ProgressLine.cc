#include "analysis/ProgressLine.h"

#include <algorithm>

#include <fmt/format.h>

#include <cmath>
#include <cstdint>

#include "analysis/ReportDocument.h"

namespace ofe::analysis {

namespace {

std::string rate(double perSecond) {
  if (!(perSecond >= 0.0)) return "-- events/s";
  if (perSecond >= 1e9) return fmt::format("{:.2f} G events/s", perSecond * 1e-9);
  if (perSecond >= 1e6) return fmt::format("{:.2f} M events/s", perSecond * 1e-6);
  if (perSecond >= 1e3) return fmt::format("{:.2f} k events/s", perSecond * 1e-3);
  return fmt::format("{:.0f} events/s", perSecond);
}

std::string eta(std::optional<Duration> remaining) {
  if (!remaining || remaining->ps() < 0) return "ETA --";
  const auto s = static_cast<long long>(std::llround(remaining->seconds()));
  if (s < 3600) return fmt::format("ETA {}:{:02}", s / 60, s % 60);
  return fmt::format("ETA {}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
}

}  // namespace

std::string progressLine(Duration simulated, std::size_t collectivesDone,
                         std::size_t collectivesTotal, double eventsPerSecond,
                         std::optional<Duration> remaining) {
  const double share = collectivesTotal > 0 ? 100.0 * static_cast<double>(collectivesDone) /
                                                  static_cast<double>(collectivesTotal)
                                            : 0.0;
  return fmt::format("simulated {} | collectives {}/{} ({:.0f}%) | {} | {}",
                     readableTime(simulated), collectivesDone, collectivesTotal, share,
                     rate(eventsPerSecond), collectivesDone == 0 ? "ETA --" : eta(remaining));
}

std::optional<Duration> progressEta(Duration elapsed, std::size_t collectivesDone,
                                    std::size_t collectivesTotal) {
  if (collectivesDone == 0 || elapsed.ps() < 0) return std::nullopt;
  if (collectivesDone >= collectivesTotal) return Duration();
  // elapsed x left / done in floating point: an estimate needs no exactness,
  // and a product of picoseconds and counts can pass int64. Capped at ~100 days.
  const double left = static_cast<double>(collectivesTotal - collectivesDone);
  const double ps = static_cast<double>(elapsed.ps()) * left / static_cast<double>(collectivesDone);
  return Duration::picoseconds(static_cast<std::int64_t>(std::min(ps, 8.64e18)));
}

}  // namespace ofe::analysis
