#pragma once
/// @file Collectives.h
/// @brief Expands one collective instance into a plan of transfers.

#include "traffic/CollectiveCall.h"
#include "traffic/Plan.h"

namespace ofe::traffic {

/// True when @p algorithm implements @p op (for some rank counts; see
/// docs/collectives.md for the table and the power-of-two restrictions).
/// Auto is supported for every op.
bool isSupported(CollectiveOp op, Algorithm algorithm);
/// True when @p op with @p algorithm runs with an NCCL protocol (framing and
/// per-hop latencies): the NCCL algorithms, and direct all-to-all and
/// send-recv, which NCCL runs as point-to-point operations.
bool usesProtocol(CollectiveOp op, Algorithm algorithm);

/// Chunks of the flat schedules when CollectiveCall::chunks is 0: 1 for
/// flat-ring, direct, halving-doubling and hierarchical (their links never
/// idle between steps, so chunking changes nothing but the transfer count);
/// for the pipelines (flat double binary tree, flat broadcast/reduce chain)
/// one chunk per 512 KiB of the
/// data a pipeline carries (S/2 per tree, S per chain), at most 64. 512 KiB is
/// one step of NCCL's Simple protocol: a 4 MiB buffer (DEFAULT_BUFFSIZE,
/// src/init.cc) over NCCL_STEPS = 8 slots (src/include/device.h).
int defaultChunks(CollectiveOp op, Algorithm algorithm, Bytes size);

/// Appends the transfers of @p call to @p plan (ids continue the plan's; the
/// instance's ids are contiguous). Sets srcRank/dstRank/collective/step on
/// each transfer. NCCL algorithms choose their own pieces (NcclProtocol) and
/// ignore `chunks`. @throws std::invalid_argument for fewer than 2 ranks, a
/// GPU listed twice, 0 bytes, a root out of range, an unsupported
/// op/algorithm pair, algorithm or protocol Auto, a protocol on a flat
/// schedule, an NCCL algorithm without a topology (or on servers of unequal
/// size), NVLS without NVLS-capable switches, halving-doubling
/// reduce-scatter/all-gather on a non-power-of-two rank count, hierarchical
/// domains that are not a partition of the ranks into equal sizes, or
/// rankAfter of the wrong length.
CollectiveOutput appendCollective(Plan& plan, const CollectiveCall& call);

/// A plan holding only @p call (whose `after` / `rankAfter` must then be empty).
Plan buildCollective(const CollectiveCall& call);

}  // namespace ofe::traffic
