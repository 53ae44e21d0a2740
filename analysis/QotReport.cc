#include "analysis/QotReport.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "analysis/FabricQueries.h"

namespace ofe::analysis {

using topology::Link;

namespace {

nlohmann::json dbOrNull(const std::optional<Decibel>& v) { return v ? nlohmann::json(v->db()) : nlohmann::json(); }

std::string ber(double v) { return v > 0.0 ? fmt::format("{:.2e}", v) : "0"; }

/// The links with a QoT estimate, in id order.
std::vector<const Link*> estimated(const topology::Fabric& fabric) {
  std::vector<const Link*> out;
  for (const Link& link : fabric.links()) {
    if (link.qot) out.push_back(&link);
  }
  return out;
}

/// The passive sites a link passes, in order: equal for the pairs of one route.
std::vector<topology::NodeId> viaSites(const Link& link) {
  std::vector<topology::NodeId> out;
  for (const topology::Span& s : link.spans) {
    if (s.via != topology::kNoNode) out.push_back(s.via);
  }
  return out;
}

}  // namespace

std::vector<OpticalRoute> opticalRoutes(const topology::Fabric& fabric) {
  std::vector<OpticalRoute> routes;
  std::map<std::vector<topology::NodeId>, std::size_t> byVias;
  for (const Link& link : fabric.links()) {
    if (!link.qot) continue;
    const std::vector<topology::NodeId> vias = viaSites(link);
    auto [it, added] = byVias.emplace(vias, routes.size());
    if (added) {
      OpticalRoute r;
      r.name = vias.empty() ? linkLabel(fabric, link.id) : fabric.node(vias.front()).site;
      routes.push_back(std::move(r));
    }
    OpticalRoute& r = routes[it->second];
    const DataRate perPair = link.module.rate * link.qot->slots;
    r.links.push_back(link.id);
    r.capacityPerPair = std::max(r.capacityPerPair, perPair);
    r.capacity = r.capacity + perPair;
    r.lit = r.lit + link.rate;
  }
  return routes;
}

nlohmann::json qotJson(const topology::Fabric& fabric) {
  nlohmann::json links = nlohmann::json::array();
  const std::vector<const Link*> lines = estimated(fabric);
  for (const Link* line : lines) {
    const Link& link = *line;
    const models::QotEstimate& q = *link.qot;
    links.push_back({{"id", link.id},
                     {"name", linkLabel(fabric, link.id)},
                     {"module", link.module.name},
                     {"length_m", link.length.metresValue()},
                     {"spans", q.spans},
                     {"amplifiers", q.amplifiers},
                     {"channels", q.channels},
                     {"slots", q.slots},
                     {"channel_spacing_hz", q.channelSpacing.hertzValue()},
                     {"wdm_capacity_bps", (link.module.rate * q.slots).bps()},
                     {"launch_power_dbm", q.launchPower.dbmValue()},
                     {"optimum_launch_power_dbm", q.optimumLaunchPower.dbmValue()},
                     {"gsnr_db", q.centre.gsnr.db()},
                     {"gsnr_signal_db", q.centre.gsnrSignal.db()},
                     {"osnr_ase_db", q.centre.osnrAse.db()},
                     {"snr_nli_db", q.centre.snrNli.db()},
                     {"edge_gsnr_db", q.edge.gsnr.db()},
                     {"worst_gsnr_signal_db", q.worst.gsnrSignal.db()},
                     {"required_gsnr_db", dbOrNull(q.requiredGsnr)},
                     {"margin_db", dbOrNull(q.margin)},
                     {"pre_fec_ber", q.preFecBer},
                     {"post_fec_ber", q.postFecBer},
                     {"bit_error_rate", link.bitErrorRate},
                     {"cd_ps_nm", q.dispersionPsPerNm},
                     {"pmd_ps", q.pmdPs},
                     {"latency_s", q.latency.seconds()},
                     {"spectrum_problem", q.spectrumProblem}});
  }
  nlohmann::json routes = nlohmann::json::array();
  for (const OpticalRoute& r : opticalRoutes(fabric)) {
    routes.push_back({{"name", r.name},
                      {"fibre_pairs", r.links.size()},
                      {"capacity_per_pair_bps", r.capacityPerPair.bps()},
                      {"capacity_bps", r.capacity.bps()},
                      {"lit_bps", r.lit.bps()}});
  }
  return {{"links", links}, {"routes", routes}, {"links_without_qot", fabric.linkCount() - lines.size()}};
}

std::string qotTable(const topology::Fabric& fabric) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"link", "module", "length", "spans", "launch", "optimum", "ch/slots", "WDM cap", "GSNR 0.1nm",
                  "ASE", "NLI", "worst", "need", "margin", "pre-FEC", "post-FEC", "CD ps/nm"});
  const std::vector<const Link*> lines = estimated(fabric);
  for (const Link* line : lines) {
    const Link& link = *line;
    const models::QotEstimate& q = *link.qot;
    rows.push_back({linkLabel(fabric, link.id), link.module.name, link.length.toString(), std::to_string(q.spans),
                    fmt::format("{:.2f} dBm", q.launchPower.dbmValue()),
                    fmt::format("{:.2f} dBm", q.optimumLaunchPower.dbmValue()),
                    fmt::format("{}/{}", q.channels, q.slots), (link.module.rate * q.slots).toString(),
                    fmt::format("{:.2f}", q.centre.gsnr.db()), fmt::format("{:.2f}", q.centre.osnrAse.db()),
                    fmt::format("{:.2f}", q.centre.snrNli.db()), fmt::format("{:.2f}", q.worst.gsnrSignal.db()),
                    q.requiredGsnr ? fmt::format("{:.2f}", q.requiredGsnr->db()) : "-",
                    q.margin ? fmt::format("{:+.2f}", q.margin->db()) : "-", ber(q.preFecBer), ber(q.postFecBer),
                    fmt::format("{:.0f}", q.dispersionPsPerNm)});
  }
  std::vector<std::size_t> width(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  }
  std::string out =
      "Quality of transmission (GN model, fully loaded band). GSNR, ASE (OSNR) and NLI: centre channel, dB over\n"
      "0.1 nm; worst/need/margin: the worst channel, dB over the symbol rate; WDM cap: slots x module rate.\n";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += i == 0 ? fmt::format("{:<{}}", row[i], width[i]) : fmt::format("  {:>{}}", row[i], width[i]);
    }
    out += '\n';
  }
  for (const Link* link : lines) {
    if (!link->qot->spectrumProblem.empty()) {
      out += fmt::format("  {}: {}\n", linkLabel(fabric, link->id), link->qot->spectrumProblem);
    }
  }
  if (rows.size() == 1) out += "  (no amplified coherent link)\n";
  for (const OpticalRoute& r : opticalRoutes(fabric)) {
    out += fmt::format("route {}: {} fibre pair(s) x {} = {} of WDM capacity; {} lit\n", r.name, r.links.size(),
                       r.capacityPerPair, r.capacity, r.lit);
  }
  out += fmt::format("{} link(s) without an estimate (not amplified, not coherent, or no symbol rate: the reach "
                     "check judges them)\n",
                     fabric.linkCount() - lines.size());
  return out;
}

}  // namespace ofe::analysis
