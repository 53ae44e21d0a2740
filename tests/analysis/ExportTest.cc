#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "AnalysisTestSupport.h"
#include "analysis/DotExport.h"
#include "analysis/ExportFormat.h"
#include "analysis/GraphMlExport.h"
#include "analysis/JsonExport.h"
#include "topology/FatTreeBuilder.h"

namespace ofe::analysis {
namespace {

using namespace test;  // NOLINT: test helpers only
using topology::Fabric;
using topology::NodeKind;

Fabric fatTree() {
  Fabric f;
  topology::FatTreeParams p;
  p.k = 4;
  topology::buildFatTree(f, p);
  return f;
}

// Two border switches joined by one 400ZR+ link through two amplifiers
// (3 spans), plus a node whose name needs escaping in every format.
Fabric route() {
  Fabric f;
  const auto a = addSwitch(f, "A/border0", 3, "51.2T-64x800G", "A");
  const auto b = addSwitch(f, "B/border0", 3, "51.2T-64x800G", "B");
  const auto amp0 = addPassive(f, "A-B/amp0", NodeKind::Amplifier, "edfa-std-high-gain");
  const auto amp1 = addPassive(f, "A-B/amp1", NodeKind::Amplifier, "edfa-std-high-gain");
  routedLink(f, a, b, "400ZR+", "smf",
             {Length::kilometres(80), Length::kilometres(70), Length::kilometres(60)},
             {amp0, amp1});
  addGpu(f, "odd <name> & \"quotes\"", -1, "A");
  return f;
}

TEST(JsonExport, FatTreeCountsAndFields) {
  const Fabric f = fatTree();
  const nlohmann::json j = fabricToJson(f);
  EXPECT_EQ(j["format"], "ofe-fabric");
  // k = 4: 16 GPUs + 20 switches; 16 host + 32 fabric links.
  ASSERT_EQ(j["nodes"].size(), 36u);
  ASSERT_EQ(j["links"].size(), 48u);
  // The builder adds pod0/edge0 first, then its first GPU, joined by link 0.
  const nlohmann::json& gpu = j["nodes"][1];
  EXPECT_EQ(gpu["name"], "dc/pod0/rack0/gpu0");
  EXPECT_EQ(gpu["kind"], "gpu");
  EXPECT_EQ(gpu["site"], "dc");
  EXPECT_EQ(gpu["pod"], 0);
  EXPECT_EQ(gpu["rack"], 0);
  EXPECT_TRUE(gpu["tier"].is_null());
  const nlohmann::json& link = j["links"][0];
  EXPECT_EQ(link["id"], 0);
  EXPECT_EQ(link["from"], 1);
  EXPECT_EQ(link["to"], 0);
  EXPECT_EQ(link["module"], "400G-SR4");
  EXPECT_EQ(link["length_m"], 3.0);                // FatTreeParams::hostLength
  EXPECT_EQ(link["rate_bps"], 400'000'000'000LL);  // 400G-SR4 x 1 channel
  EXPECT_FALSE(link.contains("spans"));            // one span: no span list
  const nlohmann::json& core = j["nodes"][j["nodes"].size() - 1];
  EXPECT_EQ(core["kind"], "packet-switch");
  EXPECT_EQ(core["tier"], 2);
  EXPECT_TRUE(core["pod"].is_null());
}

TEST(JsonExport, RoutedLinkIsOneLinkWithItsSpans) {
  const Fabric f = route();
  const nlohmann::json j = fabricToJson(f);
  ASSERT_EQ(j["nodes"].size(), 5u);  // the amplifiers are nodes
  EXPECT_EQ(j["nodes"][2]["kind"], "amplifier");
  ASSERT_EQ(j["links"].size(), 1u);  // but the route is one link
  const nlohmann::json& link = j["links"][0];
  EXPECT_EQ(link["length_m"], 210'000.0);  // 80 + 70 + 60 km
  ASSERT_EQ(link["spans"].size(), 3u);
  EXPECT_EQ(link["spans"][0]["via"], 2);
  EXPECT_EQ(link["spans"][1]["via"], 3);
  EXPECT_EQ(link["spans"][1]["length_m"], 70'000.0);
  EXPECT_TRUE(link["spans"][2]["via"].is_null());
  EXPECT_DOUBLE_EQ(link["latency_s"].get<double>(), f.link(0).latency.seconds());
  // It parses back from text, and the text is stable.
  const std::string text = exportJson(f);
  EXPECT_EQ(nlohmann::json::parse(text), j);
  EXPECT_EQ(exportJson(route()), text);
}

TEST(DotExport, ContainsEveryNodeAndSegment) {
  const Fabric f = fatTree();
  const std::string dot = exportDot(f);
  for (const topology::Node& n : f.nodes()) {
    EXPECT_TRUE(contains(dot, fmt::format("n{} [label=\"{}\"", n.id, n.name))) << n.name;
  }
  std::size_t edges = 0;
  for (std::size_t at = dot.find(" -- "); at != std::string::npos; at = dot.find(" -- ", at + 1))
    ++edges;
  EXPECT_EQ(edges, 48u);  // one per single-span link
  EXPECT_EQ(exportDot(fatTree()), dot);
}

TEST(DotExport, RoutedLinkIsDrawnThroughItsAmplifiers) {
  const Fabric f = route();
  const std::string dot = exportDot(f);
  // A/border0 = n0, B/border0 = n1, amps n2 and n3.
  EXPECT_TRUE(contains(dot, "n0 -- n2 ["));
  EXPECT_TRUE(contains(dot, "n2 -- n3 ["));
  EXPECT_TRUE(contains(dot, "n3 -- n1 ["));
  EXPECT_TRUE(contains(dot, "label=\"odd <name> & \\\"quotes\\\"\""));
}

TEST(DotExport, GraphvizRendersIt) {
  if (std::system("command -v dot > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "graphviz 'dot' not installed";
  const std::string base = std::string(OFE_BINARY_DIR) + "/analysis-export-test";
  for (const Fabric& f : {fatTree(), route()}) {
    {
      std::ofstream out(base + ".dot");
      out << exportDot(f);
    }
    const std::string cmd = fmt::format("dot -Tsvg '{0}.dot' -o '{0}.svg' 2> '{0}.err'", base);
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    std::ifstream svg(base + ".svg");
    std::stringstream text;
    text << svg.rdbuf();
    EXPECT_TRUE(contains(text.str(), "<svg"));
    std::ifstream err(base + ".err");
    std::stringstream errText;
    errText << err.rdbuf();
    EXPECT_EQ(errText.str(), "") << "graphviz warned";
  }
}

struct V {
  std::string name;
  std::string kind;
  int pod = 0;
};
struct E {
  int link = 0;
  std::string module;
  long rateBps = 0;
  double lengthM = 0.0;
};
using ReadGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, V, E>;

ReadGraph readBack(const std::string& xml) {
  ReadGraph g;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("name", boost::get(&V::name, g));
  dp.property("kind", boost::get(&V::kind, g));
  dp.property("pod", boost::get(&V::pod, g));
  dp.property("link", boost::get(&E::link, g));
  dp.property("module", boost::get(&E::module, g));
  dp.property("rate_bps", boost::get(&E::rateBps, g));
  dp.property("length_m", boost::get(&E::lengthM, g));
  std::istringstream in(xml);
  boost::read_graphml(in, g, dp);
  return g;
}

TEST(GraphMlExport, BoostReadsTheFatTreeBack) {
  const Fabric f = fatTree();
  const ReadGraph g = readBack(exportGraphMl(f));
  ASSERT_EQ(boost::num_vertices(g), 36u);
  ASSERT_EQ(boost::num_edges(g), 48u);
  EXPECT_EQ(g[1].name, "dc/pod0/rack0/gpu0");
  EXPECT_EQ(g[1].kind, "gpu");
  EXPECT_EQ(g[1].pod, 0);
  EXPECT_EQ(g[35].pod, -1);  // a core: pod absent, key default -1
  const auto e = *boost::edges(g).first;
  EXPECT_EQ(g[e].module, "400G-SR4");
  EXPECT_EQ(g[e].rateBps, 400'000'000'000L);
  EXPECT_EQ(g[e].lengthM, 3.0);
}

TEST(GraphMlExport, RoutedLinkBecomesOneEdgePerSpanAndNamesAreEscaped) {
  const Fabric f = route();
  const std::string xml = exportGraphMl(f);
  EXPECT_TRUE(contains(xml, "<edge id=\"e0.1\" source=\"n2\" target=\"n3\">"));
  const ReadGraph g = readBack(xml);
  ASSERT_EQ(boost::num_vertices(g), 5u);
  ASSERT_EQ(boost::num_edges(g), 3u);
  EXPECT_EQ(g[4].name, "odd <name> & \"quotes\"");
  double total = 0.0;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    EXPECT_EQ(g[*it].link, 0);
    total += g[*it].lengthM;
  }
  EXPECT_EQ(total, 210'000.0);
  EXPECT_EQ(exportGraphMl(route()), xml);
}

TEST(ExportFormat, ParsesAndDispatches) {
  EXPECT_EQ(parseExportFormat("dot"), ExportFormat::Dot);
  EXPECT_EQ(parseExportFormat("graphml"), ExportFormat::GraphMl);
  EXPECT_EQ(parseExportFormat("json"), ExportFormat::Json);
  EXPECT_EQ(parseExportFormat("svg"), std::nullopt);
  const Fabric f = route();
  EXPECT_EQ(exportFabric(f, ExportFormat::Dot), exportDot(f));
  EXPECT_EQ(exportFabric(f, ExportFormat::GraphMl), exportGraphMl(f));
  EXPECT_EQ(exportFabric(f, ExportFormat::Json), exportJson(f));
}

}  // namespace
}  // namespace ofe::analysis
