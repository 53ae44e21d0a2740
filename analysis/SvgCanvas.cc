#include "analysis/SvgCanvas.h"

#include "analysis/XmlText.h"

#include <fmt/format.h>

namespace ofe::analysis {

namespace {

std::string n(double v) {
  // One decimal, and never "-0.0".
  std::string s = fmt::format("{:.1f}", v);
  return s == "-0.0" ? "0.0" : s;
}

std::string titled(const std::string& tooltip) {
  return tooltip.empty() ? "" : "<title>" + xmlEscaped(tooltip) + "</title>";
}

}  // namespace

SvgCanvas::SvgCanvas(std::string id, double width, double height, std::string label)
    : id_(std::move(id)), width_(width), height_(height), label_(std::move(label)) {}

void SvgCanvas::line(double x1, double y1, double x2, double y2, const std::string& stroke,
                     double width, const std::string& dash) {
  body_ += fmt::format(
      "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}/>", n(x1),
      n(y1), n(x2), n(y2), stroke, n(width),
      dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"");
  body_ += '\n';
}

void SvgCanvas::rect(double x, double y, double w, double h, const std::string& fill,
                     const std::string& tooltip) {
  if (tooltip.empty()) {
    body_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", n(x),
                         n(y), n(w), n(h), fill);
  } else {
    body_ +=
        fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\">{}</rect>\n",
                    n(x), n(y), n(w), n(h), fill, titled(tooltip));
  }
}

void SvgCanvas::text(double x, double y, const std::string& content, const std::string& anchor,
                     double size, const std::string& fill, bool bold, double rotate) {
  body_ += fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"{}\" fill=\"{}\"{}{}>{}</text>\n",
      n(x), n(y), anchor, n(size), fill, bold ? " font-weight=\"bold\"" : "",
      rotate != 0.0 ? fmt::format(" transform=\"rotate({} {} {})\"", n(rotate), n(x), n(y)) : "",
      xmlEscaped(content));
}

void SvgCanvas::polyline(const std::vector<std::pair<double, double>>& points,
                         const std::string& stroke, double width, const std::string& dash) {
  std::string pts;
  for (const auto& [x, y] : points) pts += (pts.empty() ? "" : " ") + n(x) + "," + n(y);
  body_ += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}/>\n", pts,
                       stroke, n(width), dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"");
}

void SvgCanvas::circle(double cx, double cy, double r, const std::string& fill,
                       const std::string& tooltip) {
  body_ += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\">{}</circle>\n", n(cx),
                       n(cy), n(r), fill, titled(tooltip));
}

std::string SvgCanvas::str() const {
  return fmt::format(
      "<svg id=\"{}\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" "
      "aria-labelledby=\"{}-title\" font-family=\"system-ui, sans-serif\">\n<title "
      "id=\"{}-title\">{}</title>\n{}</svg>",
      id_, n(width_), n(height_), id_, id_, xmlEscaped(label_), body_);
}

}  // namespace ofe::analysis
