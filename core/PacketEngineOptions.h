#pragma once
/// @file PacketEngineOptions.h
/// @brief Options of the packet engine that are not run settings: captures.

#include <string>
#include <vector>

#include "topology/Ids.h"

namespace ofe::core {

/// Optional packet captures. For each link in `pcapLinks` one file
/// `<pcapPrefix>link<id>.pcap` receives every frame started on that link, in
/// both directions (see PcapTap). Captures need headers of at least
/// OfeHeader::kAckSize bytes (the default 62 B qualifies).
struct PacketEngineOptions {
  std::vector<topology::LinkId> pcapLinks;
  std::string pcapPrefix = "ofe-";
};

}  // namespace ofe::core
