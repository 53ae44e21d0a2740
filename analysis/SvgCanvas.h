#pragma once
/// @file SvgCanvas.h
/// @brief Builds one inline SVG drawing as text (no scripts, no external resources).

#include <string>
#include <utility>
#include <vector>

namespace ofe::analysis {

/// An SVG element with a viewBox of width x height user units and no fixed
/// size, so CSS (width: 100%) scales it to the page. Coordinates are printed
/// with one decimal, so the same drawing always gives the same text.
class SvgCanvas {
 public:
  /// @p id: the element id; @p label: its accessible title.
  SvgCanvas(std::string id, double width, double height, std::string label);

  void line(double x1, double y1, double x2, double y2, const std::string& stroke,
            double width = 1.0, const std::string& dash = "");
  /// A rectangle; @p tooltip becomes a <title> child (shown on hover) when not empty.
  void rect(double x, double y, double w, double h, const std::string& fill,
            const std::string& tooltip = "");
  /// Text at (x, y) (baseline); @p anchor is "start", "middle" or "end".
  void text(double x, double y, const std::string& content, const std::string& anchor = "start",
            double size = 12.0, const std::string& fill = "#222", bool bold = false,
            double rotate = 0.0);
  /// A polyline; @p dash as in line().
  void polyline(const std::vector<std::pair<double, double>>& points, const std::string& stroke,
                double width, const std::string& dash = "");
  void circle(double cx, double cy, double r, const std::string& fill,
              const std::string& tooltip = "");

  /// The <svg> element.
  std::string str() const;


 private:
  std::string id_;
  double width_;
  double height_;
  std::string label_;
  std::string body_;
};

}  // namespace ofe::analysis
