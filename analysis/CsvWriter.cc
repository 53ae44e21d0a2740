#include "analysis/CsvWriter.h"

#include <fmt/format.h>

#include <stdexcept>

namespace ofe::analysis {

CsvWriter::CsvWriter(const std::vector<std::string>& header) : columns_(header.size()) {
  row(header);
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  if (fields.size() != columns_) {
    throw std::invalid_argument(
        fmt::format("CSV row has {} fields, the header {}", fields.size(), columns_));
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) text_ += ',';
    text_ += escape(fields[i]);
  }
  text_ += '\n';
}

std::string CsvWriter::escape(const std::string& field) {
  const bool quote = field.find_first_of(",\"\r\n") != std::string::npos ||
                     (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string CsvWriter::number(double v) {
  // fmt's default for double is the shortest representation that round-trips.
  return fmt::format("{}", v);
}

std::string CsvWriter::number(std::int64_t v) {
  return fmt::format("{}", v);
}

std::string CsvWriter::number(std::uint64_t v) {
  return fmt::format("{}", v);
}

}  // namespace ofe::analysis
