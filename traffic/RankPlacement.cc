#include "traffic/RankPlacement.h"

#include <fmt/format.h>

#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <utility>

#include "traffic/CollectiveNames.h"
#include "traffic/ScaleUpDomains.h"
#include "traffic/SeededDraw.h"

namespace ofe::traffic {

namespace {

using topology::Fabric;
using topology::NodeId;
using topology::NodeKind;

std::vector<NodeId> freeGpus(const Fabric& fabric, const std::vector<bool>& taken) {
  std::vector<NodeId> out;
  for (NodeId g : fabric.nodesOfKind(NodeKind::Gpu)) {
    if (!taken[g]) out.push_back(g);
  }
  return out;
}

[[noreturn]] void notEnough(const JobSpec& job, std::size_t available, const char* where) {
  throw std::invalid_argument(fmt::format("job '{}' needs {} GPUs ({} placement) but only {} are free{}", job.name,
                                          job.ranks, toString(job.placement), available, where));
}

std::vector<NodeId> named(const Fabric& fabric, const JobSpec& job, const std::vector<bool>& taken) {
  if (static_cast<int>(job.gpus.size()) != job.ranks) {
    throw std::invalid_argument(
        fmt::format("job '{}' lists {} GPUs but has {} ranks", job.name, job.gpus.size(), job.ranks));
  }
  std::vector<NodeId> out;
  std::vector<bool> listed(fabric.nodeCount(), false);
  for (const std::string& name : job.gpus) {
    const auto id = fabric.findNode(name);
    if (!id) throw std::invalid_argument(fmt::format("job '{}': no node named '{}'", job.name, name));
    if (fabric.node(*id).kind != NodeKind::Gpu) {
      throw std::invalid_argument(fmt::format("job '{}': node '{}' is a {}, not a GPU", job.name, name,
                                              topology::toString(fabric.node(*id).kind)));
    }
    if (listed[*id]) throw std::invalid_argument(fmt::format("job '{}' lists GPU '{}' twice", job.name, name));
    if (taken[*id]) {
      throw std::invalid_argument(fmt::format("job '{}': GPU '{}' is already used by another job", job.name, name));
    }
    listed[*id] = true;
    out.push_back(*id);
  }
  return out;
}

std::vector<NodeId> railAligned(const Fabric& fabric, const JobSpec& job, const std::vector<bool>& taken) {
  std::vector<NodeId> out;
  std::size_t wholeFree = 0;
  for (const auto& server : ScaleUpDomains::servers(fabric)) {
    bool free = true;
    for (NodeId g : server) free = free && !taken[g];
    if (!free) continue;
    wholeFree += server.size();
    for (NodeId g : server) {
      if (static_cast<int>(out.size()) < job.ranks) out.push_back(g);
    }
  }
  if (static_cast<int>(out.size()) < job.ranks) notEnough(job, wholeFree, " in whole servers");
  return out;
}

}  // namespace

std::vector<NodeId> placeRanks(const Fabric& fabric, const JobSpec& job, std::vector<bool>& taken) {
  if (taken.size() < fabric.nodeCount()) taken.resize(fabric.nodeCount(), false);
  if (job.ranks < 1) throw std::invalid_argument(fmt::format("job '{}' has {} ranks", job.name, job.ranks));
  std::vector<NodeId> out;
  if (!job.gpus.empty()) {
    out = named(fabric, job, taken);
  } else if (job.placement == Placement::RailAligned) {
    out = railAligned(fabric, job, taken);
  } else {
    out = freeGpus(fabric, taken);
    if (static_cast<int>(out.size()) < job.ranks) notEnough(job, out.size(), "");
    if (job.placement == Placement::Random) {
      std::mt19937_64 rng(job.seed);
      for (std::size_t i = out.size() - 1; i > 0; --i) std::swap(out[i], out[drawBelow(rng, i + 1)]);
    }
    out.resize(static_cast<std::size_t>(job.ranks));
  }
  for (NodeId g : out) taken[g] = true;
  return out;
}

}  // namespace ofe::traffic
