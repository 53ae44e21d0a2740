// Each `builder:` name reaches its own topology builder with the keys it was given.

#include <gtest/gtest.h>

#include "scenario/ScenarioLoader.h"
#include "scenario/ScenarioWriter.h"

namespace ofe::scenario {
namespace {

// Sizes by hand (GPUs, nodes, links):
//   fat-tree k=2:                   2 GPUs, 2+2+1 switches = 7 nodes; 3k^3/4 = 6 links
//   clos 1 leaf x 2 GPUs, 1 spine:  uplinks 2 x 400G / 400G = 2 -> 4 nodes; 2 + 2 = 4 links
//   rail-pod 1 SU x 2 servers x 2 GPUs, no scale-up, 1 spine:
//                                   4 GPUs + 2 leaves + 1 spine = 7 nodes; 4 host + 2 leaves x 2 = 8 links
//   dragonfly g=3, a=2, p=1, h=1:   6 routers + 6 GPUs = 12 nodes;
//                                   6 host + g a(a-1)/2 = 3 local + g a h / 2 = 3 global = 12 links
//   torus [3, 2], 1 GPU per router: 6 routers + 6 GPUs = 12 nodes;
//                                   6 host + 6 (size-3 dimension) + 3 (size-2 dimension) = 15 links
const char* const kAllBuilders = R"(name: builders
sites: [{name: dc}]
fabrics:
  - {name: ft, builder: fat-tree, site: dc, prefix: ft, k: 2}
  - {name: cl, builder: clos, site: dc, prefix: cl, leaves_per_pod: 1, spines_per_pod: 1, gpus_per_leaf: 2}
  - {name: rp, builder: rail-pod, site: dc, prefix: rp, servers_per_unit: 2, gpus_per_server: 2, spines: 1,
     scale_up: false}
  - {name: df, builder: dragonfly, site: dc, prefix: df, groups: 3, routers_per_group: 2, gpus_per_router: 1,
     global_links_per_router: 1}
  - {name: to, builder: torus, site: dc, prefix: to, dims: [3, 2], gpus_per_router: 1}
)";

TEST(Builders, EveryBuilderNameReachesItsBuilder) {
  const Scenario s = ScenarioLoader::loadString(kAllBuilders, "builders.yaml");
  ASSERT_EQ(s.fabrics.size(), 5u);
  const std::size_t gpus[] = {2, 2, 4, 6, 6};
  const std::size_t links[] = {6, 4, 8, 12, 15};
  for (std::size_t i = 0; i < 5; ++i) {
    SCOPED_TRACE(s.fabrics[i].name);
    EXPECT_EQ(s.fabrics[i].part.gpus.size(), gpus[i]);
    EXPECT_EQ(s.fabrics[i].part.links.size(), links[i]);
  }
  EXPECT_EQ(s.fabric.nodeCount(), 7u + 4u + 7u + 12u + 12u);
  EXPECT_EQ(s.fabric.linkCount(), 6u + 4u + 8u + 12u + 15u);
  EXPECT_EQ(std::get<topology::TorusParams>(s.fabrics[4].params).dims, (std::vector<int>{3, 2}));
}

TEST(Builders, ListValuedParametersRoundTrip) {
  const Scenario s = ScenarioLoader::loadString(kAllBuilders, "builders.yaml");
  const Scenario again = ScenarioLoader::loadString(ScenarioWriter::resolvedYaml(s), "resolved.yaml");
  EXPECT_EQ(std::get<topology::TorusParams>(again.fabrics[4].params).dims, (std::vector<int>{3, 2}));
  EXPECT_EQ(again.fabric.linkCount(), s.fabric.linkCount());
}

}  // namespace
}  // namespace ofe::scenario
