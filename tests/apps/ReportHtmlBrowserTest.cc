// report.html as a browser shows it: headless Chromium renders a small run's
// report; the verdict, every chart and every table must be in the DOM, the
// page must not overflow a 1366 px wide window, and a screenshot is kept
// for a human to look at. Skipped when Chromium is not installed.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <regex>
#include <sstream>

#include "AppsTestSupport.h"
#include "apps/CommandSupport.h"
#include "apps/RunCommand.h"

namespace ofe::apps {
namespace {

std::string findChromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    const std::string probe = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(probe.c_str()) == 0) return name;
  }
  return "";
}

/// Runs headless Chromium with a fresh profile and @p extra flags on @p url;
/// returns standard output (the DOM for --dump-dom).
std::string chromium(const std::string& binary, const std::filesystem::path& profile,
                     const std::string& extra, const std::string& url) {
  std::filesystem::remove_all(profile);
  std::filesystem::create_directories(profile);
  const std::string command =
      binary +
      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
      " --disable-background-networking --disable-component-update --disable-sync"
      " --user-data-dir=" +
      profile.string() + " " + extra + " '" + url + "' 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  if (!pipe) return out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0) out.append(buffer, n);
  return out;
}

const std::vector<std::string> kCharts = {"chart-busbw", "chart-breakdown", "chart-heatmap",
                                          "chart-power"};
const std::vector<std::string> kTables = {
    "table-verdict",   "table-collectives-0",    "table-breakdown",  "table-critical-links",
    "table-tiers",     "table-links-top",        "table-power-kind", "table-sites",
    "table-if-run-at", "table-collective-energy"};

TEST(ReportHtmlBrowser, ChromiumShowsVerdictChartsAndTables) {
  const std::filesystem::path dir = test::freshDir("html-report");
  RunOptions o;
  o.scenarioPath = test::shipped("leaf-spine-1to1");
  o.outDir = (dir / "run").string();
  o.quiet = true;
  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(runCommand(o, out, err), kExitOk);
  const std::filesystem::path html = dir / "run" / "report.html";
  const std::string page = test::readFile(html);

  // Self-contained: nothing to fetch. The only "http" is the SVG namespace name.
  for (const char* banned : {"<script", "<link", "src=", "url(", "@import", "<iframe", "<img"}) {
    EXPECT_EQ(page.find(banned), std::string::npos) << banned;
  }
  const std::string ns = "http://www.w3.org/2000/svg";
  for (std::size_t at = page.find("http"); at != std::string::npos;
       at = page.find("http", at + 1)) {
    EXPECT_EQ(page.compare(at, ns.size(), ns), 0) << page.substr(at, 60);
  }

  const std::string binary = findChromium();
  if (binary.empty())
    GTEST_SKIP() << "chromium is not installed (scripts/install-deps.sh installs it)";

  const std::string dom =
      chromium(binary, dir / "profile", "--dump-dom", "file://" + html.string());
  ASSERT_FALSE(dom.empty()) << "chromium printed no DOM";
  const std::regex verdict(
      R"re(<div id="verdict-status" class="verdict pass">Verdict: PASS: 0 failed, 0 warned, \d+ passed</div>)re");
  EXPECT_TRUE(std::regex_search(dom, verdict)) << "verdict banner missing";
  for (const std::string& id : kCharts) {
    EXPECT_NE(dom.find("<svg id=\"" + id + "\""), std::string::npos) << id;
  }
  for (const std::string& id : kTables) {
    const std::size_t at = dom.find("<table id=\"" + id + "\"");
    ASSERT_NE(at, std::string::npos) << id;
    EXPECT_NE(dom.find("<td", at), std::string::npos) << id << " has no cells";
  }
  // The busbw chart has one point per size (1, 2 and 4 MiB) and the ceiling line.
  const std::size_t chart = dom.find("<svg id=\"chart-busbw\"");
  const std::string busbw = dom.substr(chart, dom.find("</svg>", chart) - chart);
  std::size_t points = 0;
  for (std::size_t at = busbw.find("<circle"); at != std::string::npos;
       at = busbw.find("<circle", at + 1))
    ++points;
  EXPECT_EQ(points, 3u);
  EXPECT_NE(busbw.find("ceiling"), std::string::npos);

  // Laptop width: a copy with a probe script records the page's width as
  // laid out in a 1366 x 900 window; nothing may stick out sideways.
  std::string probe = page;
  probe.replace(probe.find("</body>"), 7,
                "<script>document.body.setAttribute('data-scroll-width', "
                "document.documentElement.scrollWidth);</script></body>");
  test::writeFile(dir / "probe.html", probe);
  const std::string probed = chromium(binary, dir / "profile", "--window-size=1366,900 --dump-dom",
                                      "file://" + (dir / "probe.html").string());
  std::smatch m;
  ASSERT_TRUE(std::regex_search(probed, m, std::regex(R"re(data-scroll-width="(\d+)")re")))
      << "probe did not run";
  EXPECT_LE(std::stoi(m[1].str()), 1366);

  const std::filesystem::path png =
      std::filesystem::path(OFE_BINARY_DIR) / "artifacts" / "report.png";
  std::filesystem::remove(png);
  chromium(binary, dir / "profile", "--window-size=1366,900 --screenshot=" + png.string(),
           "file://" + html.string());
  ASSERT_TRUE(std::filesystem::exists(png));
  const std::string image = test::readFile(png);
  ASSERT_GT(image.size(), 24u);
  EXPECT_EQ(image.substr(1, 3), "PNG");
  // IHDR width, big-endian at offset 16: the window's 1366 px.
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned>(static_cast<unsigned char>(image[i]));
  };
  EXPECT_EQ((byte(16) << 24) | (byte(17) << 16) | (byte(18) << 8) | byte(19), 1366u);
  std::cout << "report.html screenshot: " << png.string() << std::endl;
  RecordProperty("screenshot", png.string());
  std::filesystem::remove_all(dir / "profile");
}

}  // namespace
}  // namespace ofe::apps
