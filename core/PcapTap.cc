#include "core/PcapTap.h"

#include <ns3/boolean.h>
#include <ns3/object-factory.h>
#include <ns3/packet.h>
#include <ns3/pcap-file.h>

#include <stdexcept>

#include "core/OfeHeader.h"
#include "core/RunContext.h"

namespace ofe::core {

namespace {
constexpr std::uint32_t kDltEn10Mb = 1;  // pcap-linktype(7): LINKTYPE_ETHERNET
}

PcapTap::PcapTap(const RunContext& ctx, const std::string& path) : ctx_(ctx) {
  file_ = ns3::CreateObjectWithAttributes<ns3::PcapFileWrapper>("NanosecMode", ns3::BooleanValue(true));
  file_->Open(path, std::ios::out | std::ios::binary);
  if (file_->Fail()) throw std::runtime_error("cannot open capture file " + path);
  file_->Init(kDltEn10Mb, 65535, 0);
}

void PcapTap::write(std::int64_t startPs, const Frame& frame) {
  const ns3::Time at = ns3::TimeStep(static_cast<std::uint64_t>(startPs));
  const OfeHeader header(frame, ctx_.segmentsOf(frame.transfer));
  const std::uint32_t headerSize = header.GetSerializedSize();
  const std::uint32_t rest = frame.bytes > headerSize ? frame.bytes - headerSize : 0;
  ns3::Ptr<ns3::Packet> packet = ns3::Create<ns3::Packet>(rest);
  packet->AddHeader(header);
  file_->Write(at, packet);
}

}  // namespace ofe::core
