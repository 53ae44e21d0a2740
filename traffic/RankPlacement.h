#pragma once
/// @file RankPlacement.h
/// @brief Maps a job's ranks onto free GPUs of a fabric.

#include <vector>

#include "topology/Fabric.h"
#include "traffic/JobSpec.h"

namespace ofe::traffic {

/// Returns the GPU of each rank of @p job and marks them in @p taken (indexed
/// by NodeId, grown to the fabric's node count if shorter), so jobs placed one
/// after another get disjoint GPUs.
///  - explicit `gpus`: those nodes, in the order listed (their count must equal `ranks`);
///  - Contiguous: the free GPUs with the lowest ids;
///  - RailAligned: whole free servers (ScaleUpDomains::servers) in order, each
///    in slot order, so rank = server * 8 + slot on 8-GPU servers and ranks of
///    equal slot share a rail; a rank count that is not a multiple of the
///    server size uses the lowest slots of the last server;
///  - Random: a Fisher-Yates shuffle of the free GPUs driven by
///    std::mt19937_64(seed), with draws reduced by rejection rather than
///    std::uniform_int_distribution so every standard library gives the same
///    placement; the first `ranks` GPUs of the shuffle.
/// @throws std::invalid_argument when fewer GPUs are free than the job needs,
/// or a listed name is unknown, not a GPU, taken, or listed twice.
std::vector<topology::NodeId> placeRanks(const topology::Fabric& fabric, const JobSpec& job,
                                         std::vector<bool>& taken);

}  // namespace ofe::traffic
