#include "analysis/CatalogListing.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace ofe::analysis {

namespace {

/// Rows of strings; the last column (source) is left unpadded so long
/// citations do not widen every other row.
struct Table {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::pair<std::string, std::string>> notes;  ///< assumed entries: name, why

  template <typename Entry>
  std::vector<std::string>& addRow(const Entry& e) {
    rows.push_back({e.assumption ? e.name + "*" : e.name});
    if (e.assumption) notes.emplace_back(e.name, e.notes);
    return rows.back();
  }
};

std::string render(const Table& t) {
  std::vector<std::size_t> width(t.header.size(), 0);
  auto widen = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
      width[i] = std::max(width[i], row[i].size());
  };
  widen(t.header);
  for (const auto& row : t.rows) widen(row);

  auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i + 1 == row.size()) {
        out += row[i];
      } else {
        out += fmt::format("{:<{}}  ", row[i], width[i]);
      }
    }
    out += '\n';
    return out;
  };

  std::string out = t.title + "\n";
  out += line(t.header);
  std::size_t rule = 0;
  for (std::size_t i = 0; i + 1 < width.size(); ++i) rule += width[i] + 2;
  out += std::string(rule + width.back(), '-') + "\n";
  for (const auto& row : t.rows) out += line(row);
  for (const auto& [name, why] : t.notes) out += fmt::format("  * {}: {}\n", name, why);
  return out + "\n";
}

std::string yesNo(bool b) {
  return b ? "yes" : "no";
}

Table modulesTable(const models::Catalog& c) {
  Table t{"Optical modules and ports",
          {"name", "form", "medium", "rate", "lanes", "overhead", "line rate", "FEC", "latency",
           "reach", "max loss", "power", "coherent", "source"},
          {},
          {}};
  for (const auto& [name, m] : c.modules()) {
    auto& r = t.addRow(m);
    const std::string maxLoss = m.maxChannelLoss.db() > 0.0 ? m.maxChannelLoss.toString() : "-";
    for (std::string cell :
         {m.formFactor, models::toString(m.medium), m.rate.toString(), std::to_string(m.lanes),
          fmt::format("{:.6g}", m.lineOverhead), m.lineRate().toString(), m.fec,
          m.latency.toString(), m.reach.toString(), maxLoss, m.power.toString(), yesNo(m.coherent),
          m.source}) {
      r.push_back(std::move(cell));
    }
  }
  return t;
}

Table fibresTable(const models::Catalog& c) {
  Table t{"Fibres and cables",
          {"name", "attenuation", "group index", "delay per km", "source"},
          {},
          {}};
  for (const auto& [name, f] : c.fibres()) {
    auto& r = t.addRow(f);
    for (std::string cell : {f.attenuation.toString(), fmt::format("{:.4g}", f.groupIndex),
                             f.delayOver(Length::kilometres(1)).toString(), f.source}) {
      r.push_back(std::move(cell));
    }
  }
  return t;
}

Table switchesTable(const models::Catalog& c) {
  Table t{"Packet switches",
          {"name", "ports", "port rate", "capacity", "buffer", "port-to-port", "cut-through",
           "power", "source"},
          {},
          {}};
  for (const auto& [name, s] : c.switches()) {
    auto& r = t.addRow(s);
    for (std::string cell : {std::to_string(s.ports), s.portRate.toString(), s.capacity.toString(),
                             s.buffer.toString(), s.portToPort.toString(), yesNo(s.cutThrough),
                             s.power.toString(), s.source}) {
      r.push_back(std::move(cell));
    }
  }
  return t;
}

Table circuitSwitchesTable(const models::Catalog& c) {
  Table t{"Optical circuit switches",
          {"name", "ports", "insertion loss", "reconfiguration", "power", "source"},
          {},
          {}};
  for (const auto& [name, o] : c.circuitSwitches()) {
    auto& r = t.addRow(o);
    for (std::string cell : {std::to_string(o.ports), o.insertionLoss.toString(),
                             o.reconfiguration.toString(), o.power.toString(), o.source}) {
      r.push_back(std::move(cell));
    }
  }
  return t;
}

Table amplifiersTable(const models::Catalog& c) {
  Table t{"Amplifiers and repeaters",
          {"name", "type", "gain", "noise figure", "max span", "latency", "power", "source"},
          {},
          {}};
  for (const auto& [name, a] : c.amplifiers()) {
    auto& r = t.addRow(a);
    for (std::string cell : {std::string(a.submarine ? "submarine" : "terrestrial"),
                             a.gain.toString(), a.noiseFigure.toString(), a.maxSpan.toString(),
                             a.latency.toString(), a.power.toString(), a.source}) {
      r.push_back(std::move(cell));
    }
  }
  return t;
}

Table gpusTable(const models::Catalog& c) {
  Table t{"GPUs",
          {"name", "power", "NICs", "NIC rate", "NIC power", "NIC latency", "scale-up",
           "scale-up latency", "per server", "source"},
          {},
          {}};
  for (const auto& [name, g] : c.gpus()) {
    auto& r = t.addRow(g);
    for (std::string cell :
         {g.power.toString(), std::to_string(g.nics), g.nicRate.toString(), g.nicPower.toString(),
          g.nicLatency.toString(), g.scaleUpRate.toString(), g.scaleUpLatency.toString(),
          std::to_string(g.gpusPerServer), g.source}) {
      r.push_back(std::move(cell));
    }
  }
  return t;
}

