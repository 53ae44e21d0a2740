#pragma once
/// @file AnalysisTestSupport.h
/// @brief Shared by the analysis tests: terse hand-building of small fabrics
/// on the shipped catalog. Tests read the catalog figures they derive from,
/// so a revised datasheet figure changes the expectation, not the test.

#include <string>
#include <vector>

#include "topology/Fabric.h"
#include "units/Length.h"

namespace ofe::analysis::test {

inline topology::NodeId addGpu(topology::Fabric& f, const std::string& name, int pod = -1,
                               const std::string& site = "dc") {
  topology::Node n;
  n.name = name;
  n.kind = topology::NodeKind::Gpu;
  n.model = "h100-sxm";
  n.site = site;
  n.pod = pod;
  return f.addNode(n);
}

inline topology::NodeId addSwitch(topology::Fabric& f, const std::string& name, int tier,
                                  const std::string& model = "51.2T-128x400G",
                                  const std::string& site = "dc") {
  topology::Node n;
  n.name = name;
  n.kind = topology::NodeKind::PacketSwitch;
  n.model = model;
  n.site = site;
  n.tier = tier;
  return f.addNode(n);
}

inline topology::NodeId addPassive(topology::Fabric& f, const std::string& name,
                                   topology::NodeKind kind, const std::string& model,
                                   const std::string& site = "route") {
  topology::Node n;
  n.name = name;
  n.kind = kind;
  n.model = model;
  n.site = site;
  return f.addNode(n);
}

/// GPU - leaf: 400G-SR4 over 3 m of OM4.
inline topology::LinkId hostLink(topology::Fabric& f, topology::NodeId gpu, topology::NodeId leaf) {
  topology::LinkSpec s;
  s.module = "400G-SR4";
  s.fibre = "mmf-om4";
  s.length = Length::metres(3);
  return f.addLink(gpu, leaf, s);
}

/// Switch - switch: 400G-DR4 over @p length of 1310 nm SMF.
inline topology::LinkId fabricLink(topology::Fabric& f, topology::NodeId a, topology::NodeId b,
                                   Length length = Length::metres(50), int channels = 1) {
  topology::LinkSpec s;
  s.module = "400G-DR4";
  s.fibre = "smf-1310";
  s.length = length;
  s.channels = channels;
  return f.addLink(a, b, s);
}

/// A link through passive nodes: spans[i] ends at vias[i]; the last span ends at @p b.
inline topology::LinkId routedLink(topology::Fabric& f, topology::NodeId a, topology::NodeId b,
                                   const std::string& module, const std::string& fibre,
                                   const std::vector<Length>& spans,
                                   const std::vector<topology::NodeId>& vias, int channels = 1) {
  topology::LinkSpec s;
  s.module = module;
  s.fibre = fibre;
  s.channels = channels;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    s.spans.push_back(topology::Span{spans[i], i < vias.size() ? vias[i] : topology::kNoNode});
  }
  return f.addLink(a, b, s);
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace ofe::analysis::test
