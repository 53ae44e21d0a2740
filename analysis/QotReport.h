#pragma once
/// @file QotReport.h
/// @brief Quality of transmission of every amplified coherent link, as a table and as JSON (`ofe qot`).

#include <string>

#include <nlohmann/json.hpp>

#include "topology/Fabric.h"

namespace ofe::analysis {

/// One row per link the QoT model estimated (Link::qot): length, spans,
/// launch power, channels/slots, worst-channel GSNR with its ASE and NLI
/// parts, required GSNR, margin, pre- and post-FEC BER, accumulated CD and
/// PMD. Links without an estimate are counted in a closing line.
std::string qotTable(const topology::Fabric& fabric);

/// {"links": [{id, name, module, length_m, spans, amplifiers, channels, slots,
/// channel_spacing_hz, launch_power_dbm, optimum_launch_power_dbm, gsnr_db,
/// gsnr_signal_db, osnr_ase_db, snr_nli_db, centre_gsnr_db, required_gsnr_db,
/// margin_db, pre_fec_ber, post_fec_ber, bit_error_rate, cd_ps_per_nm, pmd_ps,
/// spectrum_problem}], "links_without_qot": n}. The noise figures are the
/// worst channel's; "0.1 nm" ones (gsnr_db, osnr_ase_db, snr_nli_db) over
/// 12.5 GHz, gsnr_signal_db over the symbol rate. Keys without a value
/// (required GSNR, margin) are null.
nlohmann::json qotJson(const topology::Fabric& fabric);

}  // namespace ofe::analysis
