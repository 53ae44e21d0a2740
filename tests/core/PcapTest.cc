// A capture of one link holds exactly the frames the engine counted.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/PacketEngine.h"
#include "tests/core/CoreTestSupport.h"

namespace ofe::core {
namespace {

std::uint32_t le32(const std::vector<unsigned char>& b, std::size_t at) {
  return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (static_cast<std::uint32_t>(b[at + 3]) << 24);
}

struct Capture {
  std::uint32_t magic = 0;
  std::uint32_t linkType = 0;
  std::uint64_t records = 0;
  std::uint64_t bytes = 0;
  std::uint64_t truncated = 0;
  std::vector<unsigned char> first;  ///< bytes of the first record
};

// pcap: 24-byte global header, then per record 16 bytes (seconds,
// fraction, captured length, original length) and the data.
Capture readPcap(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::vector<unsigned char> b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Capture c;
  if (b.size() < 24) return c;
  c.magic = le32(b, 0);
  c.linkType = le32(b, 20);
  std::size_t at = 24;
  while (at + 16 <= b.size()) {
    const std::uint32_t captured = le32(b, at + 8);
    const std::uint32_t original = le32(b, at + 12);
    if (c.records == 0) c.first.assign(b.begin() + at + 16, b.begin() + at + 16 + captured);
    ++c.records;
    c.bytes += original;
    if (captured != original) ++c.truncated;
    at += 16 + captured;
  }
  return c;
}

TEST(Pcap, CaptureMatchesTheLinkCounters) {
  auto chain = test::makeChain(2);  // gpu0 - sw0 - sw1 - gpu1
  const auto routing = topology::Routing::compute(chain.fabric);
  PacketEngineOptions options;
  options.pcapLinks = {chain.links[1]};
  options.pcapPrefix = ::testing::TempDir() + "ofe-core-pcap-";
  PacketEngine engine(chain.fabric, routing, models::EngineSettings{}, options);
  traffic::Plan plan;
  // 10 full segments and a 1000-byte tail: 11 data frames one way, 11 ACKs
  // (one per segment) the other.
  plan.add(test::transfer(chain.src, chain.dst, 10 * 4096 + 1000));
  const RunResult r = engine.run(plan);
  ASSERT_TRUE(r.completed) << r.diagnosis;

  const LinkDirectionStats& fwd = r.links[2 * chain.links[1]];
  const LinkDirectionStats& back = r.links[2 * chain.links[1] + 1];
  ASSERT_EQ(fwd.packets, 11u);
  ASSERT_EQ(back.packets, 11u);
  // 10 x (4096 + 62) + (1000 + 62) = 42,642 B and 11 x 62 = 682 B.
  ASSERT_EQ(fwd.bytes, Bytes(42'642));
  ASSERT_EQ(back.bytes, Bytes(682));

  const std::string path = options.pcapPrefix + "link" + std::to_string(chain.links[1]) + ".pcap";
  const Capture cap = readPcap(path);
  EXPECT_EQ(cap.magic, 0xa1b23c4du);  // nanosecond timestamps
  EXPECT_EQ(cap.linkType, 1u);        // Ethernet
  EXPECT_EQ(cap.records, fwd.packets + back.packets);
  EXPECT_EQ(cap.bytes, static_cast<std::uint64_t>((fwd.bytes + back.bytes).count()));
  EXPECT_EQ(cap.truncated, 0u);
  ASSERT_GE(cap.first.size(), 54u);
  EXPECT_EQ(cap.first[12], 0x08);  // IPv4
  EXPECT_EQ(cap.first[13], 0x00);
  EXPECT_EQ(cap.first[23], 17);  // UDP
  EXPECT_EQ((cap.first[36] << 8) | cap.first[37], 4791);  // RoCEv2

  if (std::system("command -v tshark >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "tshark not installed; the capture was checked by parsing it";
  }
  const std::string cmd = "tshark -r '" + path + "' -T fields -e frame.len -e frame.protocols 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::uint64_t lines = 0, bytes = 0, infiniband = 0;
  char line[512];
  while (fgets(line, sizeof line, pipe) != nullptr) {
    ++lines;
    bytes += std::strtoull(line, nullptr, 10);
    if (std::string(line).find("infiniband") != std::string::npos) ++infiniband;
  }
  ASSERT_EQ(pclose(pipe), 0);
  EXPECT_EQ(lines, cap.records);
  EXPECT_EQ(bytes, cap.bytes);
  EXPECT_EQ(infiniband, cap.records);  // tshark decodes every frame as RoCEv2
}

}  // namespace
}  // namespace ofe::core
