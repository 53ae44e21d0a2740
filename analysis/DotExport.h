#pragma once
/// @file DotExport.h
/// @brief The fabric as a Graphviz DOT graph.

#include <string>

#include "topology/Fabric.h"

namespace ofe::analysis {

/// An undirected DOT graph that `dot`, `neato` or `sfdp` render. Nodes are
/// "n<id>" labelled with their names, grouped in one cluster per site and,
/// inside it, one per pod; shape and colour follow the node kind. A link is an
/// edge per span (a - via... - b), so passive nodes sit on the drawn route;
/// colour follows the module medium (coherent modules apart), down links are
/// dashed, and the tooltip gives module, channels, length, rate and latency.
/// Deterministic: sites by name, pods ascending, nodes and links by id.
std::string exportDot(const topology::Fabric& fabric);

}  // namespace ofe::analysis
