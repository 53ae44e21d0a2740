#pragma once
/// @file GraphMlExport.h
/// @brief The fabric as GraphML for Boost (read_graphml), yEd, Gephi or NetworkX.

#include <string>

#include "topology/Fabric.h"

namespace ofe::analysis {

/// A GraphML document with one undirected graph. Nodes "n<id>" carry keys
/// name, kind, model, site (string) and pod, rack, tier, rail, slot (int,
/// default -1, written only when they apply). A link becomes one edge per span
/// (a - via... - b) with id "e<link>" or "e<link>.<span>", carrying link (int),
/// span (int), module, fibre (string), channels (int), length_m (double, this
/// span), link_length_m (double), rate_bps (long), latency_s (double, whole
/// link one way) and up (boolean, written 1/0). Names are XML-escaped. Deterministic.
std::string exportGraphMl(const topology::Fabric& fabric);

}  // namespace ofe::analysis
