#include "analysis/ExportFormat.h"

#include "analysis/DotExport.h"
#include "analysis/GraphMlExport.h"
#include "analysis/JsonExport.h"

namespace ofe::analysis {

const char* toString(ExportFormat format) {
  switch (format) {
    case ExportFormat::Dot:
      return "dot";
    case ExportFormat::GraphMl:
      return "graphml";
    case ExportFormat::Json:
      return "json";
  }
  return "?";
}

std::optional<ExportFormat> parseExportFormat(const std::string& text) {
  for (ExportFormat f : {ExportFormat::Dot, ExportFormat::GraphMl, ExportFormat::Json}) {
    if (text == toString(f)) return f;
  }
  return std::nullopt;
}

const char* fileExtension(ExportFormat format) {
  return toString(format);
}

std::string exportFabric(const topology::Fabric& fabric, ExportFormat format) {
  switch (format) {
    case ExportFormat::Dot:
      return exportDot(fabric);
    case ExportFormat::GraphMl:
      return exportGraphMl(fabric);
    case ExportFormat::Json:
      return exportJson(fabric);
  }
  return {};
}

}  // namespace ofe::analysis
