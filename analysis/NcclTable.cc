#include "analysis/NcclTable.h"

#include <fmt/format.h>

#include <map>
#include <tuple>

#include "traffic/CollectiveNames.h"
#include "traffic/CostModel.h"

namespace ofe::analysis {

namespace {

double micros(Duration d) { return static_cast<double>(d.ps()) * 1e-6; }

const char* redop(traffic::CollectiveOp op) {
  switch (op) {
    case traffic::CollectiveOp::AllReduce:
    case traffic::CollectiveOp::ReduceScatter:
    case traffic::CollectiveOp::Reduce: return "sum";
    default: return "none";
  }
}

bool hasRoot(traffic::CollectiveOp op) {
  return op == traffic::CollectiveOp::Broadcast || op == traffic::CollectiveOp::Reduce;
}

}  // namespace

std::vector<NcclRow> ncclRows(const std::vector<CollectiveResult>& results) {
  using Key = std::tuple<std::string, int, std::int64_t>;
  std::map<Key, std::size_t> index;
  std::vector<NcclRow> rows;
  std::vector<std::int64_t> sumPs;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const CollectiveResult& r = results[i];
    const Key key{r.job, r.spec, r.bytes.count()};
    auto [it, fresh] = index.emplace(key, rows.size());
    if (fresh) {
      NcclRow row;
      row.job = r.job;
      row.spec = r.spec;
      row.op = r.op;
      row.algorithm = r.algorithm;
      row.protocol = r.protocol;
      row.channels = r.channels;
      row.ranks = r.ranks;
      row.bytes = r.bytes;
      row.estimate = r.estimate;
      row.ncclPredicted = r.ncclPredicted;
      row.fastestRank = r.fastestRank;
      row.ceiling = r.ceiling;
      row.first = static_cast<int>(i);
      rows.push_back(row);
      sumPs.push_back(0);
    }
    NcclRow& row = rows[it->second];
    row.iterations += 1;
    row.completed = row.completed && r.completed;
    sumPs[it->second] += r.time.ps();
    row.slowestRank = std::max(row.slowestRank, r.slowestRank);
    row.fastestRank = std::min(row.fastestRank, r.fastestRank);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    NcclRow& row = rows[i];
    row.time = Duration::picoseconds(sumPs[i] / row.iterations);
    if (row.completed && row.time > Duration()) {
      row.algbw = traffic::algBandwidth(row.bytes, row.time);
      row.busbw = traffic::busBandwidth(row.op, row.ranks, row.bytes, row.time);
    }
  }
  return rows;
}

std::string ncclTable(const std::vector<NcclRow>& rows) {
  std::string out;
  std::size_t i = 0;
  constexpr const char* kHead =
      "#{:>12} {:>12} {:>6} {:>6} {:>5} {:>11} {:>8} {:>8} {:>6}  {:<9} {:<6} {:>3} {:>11} {:>8} {:>11} {:>11} "
      "{:>11}\n";
  while (i < rows.size()) {
    const NcclRow& head = rows[i];
    out += fmt::format("# job {}: {} over {} ranks\n", head.job, traffic::toString(head.op), head.ranks);
    out += fmt::format(kHead, "size", "count", "type", "redop", "root", "time", "algbw", "busbw", "#wrong", "algo",
                       "proto", "ch", "estimate", "meas/est", "nccl-model", "slowest", "fastest");
    out += fmt::format(kHead, "(B)", "(elements)", "", "", "", "(us)", "(GB/s)", "(GB/s)", "", "", "", "", "(us)", "",
                       "(us)", "(us)", "(us)");
    double busSum = 0.0;
    int busCount = 0;
    for (; i < rows.size() && rows[i].job == head.job && rows[i].spec == head.spec; ++i) {
      const NcclRow& r = rows[i];
      const std::string ratio =
          r.estimate > Duration() ? fmt::format("{:.3f}", static_cast<double>(r.time.ps()) / r.estimate.ps()) : "-";
      const std::string estimate = r.estimate > Duration() ? fmt::format("{:.2f}", micros(r.estimate)) : "-";
      const std::string model = r.ncclPredicted > Duration() ? fmt::format("{:.2f}", micros(r.ncclPredicted)) : "-";
      const char* proto = r.protocol == traffic::Protocol::Auto ? "-" : traffic::toString(r.protocol);
      if (!r.completed) {
        out += fmt::format(" {:>12} {:>12} {:>6} {:>6} {:>5} {:>11} {:>8} {:>8} {:>6}  {:<9} {:<6} {:>3}\n",
                           r.bytes.count(), r.bytes.count() / 4, "float", redop(r.op), hasRoot(r.op) ? "0" : "-1",
                           "stalled", "-", "-", "N/A", traffic::toString(r.algorithm), proto, r.channels);
        continue;
      }
      out += fmt::format(
          " {:>12} {:>12} {:>6} {:>6} {:>5} {:>11.2f} {:>8.2f} {:>8.2f} {:>6}  {:<9} {:<6} {:>3} {:>11} {:>8} {:>11} "
          "{:>11.2f} {:>11.2f}\n",
          r.bytes.count(), r.bytes.count() / 4, "float", redop(r.op), hasRoot(r.op) ? "0" : "-1", micros(r.time),
          r.algbw.gigabytesPerSecond(), r.busbw.gigabytesPerSecond(), 0, traffic::toString(r.algorithm), proto,
          r.channels, estimate, ratio, model, micros(r.slowestRank), micros(r.fastestRank));
      busSum += r.busbw.gigabytesPerSecond();
      ++busCount;
    }
    out += fmt::format("# Avg bus bandwidth    : {:.4f}\n\n", busCount > 0 ? busSum / busCount : 0.0);
  }
  return out;
}

}  // namespace ofe::analysis
