#include "models/FecDecoder.h"

#include <cmath>
#include <stdexcept>

namespace ofe::models {

double FecDecoder::postFecBer(double preFecBer) const {
  const double p = preFecBer;
  if (p <= 0.0) return 0.0;
  if (p >= 1.0) return 1.0;
  // Terms in log space: C(n, i) overflows a double long before i reaches n.
  const double logP = std::log(p);
  const double logQ = std::log1p(-p);
  const double logNFact = std::lgamma(n_ + 1.0);
  double sum = 0.0;
  double largest = 0.0;
  for (int i = t_ + 1; i <= n_; ++i) {
    const double logTerm =
        logNFact - std::lgamma(i + 1.0) - std::lgamma(n_ - i + 1.0) + i * logP + (n_ - i) * logQ;
    const double term = static_cast<double>(i) / n_ * std::exp(logTerm);
    sum += term;
    if (term > largest) largest = term;
    // Past the binomial's peak the terms fall geometrically; stop when they no longer count.
    if (i > n_ * p && term < largest * 1e-18) break;
  }
  return sum < 1.0 ? sum : 1.0;
}

FecDecoder FecDecoder::forThreshold(double thresholdBer, double outputBer, int blockBits) {
  if (!(thresholdBer > 0.0 && thresholdBer < 0.5)) {
    throw std::invalid_argument("FEC threshold BER must be in (0, 0.5)");
  }
  if (!(outputBer > 0.0 && outputBer < thresholdBer)) {
    throw std::invalid_argument("FEC output BER must be in (0, threshold)");
  }
  if (blockBits < 8) throw std::invalid_argument("FEC block must have at least 8 bits");
  // The output falls as t grows; bisect on t for the smallest that meets outputBer.
  int lo = 0;
  int hi = blockBits;
  while (lo < hi) {
    const int mid = lo + (hi - lo) / 2;
    if (FecDecoder(blockBits, mid).postFecBer(thresholdBer) <= outputBer) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return FecDecoder(blockBits, lo);
}

}  // namespace ofe::models
