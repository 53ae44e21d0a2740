#pragma once
/// @file QuantityParser.h
/// @brief Shared parsing of "<number><unit>" strings such as "400Gbps" or "-3dBm".

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ofe {

/// Accepted unit suffixes and the factor that converts each to the base unit.
using UnitTable = std::vector<std::pair<std::string_view, double>>;

/// Parses "<number><unit>" (spaces allowed between; "_" and "," as digit
/// separators) and returns number x factor of the unit found in @p table.
/// @p what names the quantity ("data rate") for the error message.
/// @throws UnitError naming the text and the accepted units when the number
///         or the unit is missing or unknown.
double parseQuantity(std::string_view text, std::string_view what, const UnitTable& table);

/// Throws UnitError "<what> '<text>' must be <rule>" unless @p ok.
void requireQuantity(bool ok, std::string_view text, std::string_view what, std::string_view rule);

/// Formats a double with up to 6 decimals and no trailing zeros ("400", "1.6").
std::string formatNumber(double value);

}  // namespace ofe
