#pragma once
/// @file NcclProtocol.h
/// @brief NCCL's three wire protocols: how payload is framed on the wire and how much
///        one pipeline step carries.

#include "traffic/JobSpec.h"
#include "units/Bytes.h"

namespace ofe::traffic {

/// Framing and buffer figures of NCCL 2.30's protocols (src/include/device.h,
/// src/init.cc, src/enqueue.cc):
///  - LL: 16-byte lines of 8 data bytes and two 4-byte flags, so the wire
///    carries twice the payload; buffer 8 lines x 512 threads x 8 steps x
///    16 B = 512 KiB;
///  - LL128: 128-byte lines of 120 data bytes and an 8-byte flag; buffer
///    120 elements x 640 threads x 8 steps x 8 B = 4,915,200 B;
///  - Simple: data as is, then a flag per step; buffer 4 MiB.
/// A buffer has NCCL_STEPS = 8 steps.
class NcclProtocol {
 public:
  static constexpr int kSteps = 8;  ///< NCCL_STEPS

  /// Bytes on the wire for @p payload bytes: whole lines for LL and LL128.
  /// @throws std::invalid_argument for Protocol::Auto.
  static Bytes wireBytes(Protocol protocol, Bytes payload);
  /// Buffer of one connection (comm->buffSizes).
  static Bytes bufferBytes(Protocol protocol);
  /// Payload bytes one step of the buffer holds (LL: half the step, LL128: 120/128 of it).
  static Bytes stepPayload(Protocol protocol);
  /// Payload a ring all-reduce moves per pipeline piece: Simple slices of
  /// 2 steps (ALLREDUCE_SLICESTEPS = NCCL_STEPS / 4), one step for LL and LL128.
  static Bytes ringPiece(Protocol protocol);
  /// Payload of one tree or chain chunk: one step (chunkSteps = 1).
  static Bytes treeChunk(Protocol protocol) { return stepPayload(protocol); }
  /// NVLS chunk (NCCL_NVLS_CHUNKSIZE default, src/transport/nvls.cc): 128 KiB.
  static Bytes nvlsChunk() { return Bytes(128 * 1024); }
};

}  // namespace ofe::traffic
