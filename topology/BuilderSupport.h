#pragma once
/// @file BuilderSupport.h
/// @brief Internal helpers shared by the topology builders; not part of the public contract.
///
/// Builders validate every parameter and catalog name before they add the
/// first node, so a rejected parameter set leaves the fabric untouched. The
/// helpers here turn catalog misses and radix overflows into
/// std::invalid_argument messages that name the offending parameter.

#include <fmt/format.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "models/AmplifierModel.h"
#include "models/CircuitSwitchModel.h"
#include "models/OpticalModule.h"
#include "models/SwitchModel.h"
#include "topology/BuiltPart.h"
#include "topology/Fabric.h"
#include "topology/Link.h"
#include "topology/Node.h"
#include "units/Length.h"

namespace ofe::topology::detail {

/// Throws std::invalid_argument with the formatted message unless @p ok.
template <typename... Args>
void require(bool ok, fmt::format_string<Args...> format, Args&&... args) {
  if (!ok) throw std::invalid_argument(fmt::format(format, std::forward<Args>(args)...));
}

/// The node-name prefix: @p prefix, or @p site when it is empty.
std::string namePrefix(const std::string& prefix, const std::string& site);

/// Catalog lookups for builder parameters. An unknown name becomes
/// std::invalid_argument "<builder> <param>: unknown ... (known: ...)".
const models::SwitchModel& requireSwitchModel(const Fabric& fabric, const std::string& param,
                                              const std::string& name);
const models::OpticalModule& requireModule(const Fabric& fabric, const std::string& param,
                                           const std::string& name);
void requireFibre(const Fabric& fabric, const std::string& param, const std::string& name);
void requireGpuModel(const Fabric& fabric, const std::string& param, const std::string& name);
const models::AmplifierModel& requireAmplifier(const Fabric& fabric, const std::string& param,
                                               const std::string& name);
const models::CircuitSwitchModel& requireCircuitSwitch(const Fabric& fabric,
                                                       const std::string& param,
                                                       const std::string& name);

/// Throws when a @p role switch of @p model would need @p needed ports.
void requireRadix(const models::SwitchModel& model, std::int64_t needed, const std::string& role);

/// Ports in use on @p node: one per channel of every link touching it, since
/// each channel ends in its own module.
std::int64_t portsInUse(const Fabric& fabric, NodeId node);

/// Throws when @p extra more ports on switch @p node exceed its model's radix.
/// Nodes that are not switches (GPUs) are not checked.
void requireFreePorts(const Fabric& fabric, NodeId node, std::int64_t extra,
                      const std::string& context);

/// Throws unless @p node exists in @p fabric and forwards packets.
void requirePacketNode(const Fabric& fabric, NodeId node, const std::string& param);

/// A node of @p kind with name, model and site set; every other field -1.
Node makeNode(std::string name, NodeKind kind, std::string model, std::string site);

/// Adds @p node and files its id in @p part by kind (switches, scale-up
/// switches, GPUs or passive sites).
NodeId addNode(Fabric& fabric, BuiltPart& part, Node node);

/// Adds a link and files its id in @p part.
LinkId addLink(Fabric& fabric, BuiltPart& part, NodeId a, NodeId b, const LinkSpec& spec);

/// A single-span LinkSpec.
LinkSpec simpleLink(const std::string& module, const std::string& fibre, Length length);

/// ceil(@p total / @p spacing), at least 1.
std::int64_t spanCount(Length total, Length spacing);

/// Cuts @p total into @p pieces lengths that differ by at most 1 mm and sum to
/// @p total exactly; the longer pieces come first.
std::vector<Length> splitEvenly(Length total, std::int64_t pieces);

}  // namespace ofe::topology::detail
