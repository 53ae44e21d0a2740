#pragma once
/// @file Plan.h
/// @brief A DAG of transfers that any engine can run.

#include <vector>

#include "traffic/Transfer.h"

namespace ofe::traffic {

/// Transfers in dependency order: a transfer only depends on earlier ones, so
/// the plan is acyclic by construction.
class Plan {
 public:
  /// Appends a transfer; its id is assigned. @throws std::invalid_argument on a
  /// dependency that is not an earlier transfer, src == dst or a size of 0
  /// bytes (except for a barrier, which must have both), wire bytes below the
  /// payload, or a negative overhead.
  TransferId add(Transfer transfer);
  /// Appends every transfer of @p other, renumbering ids and dependencies;
  /// returns the offset added to @p other's ids.
  TransferId append(const Plan& other);

  const std::vector<Transfer>& transfers() const { return transfers_; }
  const Transfer& transfer(TransferId id) const { return transfers_.at(id); }
  std::size_t size() const { return transfers_.size(); }
  bool empty() const { return transfers_.empty(); }
  /// Sum of all transfer sizes (payload).
  Bytes totalBytes() const;

 private:
  std::vector<Transfer> transfers_;
};

}  // namespace ofe::traffic
