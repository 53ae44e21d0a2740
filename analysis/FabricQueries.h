#pragma once
/// @file FabricQueries.h
/// @brief Small read-only questions about a fabric that several checks and exporters ask.

#include <string>

#include "topology/Fabric.h"

namespace ofe::analysis {

/// "dc/leaf0 - dc/spine1 (link 12)": both ends and the id, since parallel links share ends.
std::string linkLabel(const topology::Fabric& fabric, topology::LinkId id);

/// True for a scale-up (NVLink-class) link: its module is a scale-up port or an
/// end is a scale-up switch. Such links are not NIC links and not scale-out capacity.
bool isScaleUpLink(const topology::Fabric& fabric, const topology::Link& link);

/// True for a packet switch or scale-up switch (nodes with a SwitchModel).
bool isSwitch(topology::NodeKind kind);

/// True for an amplifier or submarine repeater (nodes with an AmplifierModel).
bool isAmplifier(topology::NodeKind kind);

/// Formats a ratio as "2.00:1".
std::string ratioText(double ratio);

}  // namespace ofe::analysis
