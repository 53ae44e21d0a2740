#include "analysis/CriticalPath.h"

#include <algorithm>
#include <unordered_set>

namespace ofe::analysis {

namespace {

/// The latest-finishing transfer of an instance (lowest id on ties).
traffic::TransferId lastFinisher(const traffic::CollectiveInstance& c, const core::RunResult& run) {
  traffic::TransferId best = c.first;
  for (traffic::TransferId id = c.first; id <= c.last; ++id) {
    if (run.transfers.at(id).finish > run.transfers.at(best).finish) best = id;
  }
  return best;
}

}  // namespace

std::vector<CriticalPath> criticalPaths(const topology::Fabric& fabric,
                                        const topology::Routing& routing,
                                        const models::EngineSettings& settings,
                                        const traffic::WorkloadPlan& workload,
                                        const core::RunResult& run) {
  std::vector<CriticalPath> out;
  out.reserve(workload.collectives.size());
  for (const traffic::CollectiveInstance& c : workload.collectives) {
    CriticalPath cp;
    cp.collective = c.index;
    if (c.transferCount() == 0 || run.transfers.size() <= c.last) {
      out.push_back(std::move(cp));
      continue;
    }
    bool complete = true;
    Duration spanStart = run.transfers.at(c.first).start;
    for (traffic::TransferId id = c.first; id <= c.last; ++id) {
      complete = complete && run.transfers[id].completed;
      spanStart = std::min(spanStart, run.transfers[id].start);
    }
    cp.complete = complete;
    if (!complete) {
      out.push_back(std::move(cp));
      continue;
    }

    std::vector<traffic::TransferId> chain{lastFinisher(c, run)};
    for (;;) {
      const traffic::Transfer& t = workload.plan.transfer(chain.back());
      traffic::TransferId prev = traffic::kNoTransfer;
      for (traffic::TransferId dep : t.after) {
        if (prev == traffic::kNoTransfer ||
            run.transfers[dep].finish > run.transfers[prev].finish ||
            (run.transfers[dep].finish == run.transfers[prev].finish && dep < prev)) {
          prev = dep;
        }
      }
      // The walk leaves the collective where its binding dependency lies outside it.
      if (prev == traffic::kNoTransfer || prev < c.first || prev > c.last) break;
      chain.push_back(prev);
    }
    std::reverse(chain.begin(), chain.end());

    Duration previousFinish = spanStart;
    std::unordered_set<topology::LinkId> seen;
    for (traffic::TransferId id : chain) {
      const traffic::Transfer& t = workload.plan.transfer(id);
      const core::TransferResult& r = run.transfers[id];
      if (t.barrier) {
        // The barrier before a size moves nothing; the path begins where it released.
        previousFinish = r.finish;
        continue;
      }
      CriticalStep s;
      s.transfer = id;
      s.src = t.src;
      s.dst = t.dst;
      s.srcRank = t.srcRank;
      s.dstRank = t.dstRank;
      s.step = t.step;
      s.bytes = t.size;
      s.start = r.start;
      s.finish = r.finish;
      s.path = endsAtSwitch(fabric, t.src, t.dst) ? linkPath(fabric, t.src, t.dst)
                                                  : transferPath(fabric, routing, t.src, t.dst, r);
      s.breakdown = transferBreakdown(fabric, settings, s.path, t);
      // The protocol overhead passed before the transfer started moving.
      s.breakdown.queueing = (r.finish - r.start) - (s.breakdown.total() - s.breakdown.protocol);
      s.breakdown.wait = r.start - t.overhead - previousFinish;
      previousFinish = r.finish;
      cp.total += s.breakdown;
      for (topology::LinkId l : s.path.links) {
        if (seen.insert(l).second) cp.links.push_back(l);
      }
      cp.steps.push_back(std::move(s));
    }
    out.push_back(std::move(cp));
  }
  return out;
}

}  // namespace ofe::analysis
