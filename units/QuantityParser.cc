#include "units/QuantityParser.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "units/UnitError.h"

namespace ofe {

namespace {

bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string unitList(const UnitTable& table) {
  std::string out;
  for (const auto& entry : table) {
    if (!out.empty()) out += ", ";
    out += entry.first;
  }
  return out;
}

}  // namespace

double parseQuantity(std::string_view text, std::string_view what, const UnitTable& table) {
  // Hand-rolled rather than strtod alone: strtod would accept "inf", "nan" and hex.
  std::size_t i = 0;
  while (i < text.size() && isSpace(text[i])) ++i;
  std::string number;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) number += text[i++];
  bool digits = false;
  while (i < text.size() && (isDigit(text[i]) || text[i] == '.' || text[i] == '_' || text[i] == ',')) {
    if (text[i] == '_' || text[i] == ',') {
      // A digit-group separator ("12,800km") must follow a digit and lead exactly
      // three: "1,5ms" is a decimal comma, not fifteen milliseconds.
      const bool three = digits && i + 3 < text.size() && isDigit(text[i + 1]) && isDigit(text[i + 2]) &&
                         isDigit(text[i + 3]) && (i + 4 == text.size() || !isDigit(text[i + 4]));
      if (!three) {
        throw UnitError(fmt::format("invalid {} '{}': '{}' separates digit groups of three only", what, text,
                                    text[i]));
      }
      ++i;
      continue;
    }
    number += text[i];
    digits = digits || isDigit(text[i]);
    ++i;
  }
  if (digits && i + 1 < text.size() && (text[i] == 'e' || text[i] == 'E') &&
      (isDigit(text[i + 1]) || ((text[i + 1] == '-' || text[i + 1] == '+') && i + 2 < text.size() &&
                                isDigit(text[i + 2])))) {
    number += text[i++];
    number += text[i++];
    while (i < text.size() && isDigit(text[i])) number += text[i++];
  }
  if (!digits) {
    throw UnitError(fmt::format("invalid {} '{}': expected a number followed by a unit ({})", what,
                                text, unitList(table)));
  }
  char* end = nullptr;
  const double value = std::strtod(number.c_str(), &end);
  if (end != number.c_str() + number.size() || !std::isfinite(value)) {
    throw UnitError(fmt::format("invalid {} '{}': '{}' is not a number", what, text, number));
  }
  while (i < text.size() && isSpace(text[i])) ++i;
  std::size_t stop = text.size();
  while (stop > i && isSpace(text[stop - 1])) --stop;
  const std::string_view unit = text.substr(i, stop - i);
  if (unit.empty()) {
    throw UnitError(fmt::format("invalid {} '{}': missing unit, expected one of {}", what, text,
                                unitList(table)));
  }
  for (const auto& [name, factor] : table) {
    if (unit == name) return value * factor;
  }
  throw UnitError(fmt::format("invalid {} '{}': unknown unit '{}', expected one of {}", what, text,
                              unit, unitList(table)));
}

void requireQuantity(bool ok, std::string_view text, std::string_view what, std::string_view rule) {
  if (!ok) throw UnitError(fmt::format("invalid {} '{}': must be {}", what, text, rule));
}

std::string formatNumber(double value) {
  std::string s = fmt::format("{:.6f}", value);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

}  // namespace ofe
