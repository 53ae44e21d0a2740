#pragma once
// Stock ns-3 baselines over a 4-hop chain at 100 Gbps.

#include <cstdint>
#include <string>

#include "bench/BenchPart.h"

namespace ofe::bench {

/// PointToPoint + InternetStack + UdpClient/UdpServer: @p packets datagrams
/// of 4096 B at line rate from node 0 to node 4 through 3 routers.
BenchPart runStockIpv4Chain(std::uint64_t packets, const std::string& scheduler);

/// PointToPoint devices without IP: node 0 sends raw frames with
/// NetDevice::Send, nodes 1-3 forward them from a protocol handler, node 4
/// counts them.
BenchPart runStockP2pChain(std::uint64_t packets, const std::string& scheduler);

}  // namespace ofe::bench
