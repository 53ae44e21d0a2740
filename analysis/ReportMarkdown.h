#pragma once
/// @file ReportMarkdown.h
/// @brief report.md: the run report in Markdown, same content as report.html without the charts'
/// drawings.

#include <string>

#include "analysis/ReportDocument.h"

namespace ofe::analysis {

/// GitHub-flavoured Markdown: the title, the verdict line, the facts, then
/// every section with its tables (pipes in cells escaped). Where the HTML
/// report draws a chart, a line names it; the tables hold the same numbers.
std::string reportMarkdown(const ReportDocument& document);

}  // namespace ofe::analysis
