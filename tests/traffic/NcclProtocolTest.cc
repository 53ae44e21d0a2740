// NCCL's protocol framing and buffer figures (src/include/device.h, src/init.cc).
#include <gtest/gtest.h>

#include "traffic/NcclProtocol.h"

namespace ofe::traffic {
namespace {

TEST(NcclProtocol, WireBytesAreWholeLines) {
  // LL: 8 data bytes per 16-byte line.
  EXPECT_EQ(NcclProtocol::wireBytes(Protocol::LL, Bytes(8)), Bytes(16));
  EXPECT_EQ(NcclProtocol::wireBytes(Protocol::LL, Bytes(9)), Bytes(32));
  EXPECT_EQ(NcclProtocol::wireBytes(Protocol::LL, Bytes(1024)), Bytes(2048));
  // LL128: 120 data bytes per 128-byte line; 1 MiB needs ceil(1048576 / 120) = 8739 lines.
  EXPECT_EQ(NcclProtocol::wireBytes(Protocol::LL128, Bytes(120)), Bytes(128));
  EXPECT_EQ(NcclProtocol::wireBytes(Protocol::LL128, Bytes(121)), Bytes(256));
  EXPECT_EQ(NcclProtocol::wireBytes(Protocol::LL128, Bytes(1 << 20)), Bytes(8739 * 128));
  EXPECT_EQ(NcclProtocol::wireBytes(Protocol::Simple, Bytes(12345)), Bytes(12345));
  EXPECT_THROW(NcclProtocol::wireBytes(Protocol::Auto, Bytes(1)), std::invalid_argument);
}

TEST(NcclProtocol, BuffersAndStepsAsNcclSizesThem) {
  // LL: 8 lines x 512 threads x 8 steps x 16 B; a step holds 64 KiB, half of it data.
  EXPECT_EQ(NcclProtocol::bufferBytes(Protocol::LL), Bytes(524288));
  EXPECT_EQ(NcclProtocol::stepPayload(Protocol::LL), Bytes(32768));
  // LL128: 120 x 640 x 8 x 8 B; a step of 614400 B carries 576000 data bytes.
  EXPECT_EQ(NcclProtocol::bufferBytes(Protocol::LL128), Bytes(4915200));
  EXPECT_EQ(NcclProtocol::stepPayload(Protocol::LL128), Bytes(576000));
  // Simple: 4 MiB, 512 KiB steps; ring slices of 2 steps.
  EXPECT_EQ(NcclProtocol::bufferBytes(Protocol::Simple), Bytes(4 << 20));
  EXPECT_EQ(NcclProtocol::stepPayload(Protocol::Simple), Bytes(512 << 10));
  EXPECT_EQ(NcclProtocol::ringPiece(Protocol::Simple), Bytes(1 << 20));
  EXPECT_EQ(NcclProtocol::ringPiece(Protocol::LL), Bytes(32768));
  EXPECT_EQ(NcclProtocol::nvlsChunk(), Bytes(128 << 10));
}

}  // namespace
}  // namespace ofe::traffic
