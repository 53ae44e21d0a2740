#include "traffic/Workload.h"

#include <fmt/format.h>

#include <stdexcept>

#include "traffic/CollectiveNames.h"
#include "traffic/CollectiveWriter.h"
#include "traffic/Collectives.h"
#include "traffic/FlowMatrix.h"
#include "traffic/NcclTopology.h"
#include "traffic/NcclTuner.h"
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

namespace {

/// How one size of a spec runs: the algorithm and protocol (NCCL's choice
/// when Auto), channels and NCCL's predicted time.
NcclChoice resolve(const CollectiveSpec& spec, Bytes size, const NcclTuner* tuner) {
  if (!usesProtocol(spec.op, spec.algorithm)) {
    if (spec.protocol != Protocol::Auto) {
      throw std::invalid_argument(fmt::format("{} {} is a flat schedule and takes no protocol ('{}' given)",
                                              toString(spec.op), toString(spec.algorithm), toString(spec.protocol)));
    }
    if (spec.ncclChannels > 0) {
      throw std::invalid_argument(fmt::format("{} {} is a flat schedule and takes no nccl_channels",
                                              toString(spec.op), toString(spec.algorithm)));
    }
    NcclChoice flat;
    flat.algorithm = spec.algorithm;
    flat.protocol = Protocol::Auto;
    return flat;
  }
  return tuner->choose(spec.op, size, spec.algorithm, spec.protocol, spec.ncclChannels);
}

}  // namespace

WorkloadPlan buildWorkload(const topology::Fabric& fabric, const std::vector<JobSpec>& jobs) {
  WorkloadPlan out;
  std::vector<bool> taken(fabric.nodeCount(), false);
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    const JobSpec& job = jobs[j];
    if (job.flows) {
      // Tenants share GPUs: place over every GPU and take none of them.
      std::vector<bool> none(fabric.nodeCount(), false);
      out.placements.push_back(placeRanks(fabric, job, none));
      for (const FlowDemand& f : expandFlows(fabric, *job.flows, out.placements.back(), job.name)) {
        Transfer t;
        t.src = f.src;
        t.dst = f.dst;
        t.size = f.bytes;
        t.notBefore = job.start + f.start;
        out.flows.push_back(FlowInstance{static_cast<int>(j), out.plan.add(std::move(t))});
      }
      continue;
    }
    out.placements.push_back(placeRanks(fabric, job, taken));
    const std::vector<topology::NodeId>& ranks = out.placements.back();
    const NcclTopology topology = NcclTopology::of(fabric, ranks);
    const NcclTuner tuner(topology, job.collnet);
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
        NcclChoice choice;
        try {
          choice = resolve(spec, size, &tuner);
        } catch (const std::invalid_argument& e) {
          throw std::invalid_argument(fmt::format("job '{}': {}", job.name, e.what()));
        }
        for (int it = 0; it < spec.iterations; ++it) {
          const int index = static_cast<int>(out.collectives.size());
          const TransferId first = static_cast<TransferId>(out.plan.size());
          CollectiveCall call;
          call.op = spec.op;
          call.algorithm = choice.algorithm;
          call.protocol = choice.protocol;
          call.channels = choice.channels;
          if (choice.protocol != Protocol::Auto) {
            call.costs = tuner.hopCosts(spec.op, choice.algorithm, choice.protocol);
            call.topology = &topology;
          }
          call.ranks = ranks;
          call.size = size;
          call.chunks = spec.chunks > 0 ? spec.chunks : defaultChunks(spec.op, choice.algorithm, size);
          call.root = spec.root;
          call.collective = index;
          call.notBefore = job.start;
          if (it == 0) {
            // nccl-tests' barrier: the size starts once every rank has finished the previous one.
            Transfer barrier;
            barrier.src = barrier.dst = ranks.front();
            barrier.barrier = true;
            for (const auto& done : previousDone) CollectiveWriter::merge(barrier.after, done);
            barrier.notBefore = job.start;
            barrier.collective = index;
            call.after = {out.plan.add(std::move(barrier))};
          } else {
            call.rankAfter = std::move(previousDone);
          }
          if (choice.algorithm == Algorithm::Hierarchical) call.domains = domains;
          CollectiveOutput added;
          try {
            added = appendCollective(out.plan, call);
          } catch (const std::invalid_argument& e) {
            throw std::invalid_argument(fmt::format("job '{}': {}", job.name, e.what()));
          }
          CollectiveInstance row;
          row.index = index;
          row.job = static_cast<int>(j);
          row.spec = static_cast<int>(s);
          row.op = spec.op;
          row.algorithm = choice.algorithm;
          row.protocol = choice.protocol;
          row.channels = choice.channels;
          row.ncclPredicted = choice.predicted;
          row.ranks = static_cast<int>(ranks.size());
          row.bytes = size;
          row.chunks = call.chunks;
          row.iteration = it;
          row.first = first < out.plan.size() ? first : kNoTransfer;
          row.last = added.last != kNoTransfer ? added.last : row.first;
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
