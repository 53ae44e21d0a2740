#include "units/DataRate.h"

#include <cmath>

#include "units/QuantityParser.h"

namespace ofe {

namespace {
// 64-bit bits x 1e12 overflows; GCC/Clang 128-bit integers keep the product exact.
__extension__ using Int128 = __int128;
}  // namespace

DataRate DataRate::parse(std::string_view text) {
  static const UnitTable kUnits = {
      {"bps", 1.0},   {"Kbps", 1e3},  {"Mbps", 1e6},  {"Gbps", 1e9},   {"Tbps", 1e12},
      {"b/s", 1.0},   {"Kb/s", 1e3},  {"Mb/s", 1e6},  {"Gb/s", 1e9},   {"Tb/s", 1e12},
      {"Bps", 8.0},   {"KBps", 8e3},  {"MBps", 8e6},  {"GBps", 8e9},   {"TBps", 8e12},
      {"B/s", 8.0},   {"KB/s", 8e3},  {"MB/s", 8e6},  {"GB/s", 8e9},   {"TB/s", 8e12}};
  const double bps = parseQuantity(text, "data rate", kUnits);
  requireQuantity(bps >= 1.0, text, "data rate", "at least 1 bps");
  requireQuantity(bps < 9.0e18, text, "data rate", "below 9 Ebps");
  return DataRate(static_cast<std::int64_t>(std::llround(bps)));
}

Duration DataRate::transmitTime(Bytes size) const {
  const Int128 num = static_cast<Int128>(size.bits()) * 1'000'000'000'000;
  const Int128 ps = (num + bps_ / 2) / bps_;
  return Duration::picoseconds(static_cast<std::int64_t>(ps));
}

Bytes DataRate::bytesIn(Duration d) const {
  const Int128 bits = static_cast<Int128>(bps_) * d.ps() / 1'000'000'000'000;
  return Bytes(static_cast<std::int64_t>(bits / 8));
}

std::string DataRate::toString() const {
  const double b = static_cast<double>(bps_);
  if (bps_ >= 1'000'000'000'000) return formatNumber(b * 1e-12) + " Tbps";
  if (bps_ >= 1'000'000'000) return formatNumber(b * 1e-9) + " Gbps";
  if (bps_ >= 1'000'000) return formatNumber(b * 1e-6) + " Mbps";
  if (bps_ >= 1'000) return formatNumber(b * 1e-3) + " Kbps";
  return std::to_string(bps_) + " bps";
}

}  // namespace ofe
