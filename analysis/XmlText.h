#pragma once
/// @file XmlText.h
/// @brief Escaping text for XML, SVG and HTML output (GraphML, charts, report.html).

#include <string>

namespace ofe::analysis {

/// @p text with &, <, >, " and ' replaced by entities, safe in element text and attribute values.
std::string xmlEscaped(const std::string& text);

}  // namespace ofe::analysis
