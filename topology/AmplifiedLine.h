#pragma once
/// @file AmplifiedLine.h
/// @brief The optical line of a link, as the QoT model sees it.

#include <optional>

#include "models/OpticalLine.h"
#include "topology/Link.h"

namespace ofe::topology {

class Fabric;

/// The amplified line under @p link, or nothing when the QoT model does not
/// apply: @p spec carries no LineSettings (only the long-haul and submarine
/// builders set them), the module is not coherent or has no symbol rate (the
/// reach check then judges it), or nothing amplifies the line. Spans of zero
/// length (a border switch inside its landing station) are left out. An
/// amplifier follows a span ending at an amplifier or repeater (that node's
/// model), at a ROADM or a landing station (the line's amplifier: a ROADM's
/// and a landing station's own losses are taken as compensated by their
/// amplifiers), and the last span when the settings ask for a preamplifier;
/// the booster, when asked for, is the line's amplifier too. The link's extra
/// loss is lumped at the end of the last span.
/// @throws std::invalid_argument when the line's amplifier is not in the catalog.
std::optional<models::OpticalLine> amplifiedLineOf(const Fabric& fabric, const Link& link, const LinkSpec& spec);

}  // namespace ofe::topology
