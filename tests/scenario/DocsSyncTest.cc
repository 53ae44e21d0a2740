// docs/scenario-reference.md is generated from the registry and must not drift.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario/ParameterRegistry.h"
#include "tests/scenario/ScenarioTestSupport.h"

namespace ofe::scenario {
namespace {

TEST(ScenarioDocs, ReferenceMatchesTheRegistry) {
  const std::string expected = ParameterRegistry().markdown();
  const std::string path = testing::sourcePath("docs/scenario-reference.md");
  const char* update = std::getenv("OFE_UPDATE_DOCS");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << expected;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream actual;
  actual << in.rdbuf();
  EXPECT_TRUE(actual.str() == expected)
      << path << " is out of date with scenario/ParameterRegistry.cc. Regenerate it with\n"
      << "  OFE_UPDATE_DOCS=1 build/tests/ofe_test_scenario --gtest_filter='ScenarioDocs.*'\n"
      << "(or `ofe schema > docs/scenario-reference.md` once the app has that command).";
}

TEST(ScenarioDocs, EveryBuilderAndRouteHasASection) {
  const ParameterRegistry registry;
  const std::string md = registry.markdown();
  for (const auto& builder : registry.builders()) {
    EXPECT_NE(md.find("## `fabrics[]` with `builder: " + builder.name + "`"), std::string::npos) << builder.name;
  }
  for (const auto& route : registry.routes()) {
    EXPECT_NE(md.find("## `inter_site_links[]` with `kind: " + route.name + "`"), std::string::npos) << route.name;
  }
  // One row as it must render: key, type, default from FatTreeParams{}, doc.
  EXPECT_NE(md.find("| `k` | integer | `4` | Switch radix k (even)"), std::string::npos);
  EXPECT_NE(md.find("| `name` | string | **required** |"), std::string::npos);
}

}  // namespace
}  // namespace ofe::scenario
