#include "traffic/NcclProtocol.h"

#include <stdexcept>

namespace ofe::traffic {

namespace {

constexpr std::int64_t kLlLineBytes = 16;
constexpr std::int64_t kLlDataBytes = 8;
constexpr std::int64_t kLl128LineBytes = 128;
constexpr std::int64_t kLl128DataBytes = 120;

std::int64_t lines(std::int64_t payload, std::int64_t perLine) { return (payload + perLine - 1) / perLine; }

void requireConcrete(Protocol protocol) {
  if (protocol == Protocol::Auto) throw std::invalid_argument("protocol 'auto' has no framing; resolve it first");
}

}  // namespace

Bytes NcclProtocol::wireBytes(Protocol protocol, Bytes payload) {
  requireConcrete(protocol);
  switch (protocol) {
    case Protocol::LL: return Bytes(lines(payload.count(), kLlDataBytes) * kLlLineBytes);
    case Protocol::LL128: return Bytes(lines(payload.count(), kLl128DataBytes) * kLl128LineBytes);
    default: return payload;
  }
}

Bytes NcclProtocol::bufferBytes(Protocol protocol) {
  requireConcrete(protocol);
  switch (protocol) {
    case Protocol::LL: return Bytes(8LL * 512 * kSteps * kLlLineBytes);   // DEFAULT_LL_BUFFSIZE
    case Protocol::LL128: return Bytes(120LL * 640 * kSteps * 8);         // DEFAULT_LL128_BUFFSIZE
    default: return Bytes(std::int64_t{1} << 22);                         // DEFAULT_BUFFSIZE
  }
}

Bytes NcclProtocol::stepPayload(Protocol protocol) {
  const std::int64_t step = bufferBytes(protocol).count() / kSteps;
  switch (protocol) {
    case Protocol::LL: return Bytes(step / 2);
    case Protocol::LL128: return Bytes(step / kLl128LineBytes * kLl128DataBytes);
    default: return Bytes(step);
  }
}

Bytes NcclProtocol::ringPiece(Protocol protocol) {
  return protocol == Protocol::Simple ? Bytes(stepPayload(protocol).count() * 2) : stepPayload(protocol);
}

}  // namespace ofe::traffic
