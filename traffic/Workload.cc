#include "traffic/Workload.h"

#include <fmt/format.h>

#include <stdexcept>

#include "traffic/Collectives.h"
#include "traffic/RankPlacement.h"
#include "traffic/ScaleUpDomains.h"

namespace ofe::traffic {

std::vector<Bytes> sweepSizes(const CollectiveSpec& spec) {
  if (spec.minBytes.count() < 1) throw std::invalid_argument("a collective needs at least 1 byte");
  if (spec.maxBytes < spec.minBytes) {
    throw std::invalid_argument(
        fmt::format("sweep from {} down to {}: maxBytes is below minBytes", spec.minBytes, spec.maxBytes));
  }
  std::vector<Bytes> sizes;
  for (std::int64_t s = spec.minBytes.count(); s <= spec.maxBytes.count(); s *= 2) sizes.emplace_back(s);
  return sizes;
}

WorkloadPlan buildWorkload(const topology::Fabric& fabric, const std::vector<JobSpec>& jobs) {
  WorkloadPlan out;
  std::vector<bool> taken(fabric.nodeCount(), false);
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    const JobSpec& job = jobs[j];
    out.placements.push_back(placeRanks(fabric, job, taken));
    const std::vector<topology::NodeId>& ranks = out.placements.back();
    std::vector<std::vector<int>> domains;
    std::vector<std::vector<TransferId>> previousDone;
    for (std::size_t s = 0; s < job.collectives.size(); ++s) {
      const CollectiveSpec& spec = job.collectives[s];
      if (spec.iterations < 1) {
        throw std::invalid_argument(fmt::format("job '{}': collective {} has {} iterations", job.name, s,
                                                spec.iterations));
      }
      if (spec.algorithm == Algorithm::Hierarchical && domains.empty()) {
        domains = ScaleUpDomains::of(fabric, ranks).groups();
      }
      for (Bytes size : sweepSizes(spec)) {
        for (int it = 0; it < spec.iterations; ++it) {
          CollectiveCall call;
          call.op = spec.op;
          call.algorithm = spec.algorithm;
          call.ranks = ranks;
          call.size = size;
          call.chunks = spec.chunks > 0 ? spec.chunks : defaultChunks(spec.op, spec.algorithm, size);
          call.root = spec.root;
          call.collective = static_cast<int>(out.collectives.size());
          call.notBefore = job.start;
          call.rankAfter = std::move(previousDone);
          if (spec.algorithm == Algorithm::Hierarchical) call.domains = domains;
          CollectiveOutput added;
          try {
            added = appendCollective(out.plan, call);
          } catch (const std::invalid_argument& e) {
            throw std::invalid_argument(fmt::format("job '{}': {}", job.name, e.what()));
          }
          CollectiveInstance row;
          row.index = call.collective;
          row.job = static_cast<int>(j);
          row.spec = static_cast<int>(s);
          row.op = spec.op;
          row.algorithm = spec.algorithm;
          row.ranks = static_cast<int>(ranks.size());
          row.bytes = size;
          row.chunks = call.chunks;
          row.iteration = it;
          row.first = added.first;
          row.last = added.last;
          row.nodes = ranks;
          out.collectives.push_back(std::move(row));
          previousDone = std::move(added.done);
        }
      }
    }
  }
  return out;
}

}  // namespace ofe::traffic
