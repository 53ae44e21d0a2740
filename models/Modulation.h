#pragma once
/// @file Modulation.h
/// @brief Coherent modulation formats and their bit-error rate on an additive white Gaussian noise channel.

#include <string>

namespace ofe::models {

/// Dual-polarisation formats of coherent modules; each polarisation carries
/// the same constellation with the same SNR.
enum class Modulation { DpBpsk, DpQpsk, Dp8Qam, Dp16Qam, Dp32Qam, Dp64Qam };

/// "dp-qpsk", "dp-16qam", ...
std::string toString(Modulation modulation);

/// Bits per symbol per polarisation: 1 (BPSK), 2, 3, 4, 5, 6.
int bitsPerSymbol(Modulation modulation);

/// Bit-error rate with Gray mapping at @p snr (linear, symbol energy over
/// noise spectral density in the symbol-rate bandwidth, Es/N0). Formulas:
/// - BPSK: Q(sqrt(2 SNR)); QPSK: Q(sqrt(SNR)), exact with Gray mapping.
/// - Square M-QAM (16, 64): (4 / log2 M)(1 - 1/sqrt M) Q(sqrt(3 SNR / (M - 1))),
///   the nearest-neighbour approximation of Proakis & Salehi, Digital
///   Communications, 5th ed., section 4.3, exact in the limit of high SNR.
/// - 8QAM: the 2 x 4 rectangular constellation, 2.5 nearest neighbours at
///   distance 2 with Es = 6: symbol error Ps = 2.5 Q(sqrt(SNR / 3)), BER Ps / 3.
/// - 32QAM (cross): the square-QAM formula at M = 32 (a common approximation).
/// Each is capped at 0.5.
double bitErrorRate(Modulation modulation, double snr);

/// The SNR (linear) at which bitErrorRate() equals @p ber (0 < ber < 0.5),
/// found by bisection to a relative 1e-12.
double snrForBitErrorRate(Modulation modulation, double ber);

/// Q(x), the Gaussian tail probability, 0.5 erfc(x / sqrt 2).
double gaussianQ(double x);

}  // namespace ofe::models
