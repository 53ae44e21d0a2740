#pragma once
/// @file PcapTap.h
/// @brief Capture of every frame started on one link (both directions) into a pcap file.

#include <ns3/pcap-file-wrapper.h>
#include <ns3/ptr.h>

#include <cstdint>
#include <string>

#include "core/Frame.h"

namespace ofe::core {

class RunContext;

/// Writes frames as Ethernet (DLT_EN10MB) records with nanosecond
/// timestamps, stamped with the time their serialisation starts. Each record
/// is the whole frame, `Frame::bytes` long: an OfeHeader (Ethernet / IPv4 /
/// UDP 4791 / BTH) followed by zeros for payload, ICRC and FCS, so record
/// count and lengths equal the link's packets and bytes counters. Frames
/// lost on the wire are captured too (they were transmitted). Only tapped
/// links pay for building capture packets.
class PcapTap {
 public:
  /// Creates (truncates) @p path.
  PcapTap(const RunContext& ctx, const std::string& path);
  void write(std::int64_t startPs, const Frame& frame);

 private:
  const RunContext& ctx_;
  ns3::Ptr<ns3::PcapFileWrapper> file_;
};

}  // namespace ofe::core