template <typename Entry>
nlohmann::json provenance(const Entry& e) {
  return {{"source", e.source}, {"assumption", e.assumption}, {"notes", e.notes}};
}

}  // namespace

std::string catalogTable(const models::Catalog& catalog) {
  std::string out =
      "Equipment catalog (* = some figure assumed, reason below the table; sources in "
      "docs/catalog.md)\n\n";
  for (const Table& t :
       {modulesTable(catalog), fibresTable(catalog), switchesTable(catalog),
        circuitSwitchesTable(catalog), amplifiersTable(catalog), gpusTable(catalog)}) {
    out += render(t);
  }
  return out;
}

nlohmann::json catalogJson(const models::Catalog& catalog) {
  nlohmann::json j = {
      {"modules", nlohmann::json::object()},    {"fibres", nlohmann::json::object()},
      {"switches", nlohmann::json::object()},   {"circuitSwitches", nlohmann::json::object()},
      {"amplifiers", nlohmann::json::object()}, {"gpus", nlohmann::json::object()}};
  for (const auto& [name, m] : catalog.modules()) {
    nlohmann::json e = provenance(m);
    e["formFactor"] = m.formFactor;
    e["medium"] = models::toString(m.medium);
    e["rate_bps"] = m.rate.bps();
    e["lanes"] = m.lanes;
    e["lineOverhead"] = m.lineOverhead;
    e["lineRate_bps"] = m.lineRate().bps();
    e["fec"] = m.fec;
    e["latency_ps"] = m.latency.ps();
    e["reach_mm"] = m.reach.mm();
    e["maxChannelLoss_db"] = m.maxChannelLoss.db();
    e["power_w"] = m.power.wattsValue();
    e["coherent"] = m.coherent;
    if (m.symbolRate.baudValue() > 0.0) {  // the QoT model's figures (docs/optics.md)
      e["symbolRate_bd"] = m.symbolRate.baudValue();
      e["rollOff"] = m.rollOff;
      e["modulation"] = models::toString(m.modulation);
      e["txOsnr_db"] = m.txOsnr.db();
      e["requiredGsnr_db"] = m.requiredGsnr ? nlohmann::json(m.requiredGsnr->db()) : nlohmann::json();
      e["fecThresholdBer"] = m.fecThresholdBer;
    }
    j["modules"][name] = std::move(e);
  }
  for (const auto& [name, f] : catalog.fibres()) {
    nlohmann::json e = provenance(f);
    e["attenuation_db_per_km"] = f.attenuation.dbPerKmValue();
    e["groupIndex"] = f.groupIndex;
    e["delayPerKm_ps"] = f.delayOver(Length::kilometres(1)).ps();
    e["dispersion_ps_per_nm_km"] = f.dispersion.psPerNmKmValue();
    e["effectiveArea_um2"] = f.effectiveArea.squareMicrometresValue();
    e["gamma_per_w_km"] = f.nonlinearCoefficient().perWattKmValue();
    e["pmd_ps_per_sqrt_km"] = f.pmd.psPerSqrtKmValue();
    j["fibres"][name] = std::move(e);
  }
  for (const auto& [name, s] : catalog.switches()) {
    nlohmann::json e = provenance(s);
    e["ports"] = s.ports;
    e["portRate_bps"] = s.portRate.bps();
    e["capacity_bps"] = s.capacity.bps();
    e["buffer_bytes"] = s.buffer.count();
    e["portToPort_ps"] = s.portToPort.ps();
    e["cutThrough"] = s.cutThrough;
    e["power_w"] = s.power.wattsValue();
    j["switches"][name] = std::move(e);
  }
  for (const auto& [name, o] : catalog.circuitSwitches()) {
    nlohmann::json e = provenance(o);
    e["ports"] = o.ports;
    e["insertionLoss_db"] = o.insertionLoss.db();
    e["reconfiguration_ps"] = o.reconfiguration.ps();
    e["power_w"] = o.power.wattsValue();
    j["circuitSwitches"][name] = std::move(e);
  }
  for (const auto& [name, a] : catalog.amplifiers()) {
    nlohmann::json e = provenance(a);
    e["submarine"] = a.submarine;
    e["gain_db"] = a.gain.db();
    e["noiseFigure_db"] = a.noiseFigure.db();
    e["maxSpan_mm"] = a.maxSpan.mm();
    e["latency_ps"] = a.latency.ps();
    e["power_w"] = a.power.wattsValue();
    j["amplifiers"][name] = std::move(e);
  }
  for (const auto& [name, g] : catalog.gpus()) {
    nlohmann::json e = provenance(g);
    e["power_w"] = g.power.wattsValue();
    e["nics"] = g.nics;
    e["nicRate_bps"] = g.nicRate.bps();
    e["nicPower_w"] = g.nicPower.wattsValue();
    e["nicLatency_ps"] = g.nicLatency.ps();
    e["scaleUpRate_bps"] = g.scaleUpRate.bps();
    e["scaleUpLatency_ps"] = g.scaleUpLatency.ps();
    e["gpusPerServer"] = g.gpusPerServer;
    j["gpus"][name] = std::move(e);
  }
  return j;
}

}  // namespace ofe::analysis
