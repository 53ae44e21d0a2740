// ofe against published nccl-tests results on H100 clusters: runs the
// scenarios/nccl-h100-*.yaml examples, holds every ratio to [0.8, 1.25] and
// keeps the table in docs/collectives.md ("ofe vs published nccl-tests") equal
// to what this run measures. Regenerate the table with
//   OFE_UPDATE_DOCS=1 build/tests/ofe_test_integration --gtest_filter='NcclPublished.*'
#include <gtest/gtest.h>
#include <fmt/format.h>

#include <map>

#include "IntegrationSupport.h"
#include "scenario/ScenarioLoader.h"
#include "traffic/CollectiveNames.h"
#include "traffic/CostModel.h"

namespace ofe::integration {
namespace {

/// One published figure and the ofe run it is set against.
struct Row {
  const char* setup;     ///< the configuration, as the table names it
  const char* scenario;  ///< scenarios/<file>
  int collective;        ///< index in the job's collectives
  std::int64_t bytes;    ///< the size ofe reports
  bool time;             ///< compare time (us) rather than busbw (GB/s)
  double published;
  const char* measured;  ///< what was measured, and with what
  const char* source;
};

const Row kRows[] = {
    {"1 server, 8 x H100 (NVLink 4, NVSwitch)", "nccl-h100-1server.yaml", 0, 1LL << 30, false, 466.35,
     "busbw at 1 GiB, NCCL's choice (NVLS), NCCL 2.18.5",
     "Azure ND H100 v5, github.com/Azure/AI-benchmarking-guide, Azure Results/ND_H100_v5_results.md"},
    {"1 server, 8 x H100", "nccl-h100-1server.yaml", 1, 1LL << 30, false, 360.78,
     "busbw at 1 GiB, NCCL_ALGO=Ring, NCCL 2.26.2",
     "github.com/togethercomputer/together-nccl-tests, benchmarks/H100/results/20260306_001221_slurm/"
     "all_reduce_ring.out"},
    {"1 server, 8 x H100", "nccl-h100-1server.yaml", 2, 1024, true, 25.6,
     "time at 1 KiB, NCCL_ALGO=NVLS: 1024 B x 1.75 / busbw 0.07 GB/s (busbw printed to 2 decimals)",
     "Azure ND H100 v5, as above"},
    {"2 servers, 16 x H100, 8 x 400G InfiniBand each", "nccl-h100-2servers.yaml", 0, 1LL << 30, false, 470.0,
     "busbw at large sizes, NCCL's choice (NVLS-tree), NCCL 2.26.2 (user report)",
     "github.com/NVIDIA/nccl-tests/issues/309"},
    {"2 servers, 16 x H100, 8 x 400G each", "nccl-h100-2servers.yaml", 1, 1LL << 30, false, 396.0,
     "busbw NCCL's maintainers expect with NCCL_ALGO=RING (~48 GB/s per CX7 NIC)",
     "github.com/NVIDIA/nccl-tests/issues/319"},
    {"4 servers, 32 x H100, 8 x 400G InfiniBand each", "nccl-h100-4servers.yaml", 0, 1LL << 30, false, 365.84,
     "largest busbw, NCCL's choice, NCCL 2.26.2 (user report)", "github.com/NVIDIA/nccl-tests/issues/309"},
    {"16 servers, 128 x H100", "nccl-h100-16servers.yaml", 0, 1024, true, 73.73,
     "time at 1 KiB, NCCL's choice, NCCL 2.20.5 (user report; network not stated)",
     "github.com/NVIDIA/nccl/issues/1469"},
};

constexpr double kLow = 0.8;
constexpr double kHigh = 1.25;
constexpr const char* kBegin = "<!-- nccl-comparison:begin -->\n";
constexpr const char* kEnd = "<!-- nccl-comparison:end -->";

/// What ofe measured for one row: its figure and the algorithm and protocol it ran.
struct Measured {
  double value = 0.0;
  std::string algorithm;
};

TEST(NcclPublished, OfeStaysCloseToPublishedRunsAndTheDocsTableIsCurrent) {
  std::map<std::string, WorkloadRun> runs;
  std::map<std::string, scenario::Scenario> scenarios;
  std::string table =
      "| configuration | published | source | ofe scenario | ofe runs | ofe | ofe / published |\n"
      "|---|---|---|---|---|---|---|\n";
  for (const Row& row : kRows) {
    if (runs.count(row.scenario) == 0) {
      scenarios.emplace(row.scenario,
                        scenario::ScenarioLoader::loadFile(std::string(OFE_SOURCE_DIR) + "/scenarios/" + row.scenario));
      const scenario::Scenario& s = scenarios.at(row.scenario);
      runs.emplace(row.scenario, runWorkload(s.fabric, s.jobs, s.settings));
      ASSERT_TRUE(runs.at(row.scenario).run.completed) << row.scenario << runs.at(row.scenario).run.diagnosis;
    }
    const WorkloadRun& run = runs.at(row.scenario);
    Measured m;
    bool found = false;
    for (std::size_t i = 0; i < run.workload.collectives.size(); ++i) {
      const traffic::CollectiveInstance& c = run.workload.collectives[i];
      if (c.spec != row.collective || c.bytes.count() != row.bytes || c.iteration != 0) continue;
      found = true;
      const Duration t = run.times[i];
      m.value = row.time ? t.seconds() * 1e6
                         : traffic::busBandwidth(c.op, c.ranks, c.bytes, t).gigabytesPerSecond();
      m.algorithm = fmt::format("{} / {}", traffic::toString(c.algorithm), traffic::toString(c.protocol));
    }
    ASSERT_TRUE(found) << row.scenario << " has no collective " << row.collective << " of " << row.bytes << " B";
    const double ratio = m.value / row.published;
    EXPECT_GE(ratio, kLow) << row.setup << ": " << row.measured;
    EXPECT_LE(ratio, kHigh) << row.setup << ": " << row.measured;
    const char* unit = row.time ? "us" : "GB/s";
    table += fmt::format("| {} | {:.2f} {} ({}) | {} | `{}` | {} | {:.2f} {} | {:.3f} |\n", row.setup, row.published,
                         unit, row.measured, row.source, row.scenario, m.algorithm, m.value, unit, ratio);
  }

  expectDocsBlock("docs/collectives.md", kBegin, kEnd, table, "NcclPublished.*");
}

}  // namespace
}  // namespace ofe::integration
