#include "traffic/Plan.h"

#include <fmt/format.h>

#include <stdexcept>

namespace ofe::traffic {

TransferId Plan::add(Transfer transfer) {
  const auto id = static_cast<TransferId>(transfers_.size());
  for (TransferId dep : transfer.after) {
    if (dep >= id) {
      throw std::invalid_argument(
          fmt::format("transfer {} depends on {}, which is not an earlier transfer", id, dep));
    }
  }
  if (transfer.barrier) {
    if (transfer.src != transfer.dst || transfer.size.count() != 0 || transfer.wire.count() != 0) {
      throw std::invalid_argument(fmt::format("barrier {} must stay on one node and carry no bytes", id));
    }
  } else {
    if (transfer.src == transfer.dst) {
      throw std::invalid_argument(fmt::format("transfer {} has the same source and destination", id));
    }
    if (transfer.size.count() <= 0) {
      throw std::invalid_argument(fmt::format("transfer {} has no bytes", id));
    }
    if (transfer.wire.count() != 0 && transfer.wire < transfer.size) {
      throw std::invalid_argument(fmt::format("transfer {} moves fewer wire bytes than its payload", id));
    }
  }
  if (transfer.overhead < Duration()) {
    throw std::invalid_argument(fmt::format("transfer {} has a negative overhead", id));
  }
  transfer.id = id;
  transfers_.push_back(std::move(transfer));
  return id;
}

TransferId Plan::append(const Plan& other) {
  const auto offset = static_cast<TransferId>(transfers_.size());
  for (Transfer t : other.transfers_) {
    for (TransferId& dep : t.after) dep += offset;
    t.id += offset;
    transfers_.push_back(std::move(t));
  }
  return offset;
}

Bytes Plan::totalBytes() const {
  Bytes total;
  for (const Transfer& t : transfers_) total += t.size;
  return total;
}

}  // namespace ofe::traffic
