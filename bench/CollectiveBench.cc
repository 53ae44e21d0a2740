#include "bench/CollectiveBench.h"

#include <algorithm>
#include <stdexcept>

#include "core/PacketEngine.h"
#include "scenario/ScenarioLoader.h"
#include "topology/Routing.h"
#include "traffic/CostModel.h"
#include "traffic/Workload.h"

namespace ofe::bench {

WorkloadPart runDefaultWorkload(std::int64_t maxBytes, bool flat) {
  scenario::Scenario s = scenario::ScenarioLoader::defaultScenario();
  for (traffic::JobSpec& job : s.jobs) {
    for (traffic::CollectiveSpec& c : job.collectives) {
      if (maxBytes > 0) {
        c.maxBytes = Bytes(std::min(c.maxBytes.count(), maxBytes));
        c.minBytes = Bytes(std::min(c.minBytes.count(), c.maxBytes.count()));
      }
      if (flat) {
        c.algorithm = traffic::Algorithm::FlatRing;
        c.protocol = traffic::Protocol::Auto;
      }
    }
  }
  if (flat) s.settings.queues.ecmp = models::EcmpMode::PacketSpray;
  WorkloadPart part;
  const Stopwatch planning;
  const traffic::WorkloadPlan workload = traffic::buildWorkload(s.fabric, s.jobs);
  part.planSeconds = planning.wall();
  part.transfers = workload.plan.size();
  const topology::Routing routing = topology::Routing::compute(s.fabric);
  core::PacketEngine engine(s.fabric, routing, s.settings);
  const Stopwatch watch;
  const core::RunResult r = engine.run(workload.plan);
  part.run.wallSeconds = watch.wall();
  part.run.cpuSeconds = watch.cpu();
  if (!r.completed) throw std::runtime_error("default workload did not complete:\n" + r.diagnosis);
  part.run.hops = r.packetHops;
  part.run.events = r.events;
  part.run.simulatedSeconds = r.end.seconds();
  // busbw of the largest size of the first collective (iteration 0: barrier to last finish).
  const traffic::CollectiveInstance* largest = nullptr;
  for (const traffic::CollectiveInstance& c : workload.collectives) {
    if (c.spec == 0 && c.iteration == 0 && (largest == nullptr || c.bytes > largest->bytes)) largest = &c;
  }
  if (largest != nullptr) {
    Duration start = r.transfers.at(largest->first).start;
    Duration finish;
    for (traffic::TransferId id = largest->first; id <= largest->last; ++id) {
      start = std::min(start, r.transfers[id].start);
      finish = std::max(finish, r.transfers[id].finish);
    }
    part.largestBusbwGBps =
        traffic::busBandwidth(largest->op, largest->ranks, largest->bytes, finish - start).gigabytesPerSecond();
  }
  return part;
}

}  // namespace ofe::bench
