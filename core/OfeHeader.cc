#include "core/OfeHeader.h"

namespace ofe::core {

namespace {

// InfiniBand BTH opcodes (IBTA vol. 1, 9.2; RoCEv2 annex A17 for the CNP).
constexpr std::uint8_t kSendFirst = 0x00;
constexpr std::uint8_t kSendMiddle = 0x01;
constexpr std::uint8_t kSendLast = 0x02;
constexpr std::uint8_t kSendOnly = 0x04;
constexpr std::uint8_t kAcknowledge = 0x11;
constexpr std::uint8_t kCnp = 0x81;
constexpr std::uint8_t kAethAck = 0x1f;  // ACK, unlimited credit
constexpr std::uint8_t kAethNak = 0x60;  // NAK: PSN sequence error
constexpr std::uint8_t kEcnCe = 0x03;
constexpr std::uint8_t kEcnEct0 = 0x02;
constexpr std::uint8_t kDscp = 26;
// Queue pairs 0 and 1 are InfiniBand management QPs; data QPs start above.
constexpr std::uint32_t kFirstQp = 0x100;

void writeMac(ns3::Buffer::Iterator& it, topology::NodeId node) {
  it.WriteU8(0x02);  // locally administered, unicast
  it.WriteU8(0x00);
  it.WriteHtonU32(node);
}

topology::NodeId readMac(ns3::Buffer::Iterator& it) {
  it.ReadU8();
  it.ReadU8();
  return it.ReadNtohU32();
}

std::uint32_t ipv4(topology::NodeId node) { return (10u << 24) | (node & 0x00ffffffu); }

// RFC 1071 checksum over the 20-byte IPv4 header held in 16-bit words.
std::uint16_t ipChecksum(const std::uint16_t (&words)[10]) {
  std::uint32_t sum = 0;
  for (std::uint16_t w : words) sum += w;
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<std::uint16_t>(~sum);
}

}  // namespace

ns3::TypeId OfeHeader::GetTypeId() {
  static ns3::TypeId tid =
      ns3::TypeId("ofe::core::OfeHeader").SetParent<ns3::Header>().SetGroupName("Ofe").AddConstructor<OfeHeader>();
  return tid;
}

ns3::TypeId OfeHeader::GetInstanceTypeId() const { return GetTypeId(); }

OfeHeader::OfeHeader(const Frame& frame, std::uint32_t segments)
    : kind_(frame.kind),
      ecn_(frame.ecn),
      src_(frame.src),
      dst_(frame.dst),
      transfer_(frame.transfer),
      psn_(frame.seq),
      frameBytes_(frame.bytes) {
  switch (frame.kind) {
    case FrameKind::Data:
      if (segments <= 1) opcode_ = kSendOnly;
      else if (frame.seq == 0) opcode_ = kSendFirst;
      else if (frame.seq + 1 == segments) opcode_ = kSendLast;
      else opcode_ = kSendMiddle;
      break;
    case FrameKind::Ack:
    case FrameKind::Nack: opcode_ = kAcknowledge; break;
    case FrameKind::Cnp: opcode_ = kCnp; break;
  }
}

std::uint32_t OfeHeader::GetSerializedSize() const {
  return kind_ == FrameKind::Ack || kind_ == FrameKind::Nack ? kAckSize : kDataSize;
}

void OfeHeader::Serialize(ns3::Buffer::Iterator it) const {
  writeMac(it, dst_);
  writeMac(it, src_);
  it.WriteHtonU16(0x0800);

  // IPv4 total length covers everything after the Ethernet header (the
  // trailing ICRC/FCS zeros included, so the lengths stay consistent).
  const std::uint16_t total = static_cast<std::uint16_t>(frameBytes_ > 14 ? frameBytes_ - 14 : 0);
  const std::uint32_t s = ipv4(src_);
  const std::uint32_t d = ipv4(dst_);
  const std::uint16_t words[10] = {
      static_cast<std::uint16_t>(0x4500 | (kDscp << 2) | (ecn_ ? kEcnCe : kEcnEct0)),
      total,
      0,
      0x4000,  // don't fragment
      static_cast<std::uint16_t>((64 << 8) | 17),
      0,
      static_cast<std::uint16_t>(s >> 16),
      static_cast<std::uint16_t>(s & 0xffff),
      static_cast<std::uint16_t>(d >> 16),
      static_cast<std::uint16_t>(d & 0xffff)};
  const std::uint16_t checksum = ipChecksum(words);
  for (int i = 0; i < 10; ++i) it.WriteHtonU16(i == 5 ? checksum : words[i]);

  it.WriteHtonU16(static_cast<std::uint16_t>(0xc000 | (transfer_ & 0x3fff)));
  it.WriteHtonU16(kRoceUdpPort);
  it.WriteHtonU16(static_cast<std::uint16_t>(total >= 20 ? total - 20 : 0));
  it.WriteHtonU16(0);  // UDP checksum: not used over IPv4 by RoCEv2

  it.WriteU8(opcode_);
  it.WriteU8(0x40);  // MigReq
  it.WriteHtonU16(0xffff);  // default P_Key
  it.WriteHtonU32((transfer_ + kFirstQp) & 0x00ffffffu);  // reserved byte + destination QP
  it.WriteHtonU32((kind_ == FrameKind::Data ? 0x80000000u : 0u) | (psn_ & 0x00ffffffu));  // AckReq + PSN

  if (kind_ == FrameKind::Ack || kind_ == FrameKind::Nack) {
    it.WriteHtonU32((static_cast<std::uint32_t>(kind_ == FrameKind::Ack ? kAethAck : kAethNak) << 24) |
                    (psn_ & 0x00ffffffu));
  }
}

std::uint32_t OfeHeader::Deserialize(ns3::Buffer::Iterator it) {
  dst_ = readMac(it);
  src_ = readMac(it);
  it.ReadNtohU16();
  const std::uint16_t first = it.ReadNtohU16();
  ecn_ = (first & 0x3) == kEcnCe;
  frameBytes_ = static_cast<std::uint32_t>(it.ReadNtohU16()) + 14;
  it.Next(16);
  it.Next(8);  // UDP
  opcode_ = it.ReadU8();
  it.Next(3);
  transfer_ = (it.ReadNtohU32() & 0x00ffffffu) - kFirstQp;
  psn_ = it.ReadNtohU32() & 0x00ffffffu;
  switch (opcode_) {
    case kAcknowledge: {
      const std::uint32_t aeth = it.ReadNtohU32();
      kind_ = (aeth >> 24) == kAethNak ? FrameKind::Nack : FrameKind::Ack;
      break;
    }
    case kCnp: kind_ = FrameKind::Cnp; break;
    default: kind_ = FrameKind::Data; break;
  }
  return GetSerializedSize();
}

void OfeHeader::Print(std::ostream& os) const {
  static const char* const kNames[] = {"data", "ack", "nack", "cnp"};
  os << kNames[static_cast<int>(kind_)] << " node " << src_ << " -> " << dst_ << " transfer " << transfer_
     << " psn " << psn_ << (ecn_ ? " CE" : "") << " len " << frameBytes_;
}

}  // namespace ofe::core
