#include "analysis/JsonExport.h"

namespace ofe::analysis {

namespace {

// -1 marks "does not apply" in Node; JSON says that with null.
nlohmann::json optionalIndex(int v) {
  return v < 0 ? nlohmann::json(nullptr) : nlohmann::json(v);
}

}  // namespace

nlohmann::json fabricToJson(const topology::Fabric& fabric) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const topology::Node& n : fabric.nodes()) {
    nodes.push_back({{"id", n.id},
                     {"name", n.name},
                     {"kind", topology::toString(n.kind)},
                     {"model", n.model},
                     {"site", n.site},
                     {"pod", optionalIndex(n.pod)},
                     {"rack", optionalIndex(n.rack)},
                     {"tier", optionalIndex(n.tier)},
                     {"rail", optionalIndex(n.rail)},
                     {"slot", optionalIndex(n.slot)}});
  }
  nlohmann::json links = nlohmann::json::array();
  for (const topology::Link& l : fabric.links()) {
    nlohmann::json j = {{"id", l.id},
                        {"from", l.a},
                        {"to", l.b},
                        {"module", l.module.name},
                        {"fibre", l.fibre.name},
                        {"channels", l.channels},
                        {"length_m", l.length.metresValue()},
                        {"rate_bps", l.rate.bps()},
                        {"latency_s", l.latency.seconds()},
                        {"up", l.up},
                        {"bit_error_rate", l.bitErrorRate}};
    if (l.spans.size() > 1) {
      nlohmann::json spans = nlohmann::json::array();
      for (const topology::Span& s : l.spans) {
        spans.push_back({{"length_m", s.length.metresValue()},
                         {"via", s.via == topology::kNoNode ? nlohmann::json(nullptr)
                                                            : nlohmann::json(s.via)}});
      }
      j["spans"] = std::move(spans);
    }
    links.push_back(std::move(j));
  }
  return {{"format", "ofe-fabric"},
          {"version", 1},
          {"nodes", std::move(nodes)},
          {"links", std::move(links)}};
}

std::string exportJson(const topology::Fabric& fabric) {
  return fabricToJson(fabric).dump(2) + "\n";
}

}  // namespace ofe::analysis
