#include "analysis/QotReport.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "analysis/FabricQueries.h"

namespace ofe::analysis {

using topology::Link;

namespace {

nlohmann::json dbOrNull(const std::optional<Decibel>& v) { return v ? nlohmann::json(v->db()) : nlohmann::json(); }

std::string ber(double v) { return v > 0.0 ? fmt::format("{:.2e}", v) : "0"; }

}  // namespace

nlohmann::json qotJson(const topology::Fabric& fabric) {
  nlohmann::json links = nlohmann::json::array();
  int without = 0;
  for (const Link& link : fabric.links()) {
    if (!link.qot) {
      ++without;
      continue;
    }
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
                     {"launch_power_dbm", q.launchPower.dbmValue()},
                     {"optimum_launch_power_dbm", q.optimumLaunchPower.dbmValue()},
                     {"gsnr_db", q.worst.gsnr.db()},
                     {"gsnr_signal_db", q.worst.gsnrSignal.db()},
                     {"osnr_ase_db", q.worst.osnrAse.db()},
                     {"snr_nli_db", q.worst.snrNli.db()},
                     {"centre_gsnr_db", q.centre.gsnr.db()},
                     {"required_gsnr_db", dbOrNull(q.requiredGsnr)},
                     {"margin_db", dbOrNull(q.margin)},
                     {"pre_fec_ber", q.preFecBer},
                     {"post_fec_ber", q.postFecBer},
                     {"bit_error_rate", link.bitErrorRate},
                     {"cd_ps_per_nm", q.dispersionPsPerNm},
                     {"pmd_ps", q.pmdPs},
                     {"spectrum_problem", q.spectrumProblem}});
  }
  return {{"links", links}, {"links_without_qot", without}};
}

std::string qotTable(const topology::Fabric& fabric) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"link", "module", "length", "spans", "launch", "ch/slots", "GSNR", "ASE", "NLI", "need",
                  "margin", "pre-FEC", "post-FEC", "CD ps/nm"});
  int without = 0;
  for (const Link& link : fabric.links()) {
    if (!link.qot) {
      ++without;
      continue;
    }
    const models::QotEstimate& q = *link.qot;
    rows.push_back({linkLabel(fabric, link.id), link.module.name, link.length.toString(),
                    std::to_string(q.spans), fmt::format("{:.2f} dBm", q.launchPower.dbmValue()),
                    fmt::format("{}/{}", q.channels, q.slots), fmt::format("{:.2f}", q.worst.gsnrSignal.db()),
                    fmt::format("{:.2f}", q.worst.osnrAse.db()), fmt::format("{:.2f}", q.worst.snrNli.db()),
                    q.requiredGsnr ? fmt::format("{:.2f}", q.requiredGsnr->db()) : "-",
                    q.margin ? fmt::format("{:+.2f}", q.margin->db()) : "-", ber(q.preFecBer), ber(q.postFecBer),
                    fmt::format("{:.0f}", q.dispersionPsPerNm)});
  }
  std::vector<std::size_t> width(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  }
  std::string out =
      "Quality of transmission (GN model, fully loaded band; GSNR/need/margin in dB over the symbol rate,\n"
      "ASE (OSNR) and NLI in dB over 0.1 nm; the worst channel)\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t i = 0; i < rows[r].size(); ++i) {
      out += i == 0 ? fmt::format("{:<{}}", rows[r][i], width[i]) : fmt::format("  {:>{}}", rows[r][i], width[i]);
    }
    out += '\n';
  }
  for (const Link& link : fabric.links()) {
    if (link.qot && !link.qot->spectrumProblem.empty()) {
      out += fmt::format("  {}: {}\n", linkLabel(fabric, link.id), link.qot->spectrumProblem);
    }
  }
  if (rows.size() == 1) out += "  (no amplified coherent link)\n";
  out += fmt::format("{} link(s) without an estimate (not amplified, not coherent, or no symbol rate: the reach "
                     "check judges them)\n",
                     without);
  return out;
}

}  // namespace ofe::analysis
