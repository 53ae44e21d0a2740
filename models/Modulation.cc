#include "models/Modulation.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ofe::models {

std::string toString(Modulation modulation) {
  switch (modulation) {
    case Modulation::DpBpsk: return "dp-bpsk";
    case Modulation::DpQpsk: return "dp-qpsk";
    case Modulation::Dp8Qam: return "dp-8qam";
    case Modulation::Dp16Qam: return "dp-16qam";
    case Modulation::Dp32Qam: return "dp-32qam";
    case Modulation::Dp64Qam: return "dp-64qam";
  }
  return "dp-qpsk";
}

int bitsPerSymbol(Modulation modulation) {
  switch (modulation) {
    case Modulation::DpBpsk: return 1;
    case Modulation::DpQpsk: return 2;
    case Modulation::Dp8Qam: return 3;
    case Modulation::Dp16Qam: return 4;
    case Modulation::Dp32Qam: return 5;
    case Modulation::Dp64Qam: return 6;
  }
  return 2;
}

double gaussianQ(double x) { return 0.5 * std::erfc(x / std::sqrt(2.0)); }

namespace {

double squareQam(double m, double snr) {
  return 4.0 / std::log2(m) * (1.0 - 1.0 / std::sqrt(m)) * gaussianQ(std::sqrt(3.0 * snr / (m - 1.0)));
}

}  // namespace

double bitErrorRate(Modulation modulation, double snr) {
  if (!(snr >= 0.0)) throw std::invalid_argument("bitErrorRate: SNR must be >= 0");
  double ber = 0.5;
  switch (modulation) {
    case Modulation::DpBpsk: ber = gaussianQ(std::sqrt(2.0 * snr)); break;
    case Modulation::DpQpsk: ber = gaussianQ(std::sqrt(snr)); break;
    case Modulation::Dp8Qam: ber = 2.5 * gaussianQ(std::sqrt(snr / 3.0)) / 3.0; break;
    case Modulation::Dp16Qam: ber = squareQam(16.0, snr); break;
    case Modulation::Dp32Qam: ber = squareQam(32.0, snr); break;
    case Modulation::Dp64Qam: ber = squareQam(64.0, snr); break;
  }
  return std::min(ber, 0.5);
}

double snrForBitErrorRate(Modulation modulation, double ber) {
  if (!(ber > 0.0 && ber < 0.5)) throw std::invalid_argument("snrForBitErrorRate: BER must be in (0, 0.5)");
  // BER falls monotonically with SNR; bracket in dB, then bisect.
  double lo = -20.0;
  double hi = 40.0;
  while (hi - lo > 1e-12 * std::max(1.0, std::fabs(hi))) {
    const double mid = 0.5 * (lo + hi);
    if (bitErrorRate(modulation, std::pow(10.0, mid / 10.0)) > ber) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return std::pow(10.0, 0.5 * (lo + hi) / 10.0);
}

}  // namespace ofe::models
