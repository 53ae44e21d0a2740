#pragma once
// One measured part of ofe-bench.

#include <time.h>

#include <chrono>
#include <cstdint>

namespace ofe::bench {

/// Wall and thread-CPU time since construction. CPU time is reported too
/// because the machine is shared: it leaves out time spent descheduled.
class Stopwatch {
 public:
  Stopwatch() : wall0_(std::chrono::steady_clock::now()), cpu0_(threadCpu()) {}
  double wall() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0_).count(); }
  double cpu() const { return threadCpu() - cpu0_; }

 private:
  static double threadCpu() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
  }
  std::chrono::steady_clock::time_point wall0_;
  double cpu0_;
};

struct BenchPart {
  double wallSeconds = 0.0;      ///< wall time of the simulation run (set-up excluded where stated)
  double cpuSeconds = 0.0;       ///< thread CPU time of the same span
  std::uint64_t hops = 0;        ///< frames x links they were serialised on
  std::uint64_t dataHops = 0;    ///< hops of data frames only (ofe: without ACK/CNP frames)
  std::uint64_t events = 0;      ///< ns-3 events executed
  std::uint64_t packets = 0;     ///< packets delivered end to end
  double simulatedSeconds = 0.0;

  double hopsPerSecond() const { return wallSeconds > 0 ? static_cast<double>(hops) / wallSeconds : 0.0; }
  double hopsPerCpuSecond() const { return cpuSeconds > 0 ? static_cast<double>(hops) / cpuSeconds : 0.0; }
  double dataHopsPerSecond() const { return wallSeconds > 0 ? static_cast<double>(dataHops) / wallSeconds : 0.0; }
  double eventsPerHop() const { return hops > 0 ? static_cast<double>(events) / static_cast<double>(hops) : 0.0; }
};

}  // namespace ofe::bench
