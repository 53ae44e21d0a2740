#pragma once
/// @file CsvWriter.h
/// @brief Builds RFC 4180 CSV text: comma-separated, CRLF-free, fields quoted when they need it.

#include <cstdint>
#include <string>
#include <vector>

namespace ofe::analysis {

/// Accumulates rows of CSV. A field is quoted when it contains a comma, a
/// double quote, a carriage return, a line feed or leading/trailing spaces;
/// quotes inside are doubled (RFC 4180). Lines end with "\n" (RFC 4180 says
/// CRLF; every common reader accepts LF, and LF keeps the files diff-able).
class CsvWriter {
 public:
  /// Starts the text with the header row.
  explicit CsvWriter(const std::vector<std::string>& header);

  /// Appends a row; it must have as many fields as the header.
  /// @throws std::invalid_argument on a different count.
  void row(const std::vector<std::string>& fields);

  /// The CSV text so far.
  const std::string& text() const { return text_; }

  /// @p field quoted as needed.
  static std::string escape(const std::string& field);
  /// Shortest decimal text that reads back as exactly @p v.
  static std::string number(double v);
  static std::string number(std::int64_t v);
  static std::string number(std::uint64_t v);

 private:
  std::size_t columns_;
  std::string text_;
};

}  // namespace ofe::analysis
