#pragma once
/// @file QotReport.h
/// @brief Quality of transmission of every amplified coherent link, as a table and as JSON (`ofe qot`).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "topology/Fabric.h"
#include "units/DataRate.h"

namespace ofe::analysis {

/// The fibre pairs (links) that follow the same amplified route: a long-haul
/// route's parallel links or a submarine cable's pairs, recognised by passing
/// the same amplifier/repeater sites.
struct OpticalRoute {
  std::string name;                  ///< the site name of its passive nodes, e.g. "plcn"
  std::vector<topology::LinkId> links;  ///< one per fibre pair
  DataRate capacityPerPair;          ///< slots x module rate: a fully loaded pair
  DataRate capacity;                 ///< over every pair
  DataRate lit;                      ///< what the links carry (their channels)
};

/// Routes of the links with a QoT estimate, in order of their first link.
std::vector<OpticalRoute> opticalRoutes(const topology::Fabric& fabric);

/// One row per link the QoT model estimated (Link::qot): length, spans,
/// launch power, channels/slots, WDM capacity of the fibre pair, the centre
/// channel's GSNR, worst-channel GSNR against the required, margin, pre- and
/// post-FEC BER, accumulated CD; then one line per route with its capacity.
/// Links without an estimate are counted in a closing line.
std::string qotTable(const topology::Fabric& fabric);

/// {"links": [{id, name, module, length_m, spans, amplifiers, channels, slots,
/// channel_spacing_hz, wdm_capacity_bps, launch_power_dbm,
/// optimum_launch_power_dbm, gsnr_db, gsnr_signal_db, osnr_ase_db,
/// snr_nli_db, edge_gsnr_db, worst_gsnr_signal_db, required_gsnr_db,
/// margin_db, pre_fec_ber, post_fec_ber, bit_error_rate, cd_ps_nm, pmd_ps,
/// latency_s, spectrum_problem}], "routes": [{name, fibre_pairs,
/// capacity_per_pair_bps, capacity_bps, lit_bps}], "links_without_qot": n}.
/// gsnr_db, osnr_ase_db and snr_nli_db are the centre channel's over 0.1 nm
/// (12.5 GHz), gsnr_signal_db over its symbol rate; margin and BER are the
/// worst channel's (worst_gsnr_signal_db). Keys without a value (required
/// GSNR, margin) are null.
nlohmann::json qotJson(const topology::Fabric& fabric);

}  // namespace ofe::analysis
