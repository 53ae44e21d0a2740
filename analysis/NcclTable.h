#pragma once
/// @file NcclTable.h
/// @brief The terminal table of collective results, laid out like nccl-tests output.

#include <string>
#include <vector>

#include "analysis/CollectiveResult.h"

namespace ofe::analysis {

/// One line of the table: a size of one collective of one job, iterations averaged.
struct NcclRow {
  std::string job;
  int spec = -1;         ///< its collective in the job (a section of the table)
  traffic::CollectiveOp op = traffic::CollectiveOp::AllReduce;
  traffic::Algorithm algorithm = traffic::Algorithm::FlatRing;  ///< the one that ran
  traffic::Protocol protocol = traffic::Protocol::Auto;         ///< Auto: none (flat schedule)
  int channels = 1;
  int ranks = 0;
  Bytes bytes;
  int iterations = 0;
  bool completed = true;
  Duration time;         ///< mean over iterations
  DataRate algbw;        ///< from the mean time
  DataRate busbw;
  Duration estimate;
  Duration ncclPredicted;  ///< NCCL's tuning model; 0 when none
  Duration slowestRank;  ///< worst over iterations
  Duration fastestRank;  ///< best over iterations
  DataRate ceiling;      ///< busbw ceiling of the schedule that ran (CollectiveResult::ceiling)
  int first = -1;        ///< index (in the results) of its first iteration
};

/// Groups results by (job, collective of the job, S) in first-seen order and
/// averages the time over iterations, as nccl-tests does with -n.
std::vector<NcclRow> ncclRows(const std::vector<CollectiveResult>& results);

/// nccl-tests-style text: a header per job and collective, one line per size
/// (size, count, type, redop, root, time, algbw, busbw, #wrong) followed by
/// ofe's columns (algorithm, protocol and channels that ran, estimate,
/// meas/est, NCCL's model, slowest and fastest rank), and the "# Avg bus
/// bandwidth" footer. Elements are taken as float32 (4 bytes).
std::string ncclTable(const std::vector<NcclRow>& rows);

}  // namespace ofe::analysis
