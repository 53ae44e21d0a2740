#pragma once
/// @file FecDecoder.h
/// @brief Post-FEC bit-error rate from pre-FEC BER: an equivalent bounded-distance block decoder.

namespace ofe::models {

/// A module's FEC as an equivalent hard-decision block code: blocks of
/// `blockBits` bits, every block with at most `correctable` errors decoded
/// error-free, every other block left with its errors. The output BER is
///   sum over i > t of (i / n) C(n, i) p^i (1 - p)^(n - i)
/// for pre-FEC BER p, block n, t correctable. forThreshold() picks the
/// smallest t that keeps the output at or below `outputBer` (1e-15, the
/// post-FEC figure 400ZR and OpenZR+ specify) at the module's pre-FEC
/// threshold, so the model agrees with the datasheet at the threshold and
/// falls off a waterfall beyond it. With n = 32,768 bits that waterfall
/// goes from 1e-15 to 1e-3 over about 0.4 dB of SNR for DP-16QAM at a 2e-2
/// threshold, as steep as published soft-decision FEC curves. Real decoders
/// are soft-decision (Alvarado et al., JLT 2016, arXiv:1503.05477, show that
/// a pre-FEC BER limit is only an approximation for them): the model keeps
/// the threshold exact and the waterfall's shape plausible, not vendor-exact.
class FecDecoder {
 public:
  static constexpr int kDefaultBlockBits = 32768;
  static constexpr double kOutputBer = 1e-15;

  /// The decoder whose output at @p thresholdBer is at most @p outputBer.
  /// @throws std::invalid_argument unless 0 < thresholdBer < 0.5 and 0 < outputBer < thresholdBer.
  static FecDecoder forThreshold(double thresholdBer, double outputBer = kOutputBer,
                                 int blockBits = kDefaultBlockBits);

  /// Output BER for input BER @p preFecBer (0 gives 0).
  double postFecBer(double preFecBer) const;

  int blockBits() const { return n_; }
  int correctable() const { return t_; }

 private:
  FecDecoder(int n, int t) : n_(n), t_(t) {}
  int n_;
  int t_;
};

}  // namespace ofe::models
