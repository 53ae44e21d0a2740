#include "analysis/ReportJson.h"

#include "analysis/FabricQueries.h"
#include "traffic/CollectiveNames.h"

namespace ofe::analysis {

namespace {

double seconds(Duration d) {
  return d.seconds();
}
template <typename T, typename F>
nlohmann::json optionalJson(const std::optional<T>& v, F convert) {
  return v ? nlohmann::json(convert(*v)) : nlohmann::json(nullptr);
}

/// The protocol that ran, or null for a flat schedule (none).
nlohmann::json protocolJson(traffic::Protocol p) {
  return p == traffic::Protocol::Auto ? nlohmann::json(nullptr) : nlohmann::json(traffic::toString(p));
}

nlohmann::json breakdownJson(const LatencyBreakdown& b) {
  return {{"serialisation_ps", b.serialisation.ps()},
          {"propagation_ps", b.propagation.ps()},
          {"module_ps", b.module.ps()},
          {"switching_ps", b.switching.ps()},
          {"nic_ps", b.nic.ps()},
          {"protocol_ps", b.protocol.ps()},
          {"queueing_ps", b.queueing.ps()},
          {"wait_ps", b.wait.ps()},
          {"total_ps", b.total().ps()}};
}

nlohmann::json criticalPathJson(const CriticalPath& cp) {
  nlohmann::json steps = nlohmann::json::array();
  for (const CriticalStep& s : cp.steps) {
    steps.push_back({{"transfer", s.transfer},
                     {"src_rank", s.srcRank},
                     {"dst_rank", s.dstRank},
                     {"step", s.step},
                     {"bytes", s.bytes.count()},
                     {"start_s", seconds(s.start)},
                     {"finish_s", seconds(s.finish)},
                     {"breakdown", breakdownJson(s.breakdown)},
                     {"links", s.path.links}});
  }
  return {{"complete", cp.complete},
          {"breakdown", breakdownJson(cp.total)},
          {"links", cp.links},
          {"steps", std::move(steps)}};
}

}  // namespace

nlohmann::json reportJson(const RunReport& report, const topology::Fabric& fabric) {
  nlohmann::json j;
  j["version"] = kReportVersion;
  j["generator"] = "ofe";
  j["scenario"] = {{"name", report.scenario},
                   {"description", report.description},
                   {"source", report.sourcePath},
                   {"seed", report.seed},
                   {"currency", report.energy.currency}};
  j["run"] = {
      {"engine", report.engine},       {"completed", report.completed},
      {"diagnosis", report.diagnosis}, {"simulated_time_s", seconds(report.simulatedTime)},
      {"events", report.events},       {"packet_hops", report.packetHops},
      {"transfers", report.transfers}, {"transfers_completed", report.transfersCompleted},
      {"packets", report.packets},     {"retransmissions", report.retransmissions},
      {"timeouts", report.timeouts},   {"spurious_retransmissions", report.spuriousRetransmissions},
      {"paths", report.pathsRecorded ? "recorded" : "routed"}};
  const scenario::Targets& t = report.targets;
  j["targets"] = {
      {"max_collective_time_s", optionalJson(t.maxCollectiveTime, seconds)},
      {"min_busbw_GBps", optionalJson(t.minBusBandwidth, [](DataRate r) { return r.gigabytesPerSecond(); })},
      {"max_site_latency_s", optionalJson(t.maxSiteLatency, seconds)},
      {"max_link_utilization", optionalJson(t.maxLinkUtilization, [](double v) { return v; })},
      {"lossless", t.lossless},
      {"pfc", report.pfc}};
  j["verdict"] = report.verdict.toJson();

  nlohmann::json table = nlohmann::json::array();
  for (const NcclRow& r : report.table) {
    table.push_back({{"job", r.job},
                     {"collective", r.spec},
                     {"op", traffic::toString(r.op)},
                     {"algorithm", traffic::toString(r.algorithm)},
                     {"protocol", protocolJson(r.protocol)},
                     {"nccl_channels", r.channels},
                     {"ranks", r.ranks},
                     {"bytes", r.bytes.count()},
                     {"iterations", r.iterations},
                     {"completed", r.completed},
                     {"time_s", seconds(r.time)},
                     {"algbw_GBps", r.algbw.gigabytesPerSecond()},
                     {"busbw_GBps", r.busbw.gigabytesPerSecond()},
                     {"ceiling_GBps", r.ceiling.gigabytesPerSecond()},
                     {"estimate_time_s", seconds(r.estimate)},
                     {"nccl_model_time_s", seconds(r.ncclPredicted)},
                     {"slowest_rank_s", seconds(r.slowestRank)},
                     {"fastest_rank_s", seconds(r.fastestRank)},
                     {"first_collective", r.first}});
  }
  j["table"] = std::move(table);

  nlohmann::json collectives = nlohmann::json::array();
  for (std::size_t i = 0; i < report.collectives.size(); ++i) {
    const CollectiveResult& c = report.collectives[i];
    nlohmann::json cj = {{"index", c.index},
                         {"job", c.job},
                         {"collective", c.spec},
                         {"op", traffic::toString(c.op)},
                         {"algorithm", traffic::toString(c.algorithm)},
                         {"protocol", protocolJson(c.protocol)},
                         {"nccl_channels", c.channels},
                         {"ranks", c.ranks},
                         {"bytes", c.bytes.count()},
                         {"iteration", c.iteration},
                         {"completed", c.completed},
                         {"start_s", seconds(c.start)},
                         {"time_s", seconds(c.time)},
                         {"time_ps", c.time.ps()},
                         {"algbw_GBps", c.algbw.gigabytesPerSecond()},
                         {"busbw_GBps", c.busbw.gigabytesPerSecond()},
                         {"estimate_time_s", seconds(c.estimate)},
                         {"nccl_model_time_s", seconds(c.ncclPredicted)},
                         {"ceiling_GBps", c.ceiling.gigabytesPerSecond()},
                         {"alpha_s", seconds(c.alpha)},
                         {"estimate_bandwidth_bps", c.bandwidth.bps()},
                         {"fastest_rank_s", seconds(c.fastestRank)},
                         {"slowest_rank_s", seconds(c.slowestRank)}};
    if (i < report.criticalPaths.size())
      cj["critical_path"] = criticalPathJson(report.criticalPaths[i]);
    if (i < report.energy.collectives.size()) {
      const CollectiveEnergy& e = report.energy.collectives[i];
      cj["energy"] = {{"elements", e.elements},
                      {"power_W", e.power.wattsValue()},
                      {"energy_J", e.energy.joulesValue()}};
    }
    collectives.push_back(std::move(cj));
  }
  j["collectives"] = std::move(collectives);
  const FlowSummary& fs = report.flowSummary;
  j["flows"] = {{"count", fs.count},
                {"completed", fs.completed},
                {"fct_s", {{"p50", seconds(fs.fctP50)}, {"p99", seconds(fs.fctP99)}, {"max", seconds(fs.fctMax)}}},
                {"slowdown", {{"p50", fs.slowdownP50}, {"p99", fs.slowdownP99}, {"max", fs.slowdownMax}}}};

  nlohmann::json links = nlohmann::json::array();
  for (const LinkUsage& u : report.links) {
    const topology::Link& l = fabric.link(u.link);
    links.push_back({{"id", l.id},
                     {"from", fabric.node(l.a).name},
                     {"to", fabric.node(l.b).name},
                     {"tier", report.tiers.tierName(u.link)},
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
                     {"pfc_paused_s", seconds(u.pfcPaused)},
                     {"bit_error_rate", l.bitErrorRate},
                     {"gsnr_db", l.qot ? nlohmann::json(l.qot->worst.gsnrSignal.db()) : nlohmann::json()},
                     {"gsnr_margin_db",
                      l.qot && l.qot->margin ? nlohmann::json(l.qot->margin->db()) : nlohmann::json()},
                     {"pre_fec_ber", l.qot ? nlohmann::json(l.qot->preFecBer) : nlohmann::json()}});
  }
  j["links"] = std::move(links);
  nlohmann::json changes = nlohmann::json::array();
  for (const topology::LinkEvent& e : report.linkEvents) {
    changes.push_back({{"at_s", seconds(e.at)}, {"link", e.link}, {"up", e.up}});
  }
  j["topology_changes"] = std::move(changes);
  nlohmann::json reroutes = nlohmann::json::array();
  for (Duration at : report.reroutes) reroutes.push_back(seconds(at));
  j["reroutes_s"] = std::move(reroutes);

  nlohmann::json tiers = nlohmann::json::array();
  for (const LinkTier& tier : report.tiers.tiers) {
    tiers.push_back({{"name", tier.name()},
                     {"a", tier.a},
                     {"b", tier.b},
                     {"links", tier.links},
                     {"bytes", tier.bytes.count()},
                     {"mean_utilization", tier.meanUtilization},
                     {"max_utilization", tier.maxUtilization},
                     {"busiest_link", tier.busiest},
                     {"max_queue_bytes", tier.maxQueue.count()},
                     {"mean_queue_bytes", tier.meanQueueBytes},
                     {"drops", tier.drops},
                     {"lost", tier.lost},
                     {"ecn_marks", tier.ecnMarks},
                     {"pfc_paused_s", seconds(tier.pfcPaused)}});
  }
  j["tiers"] = {{"groups", report.tiers.groups}, {"tiers", std::move(tiers)}};

  const EnergyReport& e = report.energy;
  nlohmann::json byKind = {{"gpus", e.byKind.gpus.wattsValue()},
                           {"nics", e.byKind.nics.wattsValue()},
                           {"optics", e.byKind.optics.wattsValue()},
                           {"packet_switches", e.byKind.packetSwitches.wattsValue()},
                           {"scale_up_switches", e.byKind.scaleUpSwitches.wattsValue()},
                           {"circuit_switches", e.byKind.circuitSwitches.wattsValue()},
                           {"amplifiers", e.byKind.amplifiers.wattsValue()},
                           {"repeaters", e.byKind.repeaters.wattsValue()}};
  nlohmann::json elements = nlohmann::json::array();
  for (const ElementPower& el : e.elements) {
    elements.push_back({{"name", el.name},
                        {"kind", toString(el.kind)},
                        {"site", el.site},
                        {"power_W", el.power.wattsValue()}});
  }
  j["power"] = {{"total_W", e.total.wattsValue()},
                {"by_kind_W", std::move(byKind)},
                {"elements", std::move(elements)}};

  nlohmann::json sites = nlohmann::json::array();
  for (const SiteEnergy& s : e.sites) {
    sites.push_back({{"site", s.site},
                     {"priced", s.priced},
                     {"pue", s.pue},
                     {"price_per_kWh", s.pricePerKwh},
                     {"power_W", s.power.wattsValue()},
                     {"energy_J", s.energy.joulesValue()},
                     {"energy_kWh", s.energy.kilowattHours()},
                     {"cost", s.cost}});
  }
  nlohmann::json ifRunAt = nlohmann::json::array();
  for (const SiteCostIf& s : e.ifRunAt) {
    ifRunAt.push_back(
        {{"site", s.site}, {"pue", s.pue}, {"price_per_kWh", s.pricePerKwh}, {"cost", s.cost}});
  }
  j["energy"] = {{"simulated_time_s", seconds(e.time)},
                 {"energy_J", e.energy.joulesValue()},
                 {"energy_kWh", e.energy.kilowattHours()},
                 {"currency", e.currency},
                 {"cost", e.cost},
                 {"sites", std::move(sites)},
                 {"if_run_at", std::move(ifRunAt)}};
  return j;
}

}  // namespace ofe::analysis
