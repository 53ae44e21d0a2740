#pragma once
/// @file OfeHeader.h
/// @brief The header bytes a captured frame carries: Ethernet + IPv4 + UDP + RoCEv2 BTH (+ AETH).

#include <ns3/header.h>

#include <cstdint>
#include <ostream>

#include "core/Frame.h"

namespace ofe::core {

/// Serialises a frame's metadata as RoCEv2 does on the wire, so a capture
/// opens in tshark/Wireshark as Ethernet / IPv4 / UDP 4791 / InfiniBand BTH:
///  - Ethernet II: MACs 02:00:00:<node id> of the frame's source and
///    destination node, EtherType 0x0800;
///  - IPv4: 10.<node id> addresses, ECN field ECT(0) or CE, DSCP 26;
///  - UDP: source port from the transfer id (ECMP entropy), destination 4791;
///  - BTH: opcode RC SEND First/Middle/Last/Only for data, RC Acknowledge
///    for ACK/NACK, 0x81 for a CNP; destination QP = 0x100 + transfer id,
///    PSN = segment (ACK/NACK: next expected segment);
///  - AETH on ACK/NACK: syndrome 0x1f (ACK) or 0x60 (NAK, PSN sequence error).
/// The simulator never parses this: switches and NICs read the Frame
/// metadata. It exists for captures (PcapTap) and the bytes after it (payload,
/// ICRC, FCS) are zeros.
class OfeHeader : public ns3::Header {
 public:
  static constexpr std::uint32_t kDataSize = 14 + 20 + 8 + 12;  ///< Eth + IPv4 + UDP + BTH
  static constexpr std::uint32_t kAckSize = kDataSize + 4;      ///< + AETH
  static constexpr std::uint16_t kRoceUdpPort = 4791;

  static ns3::TypeId GetTypeId();
  ns3::TypeId GetInstanceTypeId() const override;

  OfeHeader() = default;
  /// Header of @p frame, whose total length is `frame.bytes`.
  OfeHeader(const Frame& frame, std::uint32_t segments);

  std::uint32_t GetSerializedSize() const override;
  void Serialize(ns3::Buffer::Iterator start) const override;
  std::uint32_t Deserialize(ns3::Buffer::Iterator start) override;
  void Print(std::ostream& os) const override;

  FrameKind kind() const { return kind_; }
  bool ecn() const { return ecn_; }
  topology::NodeId src() const { return src_; }
  topology::NodeId dst() const { return dst_; }
  std::uint32_t transfer() const { return transfer_; }
  std::uint32_t psn() const { return psn_; }
  std::uint32_t frameBytes() const { return frameBytes_; }

 private:
  FrameKind kind_ = FrameKind::Data;
  bool ecn_ = false;
  std::uint8_t opcode_ = 0x0a;
  topology::NodeId src_ = 0;
  topology::NodeId dst_ = 0;
  std::uint32_t transfer_ = 0;
  std::uint32_t psn_ = 0;
  std::uint32_t frameBytes_ = kDataSize;
};

}  // namespace ofe::core
