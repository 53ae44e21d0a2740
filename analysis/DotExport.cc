#include "analysis/DotExport.h"

#include <fmt/format.h>

#include <map>
#include <vector>

#include "analysis/FabricQueries.h"

namespace ofe::analysis {

using topology::NodeKind;

namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

struct Style {
  const char* shape;
  const char* fill;
};

Style styleOf(NodeKind kind) {
  switch (kind) {
    case NodeKind::Gpu:
      return {"box", "#ccebc5"};
    case NodeKind::PacketSwitch:
      return {"ellipse", "#b3cde3"};
    case NodeKind::ScaleUpSwitch:
      return {"ellipse", "#decbe4"};
    case NodeKind::CircuitSwitch:
      return {"diamond", "#fed9a6"};
    case NodeKind::Amplifier:
      return {"triangle", "#ffffcc"};
    case NodeKind::Repeater:
      return {"triangle", "#e5d8bd"};
    case NodeKind::Roadm:
      return {"octagon", "#fddaec"};
    case NodeKind::LandingStation:
      return {"house", "#f2f2f2"};
  }
  return {"box", "#ffffff"};
}

const char* edgeColour(const models::OpticalModule& m) {
  if (m.coherent) return "#984ea3";
  switch (m.medium) {
    case models::Medium::Multimode:
      return "#ff7f00";
    case models::Medium::Singlemode:
      return "#377eb8";
    case models::Medium::Copper:
      return "#666666";
    case models::Medium::ScaleUp:
      return "#4daf4a";
  }
  return "#000000";
}

std::string nodeLine(const topology::Node& n, const std::string& indent) {
  const Style st = styleOf(n.kind);
  const std::string tip =
      n.model.empty() ? toString(n.kind) : fmt::format("{} {}", toString(n.kind), n.model);
  return fmt::format("{}n{} [label={}, shape={}, fillcolor=\"{}\", tooltip={}];\n", indent, n.id,
                     quoted(n.name), st.shape, st.fill, quoted(tip));
}

}  // namespace

std::string exportDot(const topology::Fabric& fabric) {
  std::string out = "graph ofe {\n";
  out += "  graph [overlap=false, outputorder=edgesfirst];\n";
  out += "  node [style=filled, fontsize=10, fontname=\"Helvetica\"];\n";
  out += "  edge [fontsize=8];\n";

  // site -> pod -> nodes (pod -1: directly in the site cluster).
  std::map<std::string, std::map<int, std::vector<topology::NodeId>>> clusters;
  for (const topology::Node& n : fabric.nodes()) clusters[n.site][n.pod].push_back(n.id);
  std::size_t siteIndex = 0;
  for (const auto& [site, pods] : clusters) {
    const bool clustered = !site.empty();
    const std::string indent = clustered ? "    " : "  ";
    if (clustered)
      out += fmt::format("  subgraph cluster_s{} {{\n    label={};\n", siteIndex, quoted(site));
    for (const auto& [pod, ids] : pods) {
      if (pod >= 0) {
        out += fmt::format("{}subgraph cluster_s{}_p{} {{\n{}  label={};\n", indent, siteIndex, pod,
                           indent, quoted(fmt::format("pod {}", pod)));
      }
      for (topology::NodeId id : ids)
        out += nodeLine(fabric.node(id), pod >= 0 ? indent + "  " : indent);
      if (pod >= 0) out += indent + "}\n";
    }
    if (clustered) out += "  }\n";
    ++siteIndex;
  }

  for (const topology::Link& l : fabric.links()) {
    const std::string tip =
        fmt::format("{}: {} x{}, {}, {}, {}{}", linkLabel(fabric, l.id), l.module.name, l.channels,
                    l.length, l.rate, l.latency, l.up ? "" : ", down");
    topology::NodeId from = l.a;
    for (std::size_t i = 0; i < l.spans.size(); ++i) {
      const topology::NodeId to = l.spans[i].via == topology::kNoNode ? l.b : l.spans[i].via;
      out += fmt::format("  n{} -- n{} [color=\"{}\"{}, tooltip={}];\n", from, to,
                         edgeColour(l.module), l.up ? "" : ", style=dashed", quoted(tip));
      from = to;
    }
  }
  out += "}\n";
  return out;
}

}  // namespace ofe::analysis
