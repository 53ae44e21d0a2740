#pragma once
/// @file Link.h
/// @brief A full-duplex link between two packet nodes, with its modules and fibre.

#include <optional>
#include <string>
#include <vector>

#include "models/FibreType.h"
#include "models/LineSettings.h"
#include "models/OpticalModule.h"
#include "models/QotEstimate.h"
#include "topology/Ids.h"
#include "units/DataRate.h"
#include "units/Decibel.h"
#include "units/Duration.h"
#include "units/Length.h"

namespace ofe::topology {

/// One stretch of fibre. A link made of several spans passes the passive node
/// `via` (amplifier, repeater, ROADM, landing station, OCS) at the end of each
/// span but the last.
struct Span {
  Length length;
  NodeId via = kNoNode;
};

/// What a builder asks for when it joins two nodes; Fabric::addLink resolves
/// the names against its catalog and derives rate and latency.
struct LinkSpec {
  std::string module;           ///< catalog key of the module at both ends
  std::string fibre = "smf";    ///< catalog key of the fibre type
  Length length;                ///< used when `spans` is empty: one span of this length
  std::vector<Span> spans;      ///< explicit spans through passive nodes
  int channels = 1;             ///< parallel modules/wavelengths/fibre pairs, bundled as one link
  Decibel extraLoss;            ///< connectors, splices, OCS insertion loss
  std::optional<double> bitErrorRate;  ///< post-FEC bit-error rate per bit, turns into frame loss;
                                       ///< unset: the QoT estimate's, else 0
  std::optional<models::LineSettings> line;  ///< set by the long-haul and submarine builders: the QoT
                                             ///< model estimates the link (topology/AmplifiedLine.h)
  std::string lineAmplifier;  ///< amplifier model at ROADMs, landing stations and the preamplifier
  bool standby = false;       ///< a circuit an OCS schedule sets up later (see Link::standby)
};

/// A link as stored in the Fabric. Both directions have the same figures.
struct Link {
  LinkId id = kNoLink;
  NodeId a = kNoNode;
  NodeId b = kNoNode;
  models::OpticalModule module;  ///< at each end (one per channel per end)
  models::FibreType fibre;
  std::vector<Span> spans;       ///< at least one
  int channels = 1;
  Decibel extraLoss;
  double bitErrorRate = 0.0;     ///< post-FEC, per bit
  bool up = true;                ///< false once failed
  std::optional<models::QotEstimate> qot;  ///< GSNR, margin and BER of an amplified coherent line
  /// A circuit that exists only from a scheduled OCS reconfiguration on: it
  /// starts down and takes over the switch and OCS ports (and modules) of
  /// circuits torn down before it, so port, radix and power counts skip it.
  bool standby = false;

  // Derived by Fabric::addLink:
  Length length;                 ///< sum of span lengths
  DataRate rate;                 ///< module payload rate x channels, per direction
  Duration propagation;          ///< fibre delay over `length`
  Duration moduleLatency;        ///< both ends: 2 x module.latency
  Duration passiveLatency;       ///< amplifiers/repeaters passed
  Duration latency;              ///< one-way: propagation + moduleLatency + passiveLatency
  Decibel worstSpanLoss;         ///< attenuation x longest span + extraLoss (what one receiver or amplifier must absorb)

  /// Returns the end that is not @p n.
  NodeId other(NodeId n) const { return n == a ? b : a; }
};

}  // namespace ofe::topology
