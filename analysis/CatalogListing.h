#pragma once
/// @file CatalogListing.h
/// @brief The equipment catalog as terminal tables and as JSON (`ofe catalog`).

#include <string>

#include <nlohmann/json.hpp>

#include "models/Catalog.h"

namespace ofe::analysis {

/// One fixed-width table per kind (modules, fibres, packet switches, circuit
/// switches, amplifiers, GPUs), one row per entry with its key figures and
/// source. A '*' after the name marks an entry with assumed figures; the
/// notes of those entries follow each table.
std::string catalogTable(const models::Catalog& catalog);

/// The catalog as JSON: {"modules": {name: {...}}, "fibres": ..., "switches": ...,
/// "circuitSwitches": ..., "amplifiers": ..., "gpus": ...}. Figures are numbers in
/// base units named by their key suffix (_bps, _ps, _mm, _db, _w, _db_per_km);
/// modules with a symbol rate add the QoT model's figures (symbolRate_bd,
/// rollOff, modulation, txOsnr_db, requiredGsnr_db, fecThresholdBer), fibres
/// their dispersion, effective area, gamma and PMD.
nlohmann::json catalogJson(const models::Catalog& catalog);

}  // namespace ofe::analysis
