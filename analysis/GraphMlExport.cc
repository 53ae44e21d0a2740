#include "analysis/GraphMlExport.h"

#include <fmt/format.h>

#include "analysis/XmlText.h"

namespace ofe::analysis {

namespace {

// Shortest text that reads back as the same double, for exact round trips.
std::string number(double v) {
  return fmt::format("{}", v);
}

void data(std::string& out, const char* key, const std::string& value) {
  out += fmt::format("      <data key=\"{}\">{}</data>\n", key, value);
}

}  // namespace

std::string exportGraphMl(const topology::Fabric& fabric) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const char* key : {"name", "kind", "model", "site"}) {
    out += fmt::format("  <key id=\"{0}\" for=\"node\" attr.name=\"{0}\" attr.type=\"string\"/>\n",
                       key);
  }
  for (const char* key : {"pod", "rack", "tier", "rail", "slot"}) {
    out += fmt::format(
        "  <key id=\"{0}\" for=\"node\" attr.name=\"{0}\" attr.type=\"int\">\n    "
        "<default>-1</default>\n  </key>\n",
        key);
  }
  const std::pair<const char*, const char*> edgeKeys[] = {
      {"link", "int"},
      {"span", "int"},
      {"module", "string"},
      {"fibre", "string"},
      {"channels", "int"},
      {"length_m", "double"},
      {"link_length_m", "double"},
      {"rate_bps", "long"},
      {"latency_s", "double"},
      {"up", "boolean"},
  };
  for (const auto& [key, type] : edgeKeys) {
    out += fmt::format("  <key id=\"{0}\" for=\"edge\" attr.name=\"{0}\" attr.type=\"{1}\"/>\n",
                       key, type);
  }
  out += "  <graph id=\"ofe\" edgedefault=\"undirected\">\n";
  for (const topology::Node& n : fabric.nodes()) {
    out += fmt::format("    <node id=\"n{}\">\n", n.id);
    data(out, "name", xmlEscaped(n.name));
    data(out, "kind", topology::toString(n.kind));
    data(out, "model", xmlEscaped(n.model));
    data(out, "site", xmlEscaped(n.site));
    const std::pair<const char*, int> indices[] = {
        {"pod", n.pod}, {"rack", n.rack}, {"tier", n.tier}, {"rail", n.rail}, {"slot", n.slot}};
    for (const auto& [key, v] : indices) {
      if (v >= 0) data(out, key, std::to_string(v));
    }
    out += "    </node>\n";
  }
  for (const topology::Link& l : fabric.links()) {
    topology::NodeId from = l.a;
    for (std::size_t i = 0; i < l.spans.size(); ++i) {
      const topology::Span& span = l.spans[i];
      const topology::NodeId to = span.via == topology::kNoNode ? l.b : span.via;
      const std::string id =
          l.spans.size() == 1 ? fmt::format("e{}", l.id) : fmt::format("e{}.{}", l.id, i);
      out += fmt::format("    <edge id=\"{}\" source=\"n{}\" target=\"n{}\">\n", id, from, to);
      data(out, "link", std::to_string(l.id));
      data(out, "span", std::to_string(i));
      data(out, "module", xmlEscaped(l.module.name));
      data(out, "fibre", xmlEscaped(l.fibre.name));
      data(out, "channels", std::to_string(l.channels));
      data(out, "length_m", number(span.length.metresValue()));
      data(out, "link_length_m", number(l.length.metresValue()));
      data(out, "rate_bps", std::to_string(l.rate.bps()));
      data(out, "latency_s", number(l.latency.seconds()));
      // "1"/"0" are xsd:boolean too, and the only spellings Boost's read_graphml
      // accepts (boostorg/graph PR #92); NetworkX reads both.
      data(out, "up", l.up ? "1" : "0");
      out += "    </edge>\n";
      from = to;
    }
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace ofe::analysis
