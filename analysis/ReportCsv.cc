#include "analysis/ReportCsv.h"

#include "analysis/CsvWriter.h"
#include "traffic/CollectiveNames.h"

namespace ofe::analysis {

namespace {

std::string num(double v) {
  return CsvWriter::number(v);
}
std::string num(std::int64_t v) {
  return CsvWriter::number(v);
}
std::string num(std::uint64_t v) {
  return CsvWriter::number(v);
}
std::string num(int v) {
  return CsvWriter::number(static_cast<std::int64_t>(v));
}
std::string gbps(DataRate r) {
  return num(static_cast<double>(r.bps()) / 8e9);
}
std::string secs(Duration d) {
  return num(d.seconds());
}

}  // namespace

std::string collectivesCsv(const RunReport& report) {
  CsvWriter csv({"index",
                 "job",
                 "op",
                 "algorithm",
                 "protocol",
                 "nccl_channels",
                 "ranks",
                 "bytes",
                 "iteration",
                 "completed",
                 "start_s",
                 "time_s",
                 "time_ps",
                 "algbw_GBps",
                 "busbw_GBps",
                 "estimate_s",
                 "nccl_model_s",
                 "ceiling_GBps",
                 "slowest_rank_s",
                 "fastest_rank_s",
                 "serialisation_ps",
                 "propagation_ps",
                 "module_ps",
                 "switching_ps",
                 "nic_ps",
                 "protocol_ps",
                 "queueing_ps",
                 "wait_ps",
                 "critical_path_transfers",
                 "energy_J"});
  for (std::size_t i = 0; i < report.collectives.size(); ++i) {
    const CollectiveResult& c = report.collectives[i];
    LatencyBreakdown b;
    std::size_t steps = 0;
    if (i < report.criticalPaths.size()) {
      b = report.criticalPaths[i].total;
      steps = report.criticalPaths[i].steps.size();
    }
    const double energy = i < report.energy.collectives.size()
                              ? report.energy.collectives[i].energy.joulesValue()
                              : 0.0;
    csv.row({num(c.index),
             c.job,
             traffic::toString(c.op),
             traffic::toString(c.algorithm),
             c.protocol == traffic::Protocol::Auto ? std::string() : std::string(traffic::toString(c.protocol)),
             num(c.channels),
             num(c.ranks),
             num(c.bytes.count()),
             num(c.iteration),
             c.completed ? "true" : "false",
             secs(c.start),
             secs(c.time),
             num(c.time.ps()),
             gbps(c.algbw),
             gbps(c.busbw),
             secs(c.estimate),
             secs(c.ncclPredicted),
             gbps(c.ceiling),
             secs(c.slowestRank),
             secs(c.fastestRank),
             num(b.serialisation.ps()),
             num(b.propagation.ps()),
             num(b.module.ps()),
             num(b.switching.ps()),
             num(b.nic.ps()),
             num(b.protocol.ps()),
             num(b.queueing.ps()),
             num(b.wait.ps()),
             num(static_cast<std::uint64_t>(steps)),
             num(energy)});
  }
  return csv.text();
}

std::string linksCsv(const RunReport& report, const topology::Fabric& fabric) {
  CsvWriter csv({"id", "from", "to", "tier", "module", "rate_bps", "latency_s", "bytes", "packets",
                 "utilization", "max_queue_bytes", "mean_queue_bytes", "drops", "lost", "ecn_marks",
                 "pfc_paused_s"});
  for (const LinkUsage& u : report.links) {
    const topology::Link& l = fabric.link(u.link);
    const std::string tier = report.tiers.tierName(u.link);
    csv.row({num(static_cast<std::uint64_t>(l.id)), fabric.node(l.a).name, fabric.node(l.b).name,
             tier, l.module.name, num(l.rate.bps()), secs(l.latency), num(u.bytes.count()),
             num(u.packets), num(u.utilization), num(u.maxQueue.count()), num(u.meanQueueBytes),
             num(u.drops), num(u.lost), num(u.ecnMarks), secs(u.pfcPaused)});
  }
  return csv.text();
}

std::string flowsCsv(const RunReport& report, const topology::Fabric& fabric) {
  CsvWriter csv({"job", "src", "dst", "bytes", "completed", "start_s", "finish_s", "fct_s", "ideal_fct_s", "fct_ps",
                 "ideal_fct_ps", "slowdown", "retransmissions"});
  for (const FlowResult& f : report.flows) {
    csv.row({f.job, fabric.node(f.src).name, fabric.node(f.dst).name, num(f.bytes.count()), f.completed ? "true" : "false",
             secs(f.start), f.completed ? secs(f.finish) : "", f.completed ? secs(f.fct) : "", secs(f.ideal),
             f.completed ? num(f.fct.ps()) : "", num(f.ideal.ps()), f.completed ? num(f.slowdown) : "",
             num(f.retransmissions)});
  }
  return csv.text();
}

}  // namespace ofe::analysis
