#include "analysis/ReportJson.h"

#include "traffic/CollectiveNames.h"

namespace ofe::analysis {

namespace {

double seconds(Duration d) { return d.seconds(); }
double gigabytesPerSecond(DataRate r) { return static_cast<double>(r.bps()) / 8e9; }

}  // namespace

nlohmann::json reportJson(const RunReport& report, const topology::Fabric& fabric) {
  nlohmann::json j;
  j["version"] = kReportVersion;
  j["generator"] = "ofe";
  j["scenario"] = {{"name", report.scenario}, {"source", report.sourcePath}, {"seed", report.seed}};
  j["run"] = {{"engine", report.engine},
              {"completed", report.completed},
              {"diagnosis", report.diagnosis},
              {"simulated_time_s", seconds(report.simulatedTime)},
              {"events", report.events},
              {"packet_hops", report.packetHops},
              {"transfers", report.transfers},
              {"packets", report.packets},
              {"retransmissions", report.retransmissions}};

  nlohmann::json collectives = nlohmann::json::array();
  for (const CollectiveResult& c : report.collectives) {
    collectives.push_back({{"index", c.index},
                           {"job", c.job},
                           {"op", traffic::toString(c.op)},
                           {"algorithm", traffic::toString(c.algorithm)},
                           {"ranks", c.ranks},
                           {"bytes", c.bytes.count()},
                           {"iteration", c.iteration},
                           {"completed", c.completed},
                           {"start_s", seconds(c.start)},
                           {"time_s", seconds(c.time)},
                           {"algbw_GBps", gigabytesPerSecond(c.algbw)},
                           {"busbw_GBps", gigabytesPerSecond(c.busbw)},
                           {"estimate_time_s", seconds(c.estimate)},
                           {"alpha_s", seconds(c.alpha)},
                           {"estimate_bandwidth_bps", c.bandwidth.bps()},
                           {"fastest_rank_s", seconds(c.fastestRank)},
                           {"slowest_rank_s", seconds(c.slowestRank)}});
  }
  j["collectives"] = std::move(collectives);

  nlohmann::json links = nlohmann::json::array();
  for (const LinkUsage& u : report.links) {
    const topology::Link& l = fabric.link(u.link);
    links.push_back({{"id", l.id},
                     {"from", fabric.node(l.a).name},
                     {"to", fabric.node(l.b).name},
                     {"module", l.module.name},
                     {"rate_bps", l.rate.bps()},
                     {"latency_s", seconds(l.latency)},
                     {"bytes", u.bytes.count()},
                     {"packets", u.packets},
                     {"utilization", u.utilization},
                     {"max_queue_bytes", u.maxQueue.count()},
                     {"mean_queue_bytes", u.meanQueueBytes},
                     {"drops", u.drops},
                     {"lost", u.lost},
                     {"ecn_marks", u.ecnMarks},
                     {"pfc_paused_s", seconds(u.pfcPaused)}});
  }
  j["links"] = std::move(links);
  return j;
}

}  // namespace ofe::analysis
