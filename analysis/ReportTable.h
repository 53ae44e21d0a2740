#pragma once
/// @file ReportTable.h
/// @brief A table of a run report, as text cells; the Markdown and HTML writers lay it out.

#include <string>
#include <vector>

namespace ofe::analysis {

/// One table: cells are already formatted (units in the header).
struct ReportTable {
  std::string id;  ///< HTML id, unique in the report, e.g. "table-links-top"
  std::string caption;
  std::vector<std::string> header;
  std::vector<bool> numeric;  ///< per column: right-aligned
  std::vector<std::vector<std::string>> rows;
  std::string note;  ///< shown under the table; may be empty
};

}  // namespace ofe::analysis
