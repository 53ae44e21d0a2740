// The `ofe` command as a user runs it: exit statuses, outputs, and that bad
// input writes nothing. Runs the built binary (OFE_BINARY_DIR/apps/ofe).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

const std::string kOfe = std::string(OFE_BINARY_DIR) + "/apps/ofe";
const std::string kScenarios = std::string(OFE_SOURCE_DIR) + "/scenarios";

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

Outcome run(const std::string& args) {
  const fs::path dir = fs::temp_directory_path() / ("ofe-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string cmd = kOfe + " " + args + " >" + (dir / "out").string() + " 2>" + (dir / "err").string();
  const int raw = std::system(cmd.c_str());
  Outcome o;
  o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream out(dir / "out");
  std::ifstream err(dir / "err");
  std::stringstream a, b;
  a << out.rdbuf();
  b << err.rdbuf();
  o.out = a.str();
  o.err = b.str();
  return o;
}

fs::path freshDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("ofe-cli-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

class Example : public ::testing::TestWithParam<std::string> {};

TEST_P(Example, ValidatesWithoutFailure) {
  const Outcome o = run("validate " + kScenarios + "/" + GetParam());
  EXPECT_EQ(o.status, 0) << o.out << o.err;
  EXPECT_NE(o.out.find("overall:"), std::string::npos) << o.out;
  EXPECT_EQ(o.out.find("FAIL"), std::string::npos) << o.out;
}

TEST_P(Example, ExportsEveryFormat) {
  const fs::path dir = freshDir("export");
  for (const char* format : {"dot", "graphml", "json"}) {
    const fs::path file = dir / (std::string("fabric.") + format);
    const Outcome o = run(std::string("export ") + kScenarios + "/" + GetParam() + " --format " + format +
                          " -o " + file.string());
    EXPECT_EQ(o.status, 0) << format << ": " << o.err;
    EXPECT_GT(fs::file_size(file), 100u) << format;
  }
}

INSTANTIATE_TEST_SUITE_P(Shipped, Example,
                         ::testing::Values("rail-pod.yaml", "leaf-spine-1to1.yaml", "leaf-spine-2to1.yaml",
                                           "fat-tree-k8.yaml", "edwc-two-site.yaml", "trans-pacific.yaml"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = fs::path(info.param).stem().string();
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

TEST(CommandLine, BadScenarioExitsTwoNamingFileLineAndKeyAndWritesNothing) {
  const fs::path dir = freshDir("bad");
  const fs::path file = dir / "bad.yaml";
  std::ofstream(file) << "name: bad\nsites: [{name: dc}]\nfabrics:\n  - name: f\n    builder: fat-tree\n"
                         "    site: dc\n    k: 7\n";
  const fs::path out = dir / "out";
  const Outcome o = run("run " + file.string() + " --out " + out.string());
  EXPECT_EQ(o.status, 2);
  // The builder rejects k = 7; the error points at the fabric entry (line 4, column 5).
  EXPECT_NE(o.err.find(file.string() + ":4:5: fabrics[0]: "), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("k must be even"), std::string::npos) << o.err;
  EXPECT_FALSE(fs::exists(out)) << "nothing may be written on bad input";
  EXPECT_EQ(run("validate " + file.string()).status, 2);
}

TEST(CommandLine, SettingsTheEngineRejectsExitTwoBeforeAnythingIsWritten) {
  const fs::path dir = freshDir("settings");
  const fs::path file = dir / "zero-mtu.yaml";
  std::ofstream(file) << "name: z\nsites: [{name: dc}]\nfabrics:\n  - name: c\n    builder: clos\n    site: dc\n"
                         "workload:\n  jobs:\n    - name: j\n      ranks: 2\n"
                         "      collectives: [{op: all-reduce, size: 1MiB}]\n"
                         "simulation:\n  transport: {mtu: 0B}\n";
  const fs::path out = dir / "out";
  const Outcome o = run("run " + file.string() + " --out " + out.string());
  EXPECT_EQ(o.status, 2) << o.err;
  EXPECT_NE(o.err.find("simulation"), std::string::npos) << o.err;
  EXPECT_FALSE(fs::exists(out));
  // --out naming an existing file is bad input too.
  const fs::path blocker = dir / "blocker";
  std::ofstream(blocker) << "x";
  EXPECT_EQ(run("run " + kScenarios + "/rail-pod.yaml -q --out " + blocker.string()).status, 2);
}

TEST(CommandLine, UnknownKeyAndMissingFileAndBadOptionExitTwo) {
  const fs::path dir = freshDir("unknown");
  const fs::path file = dir / "typo.yaml";
  std::ofstream(file) << "name: typo\nsites: [{name: dc}]\nsimulaton: {}\n";
  const Outcome typo = run("validate " + file.string());
  EXPECT_EQ(typo.status, 2);
  EXPECT_NE(typo.err.find(":3:1:"), std::string::npos) << typo.err;
  EXPECT_NE(typo.err.find("simulaton"), std::string::npos) << typo.err;
  EXPECT_EQ(run("validate " + (dir / "missing.yaml").string()).status, 2);
  EXPECT_EQ(run("export " + kScenarios + "/rail-pod.yaml --format svg").status, 2);
  EXPECT_EQ(run("frobnicate").status, 2);
}

TEST(CommandLine, ValidateExitsOneWhenACheckFails) {
  // A 400G-DR4 module reaches 500 m; a 2 km leaf-spine run fails the reach check.
  const fs::path dir = freshDir("fail");
  const fs::path file = dir / "long.yaml";
  std::ofstream(file) << "name: long\nsites: [{name: dc}]\nfabrics:\n  - name: c\n    builder: clos\n"
                         "    site: dc\n    leaf_spine_length: 2km\n";
  const Outcome o = run("validate " + file.string());
  EXPECT_EQ(o.status, 1) << o.out << o.err;
  EXPECT_NE(o.out.find("FAIL"), std::string::npos) << o.out;
  const Outcome json = run("validate " + file.string() + " --json");
  EXPECT_EQ(json.status, 1);
  EXPECT_NE(json.out.find("\"status\": \"FAIL\""), std::string::npos) << json.out;
}

TEST(CommandLine, QotPrintsTheCableAndExitsOneWhenItDoesNotClose) {
  const Outcome ok = run("qot " + kScenarios + "/trans-pacific.yaml --json");
  EXPECT_EQ(ok.status, 0) << ok.out << ok.err;
  for (const char* key : {"\"gsnr_signal_db\"", "\"margin_db\"", "\"post_fec_ber\"", "\"spans\": 214",
                          "\"module\": \"subsea-100G\"", "\"links_without_qot\": 104"}) {
    EXPECT_NE(ok.out.find(key), std::string::npos) << key << "\n" << ok.out;
  }
  // 400G of DP-16QAM needs ~17 dB of GSNR; 12,800 km of 60 km spans leave ~11 dB.
  std::ifstream in(kScenarios + "/trans-pacific.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  const std::string module = "module: subsea-100G";
  ASSERT_NE(yaml.find(module), std::string::npos);
  yaml.replace(yaml.find(module), module.size(), "module: subsea-coherent-400G");
  const fs::path file = freshDir("qot") / "tp400.yaml";
  std::ofstream(file) << yaml;
  const Outcome bad = run("qot " + file.string());
  EXPECT_EQ(bad.status, 1) << bad.out << bad.err;
  EXPECT_NE(bad.out.find("subsea-coherent-400G"), std::string::npos) << bad.out;
  EXPECT_EQ(run("validate " + file.string()).status, 1);
}

TEST(CommandLine, CatalogAndSchemaPrint) {
  const Outcome catalog = run("catalog");
  EXPECT_EQ(catalog.status, 0);
  for (const char* key : {"800G-DR8", "400ZR+", "ocs-136", "h100-sxm", "submarine-repeater"}) {
    EXPECT_NE(catalog.out.find(key), std::string::npos) << key;
  }
  const Outcome schema = run("schema");
  EXPECT_EQ(schema.status, 0);
  std::ifstream docs(std::string(OFE_SOURCE_DIR) + "/docs/scenario-reference.md");
  std::stringstream expected;
  expected << docs.rdbuf();
  EXPECT_EQ(schema.out, expected.str()) << "regenerate with: build/apps/ofe schema > docs/scenario-reference.md";
}

}  // namespace
