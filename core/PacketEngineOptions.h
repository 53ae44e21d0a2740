#pragma once
/// @file PacketEngineOptions.h
/// @brief Options of the packet engine that are not run settings: captures, progress, topology changes.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/RunResult.h"
#include "topology/Ids.h"
#include "topology/LinkEvent.h"
#include "units/Duration.h"

namespace ofe::core {

/// Where a run stands, handed to PacketEngineOptions::progress.
struct EngineProgress {
  Duration simulated;              ///< simulated clock
  std::uint64_t events = 0;        ///< simulator events executed so far
  std::size_t transfersDone = 0;
  std::size_t transfersTotal = 0;
  /// Results so far, indexed by TransferId (`completed` set as transfers finish).
  const std::vector<TransferResult>* transfers = nullptr;
};

/// Optional packet captures and a progress callback. For each link in `pcapLinks` one file
/// `<pcapPrefix>link<id>.pcap` receives every frame started on that link, in
/// both directions (see PcapTap). Captures need headers of at least
/// OfeHeader::kAckSize bytes (the default 62 B qualifies).
struct PacketEngineOptions {
  std::vector<topology::LinkId> pcapLinks;
  std::string pcapPrefix = "ofe-";
  /// Called every progressInterval of simulated time while transfers remain
  /// (one extra event per interval); the callback decides whether to show it.
  std::function<void(const EngineProgress&)> progress;
  Duration progressInterval = Duration::microseconds(100);
  /// Topology changes during the run, in any order (an OCS layer's schedule):
  /// each sets its link's state at its time; routing follows rerouteDelay later.
  std::vector<topology::LinkEvent> linkEvents;
};

}  // namespace ofe::core
