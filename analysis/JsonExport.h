#pragma once
/// @file JsonExport.h
/// @brief The fabric as JSON: nodes and links with their derived figures.

#include <nlohmann/json.hpp>

#include <string>

#include "topology/Fabric.h"

namespace ofe::analysis {

/// {"format": "ofe-fabric", "version": 1, "nodes": [...], "links": [...]} in id order.
///
/// Node: id, name, kind (topology::toString), model, site, and pod, rack, tier,
/// rail, slot as integers or null where they do not apply.
/// Link: id, from, to (node ids), module, fibre, channels, length_m, rate_bps
/// (per direction, all channels), latency_s (one way), up, bit_error_rate; a link
/// through passive nodes stays one entry and also carries "spans":
/// [{"length_m", "via" (node id, null for the last span)}].
nlohmann::json fabricToJson(const topology::Fabric& fabric);

/// fabricToJson() printed with 2-space indentation and a final newline.
std::string exportJson(const topology::Fabric& fabric);

}  // namespace ofe::analysis
