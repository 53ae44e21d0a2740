#include "analysis/LinkUsage.h"

#include <algorithm>

namespace ofe::analysis {

std::vector<LinkUsage> linkUsage(const topology::Fabric& fabric, const core::RunResult& run) {
  std::vector<LinkUsage> out(fabric.linkCount());
  for (std::size_t i = 0; i < out.size(); ++i) out[i].link = static_cast<topology::LinkId>(i);
  const double span = static_cast<double>(run.end.ps());
  for (const core::LinkDirectionStats& d : run.links) {
    if (d.link >= out.size()) continue;
    LinkUsage& u = out[d.link];
    u.bytes += d.bytes;
    u.packets += d.packets;
    if (span > 0) u.utilization = std::max(u.utilization, static_cast<double>(d.busy.ps()) / span);
    u.maxQueue = std::max(u.maxQueue, d.maxQueue);
    u.meanQueueBytes = std::max(u.meanQueueBytes, d.meanQueueBytes);
    u.drops += d.drops;
    u.lost += d.lost;
    u.ecnMarks += d.ecnMarks;
    u.pfcPaused = std::max(u.pfcPaused, d.pfcPaused);
  }
  return out;
}

}  // namespace ofe::analysis
