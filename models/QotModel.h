#pragma once
/// @file QotModel.h
/// @brief Closed-form GN model of an amplified line: ASE, nonlinear interference and GSNR per channel.

#include <vector>

#include "models/OpticalLine.h"
#include "models/QotEstimate.h"
#include "units/Frequency.h"
#include "units/PowerLevel.h"

namespace ofe::models {

/// Quality of transmission of one OpticalLine (pure computation, no simulator).
///
/// The band is fully loaded: every slot of the grid carries a channel of the
/// line's module at the same launch power (the worst case for nonlinear
/// interference, and how line systems are planned). For channel i, all
/// powers in its symbol-rate bandwidth Rs and referred to the receiver:
/// - ASE: each amplifier adds h f_i NF G Rs at its output (GNPy's
///   Edfa.noise_profile: NF times G, not NF (G - 1)).
/// - NLI: each span adds, at its input power P, the incoherent closed-form GN
///   term of Poggiolini, "The GN model of non-linear propagation in
///   uncompensated coherent optical systems", JLT 30(24), 2012
///   (arXiv:1209.0394, eqs. 120 and 123, as GNPy's gn_model_analytic):
///   P_NLI,i = (16/27) gamma^2 Leff^2 / (2 pi |beta2| La) P^3 / Rs^2 sum_j psi_ij,
///   psi_ii = asinh(pi^2/2 La |beta2| Rs^2),
///   psi_ij = asinh(pi^2 La |beta2| Rs (df + Rs/2)) - asinh(pi^2 La |beta2| Rs (df - Rs/2)),
///   Leff = (1 - exp(-alpha L)) / alpha, La = 1 / alpha; spans add incoherently.
/// - Transmitter: P / tx_osnr over 0.1 nm, i.e. x Rs / 12.5 GHz in Rs.
/// GSNR = P / (ASE + NLI + TX). gamma and beta2 are taken at 1550 nm for every
/// channel, and every span is launched at exactly P: against GNPy, which scales
/// gamma with frequency and lets noise add to the power of later spans, the
/// GSNR agrees to 0.15 dB at the optimum (docs/optics.md).
class QotModel {
 public:
  /// @throws std::invalid_argument when the line has no amplifier, no symbol
  ///         rate, or a fibre without dispersion (the closed form needs it).
  explicit QotModel(OpticalLine line);

  /// Centre frequencies of the grid's slots that fit the band, in ascending order.
  const std::vector<Frequency>& slots() const { return slots_; }

  /// Every slot's figures at launch power @p launch per channel.
  std::vector<ChannelQot> channelsAt(PowerLevel launch) const;

  /// GSNR (signal bandwidth) of slot @p slot at @p launch.
  Decibel gsnrSignalAt(std::size_t slot, PowerLevel launch) const;

  /// The launch power that maximises the centre slot's GSNR (golden-section search).
  PowerLevel optimumLaunchPower() const;

  /// Everything at the line's launch power (its optimum when `auto`).
  QotEstimate estimate() const;

 private:
  struct Noise {
    double signal = 0.0;  ///< W per channel at the receiver
    double ase = 0.0;     ///< W in Rs
    double nli = 0.0;
    double tx = 0.0;
  };
  Noise noiseAt(std::size_t slot, double launchWatts) const;
  ChannelQot figures(std::size_t slot, const Noise& n) const;
  std::size_t centreSlot() const;
  std::string spectrumProblem() const;

  OpticalLine line_;
  std::vector<Frequency> slots_;
  std::vector<double> psiSum_;       ///< sum_j psi_ij per slot
  std::vector<double> spanNliScale_; ///< (16/27) gamma^2 Leff^2 / (2 pi |beta2| La Rs^2) per span
  double symbolRate_ = 0.0;          ///< Hz
};

}  // namespace ofe::models
