#include "models/QotModel.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "models/FecDecoder.h"
#include "models/Modulation.h"

namespace ofe::models {

namespace {

constexpr double kPlanck = 6.62607015e-34;       // J s
constexpr double kPi = 3.14159265358979323846;
constexpr double kReferenceBandwidth = 12.5e9;   // "0.1 nm" at 1550 nm, in Hz

double toDb(double linear) { return 10.0 * std::log10(linear); }
double fromDb(double db) { return std::pow(10.0, db / 10.0); }
double watts(PowerLevel p) { return p.milliwatts() * 1e-3; }

}  // namespace

QotModel::QotModel(OpticalLine line) : line_(std::move(line)) {
  symbolRate_ = line_.module.symbolRate.baudValue();
  if (!(symbolRate_ > 0.0)) {
    throw std::invalid_argument("module " + line_.module.name + " has no symbol_rate: its QoT cannot be estimated");
  }
  const bool amplified =
      line_.settings.booster || std::any_of(line_.spans.begin(), line_.spans.end(),
                                            [](const LineSpan& s) { return s.amplified; });
  if (!amplified) throw std::invalid_argument("the line has no amplifier: its QoT is a power budget");
  const double beta2 = line_.fibre.beta2Magnitude();
  if (!(line_.fibre.dispersion.psPerNmKmValue() >= 1.0)) {
    throw std::invalid_argument("fibre " + line_.fibre.name + " has dispersion " +
                                line_.fibre.dispersion.toString() +
                                ": the closed-form GN model needs at least 1 ps/nm/km (it is derived for "
                                "uncompensated, dispersive links)");
  }

  line_.settings.channelSpacing =
      line_.settings.channelSpacingFor(line_.module.symbolRate, line_.module.rollOff);  // resolved once
  const double spacing = line_.settings.channelSpacing->hertzValue();
  if (!(spacing > 0.0)) throw std::invalid_argument("channel_spacing must be > 0");
  for (const SpectrumRange& r : line_.settings.spectrum()) {
    const double width = r.end.hertzValue() - r.start.hertzValue();
    const auto n = static_cast<long>(std::floor(width / spacing + 1e-9));
    for (long k = 0; k < n; ++k) {
      slots_.push_back(Frequency::hertz(r.start.hertzValue() + spacing * (static_cast<double>(k) + 0.5)));
    }
  }
  if (slots_.empty()) throw std::invalid_argument("no channel of the grid fits the band");

  const double alpha = line_.fibre.alphaPerMetre();
  const double la = 1.0 / alpha;
  const double rs = symbolRate_;
  const double a = kPi * kPi * la * beta2 * rs;
  psiSum_.assign(slots_.size(), 0.0);
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    double sum = std::asinh(0.5 * kPi * kPi * la * beta2 * rs * rs);
    for (std::size_t j = 0; j < slots_.size(); ++j) {
      if (j == i) continue;
      const double df = slots_[j].hertzValue() - slots_[i].hertzValue();
      sum += std::asinh(a * (df + 0.5 * rs)) - std::asinh(a * (df - 0.5 * rs));
    }
    psiSum_[i] = sum;
  }
  const double gamma = line_.fibre.nonlinearCoefficient().perWattKmValue() * 1e-3;  // 1/(W m)
  for (const LineSpan& s : line_.spans) {
    const double metres = s.length.kilometresValue() * 1e3;
    const double leff = -std::expm1(-alpha * metres) / alpha;
    spanNliScale_.push_back(16.0 / 27.0 * gamma * gamma * leff * leff / (2.0 * kPi * beta2 * la) / (rs * rs));
  }
}

QotModel::Noise QotModel::noiseAt(std::size_t slot, double launchWatts) const {
  const double rs = symbolRate_;
  const double hfRs = kPlanck * slots_[slot].hertzValue() * rs;
  const double txShare = rs / kReferenceBandwidth / line_.module.txOsnr.linear();
  Noise n;
  n.signal = launchWatts;
  n.tx = launchWatts * txShare;  // the transmitter's own noise scales with the signal through any booster
  if (line_.settings.booster) {
    // The booster lifts the transmitter's output to the launch power (never attenuates).
    const double gain = std::max(1.0, launchWatts / watts(line_.module.txPower));
    n.ase = hfRs * line_.booster.noiseFigure.linear() * gain;
  }
  for (std::size_t s = 0; s < line_.spans.size(); ++s) {
    const LineSpan& span = line_.spans[s];
    n.nli += spanNliScale_[s] * psiSum_[slot] * n.signal * n.signal * n.signal;
    const double lossDb = line_.fibre.attenuation.over(span.length).db() + span.extraLoss.db();
    const double gain = span.amplified ? std::min(fromDb(lossDb), span.amplifier.gain.linear()) : 1.0;
    const double factor = fromDb(-lossDb) * gain;
    n.signal *= factor;
    n.ase *= factor;
    n.nli *= factor;
    n.tx *= factor;
    if (span.amplified) n.ase += hfRs * span.amplifier.noiseFigure.linear() * gain;
  }
  return n;
}

ChannelQot QotModel::figures(std::size_t slot, const Noise& n) const {
  const double toReference = toDb(symbolRate_ / kReferenceBandwidth);
  ChannelQot c;
  c.frequency = slots_[slot];
  c.gsnrSignal = Decibel(toDb(n.signal / (n.ase + n.nli + n.tx)));
  c.gsnr = Decibel(c.gsnrSignal.db() + toReference);
  c.osnrAse = Decibel(toDb(n.signal / n.ase) + toReference);
  c.snrNliSignal = Decibel(toDb(n.signal / n.nli));
  c.snrNli = Decibel(c.snrNliSignal.db() + toReference);
  return c;
}

std::vector<ChannelQot> QotModel::channelsAt(PowerLevel launch) const {
  std::vector<ChannelQot> out;
  out.reserve(slots_.size());
  for (std::size_t i = 0; i < slots_.size(); ++i) out.push_back(figures(i, noiseAt(i, watts(launch))));
  return out;
}

Decibel QotModel::gsnrSignalAt(std::size_t slot, PowerLevel launch) const {
  const Noise n = noiseAt(slot, watts(launch));
  return Decibel(toDb(n.signal / (n.ase + n.nli + n.tx)));
}

std::size_t QotModel::centreSlot() const {
  const double middle = 0.5 * (slots_.front().hertzValue() + slots_.back().hertzValue());
  std::size_t best = 0;
  for (std::size_t i = 1; i < slots_.size(); ++i) {
    if (std::fabs(slots_[i].hertzValue() - middle) < std::fabs(slots_[best].hertzValue() - middle)) best = i;
  }
  return best;
}

PowerLevel QotModel::optimumLaunchPower() const {
  // GSNR(P) = P / (A + B P^3 + C P) rises then falls: unimodal in dBm.
  const std::size_t centre = centreSlot();
  const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
  double lo = -30.0;
  double hi = 30.0;
  double x1 = hi - ratio * (hi - lo);
  double x2 = lo + ratio * (hi - lo);
  double f1 = gsnrSignalAt(centre, PowerLevel::dbm(x1)).db();
  double f2 = gsnrSignalAt(centre, PowerLevel::dbm(x2)).db();
  while (hi - lo > 1e-6) {
    if (f1 < f2) {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + ratio * (hi - lo);
      f2 = gsnrSignalAt(centre, PowerLevel::dbm(x2)).db();
    } else {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - ratio * (hi - lo);
      f1 = gsnrSignalAt(centre, PowerLevel::dbm(x1)).db();
    }
  }
  return PowerLevel::dbm(0.5 * (lo + hi));
}

std::string QotModel::spectrumProblem() const {
  const OpticalModule& m = line_.module;
  const double occupied = (1.0 + m.rollOff) * symbolRate_;
  const double spacing = line_.settings.channelSpacing->hertzValue();
  if (occupied > spacing * (1.0 + 1e-12)) {
    return fmt::format("{} occupies (1 + {:g}) x {} = {}, more than the {} channel spacing", m.name, m.rollOff,
                       m.symbolRate, Frequency::hertz(occupied), *line_.settings.channelSpacing);
  }
  if (line_.channels > static_cast<int>(slots_.size())) {
    return fmt::format("{} channels asked for, the band fits {} at {}", line_.channels, slots_.size(),
                       *line_.settings.channelSpacing);
  }
  return "";
}

QotEstimate QotModel::estimate() const {
  QotEstimate e;
  e.slots = static_cast<int>(slots_.size());
  e.channels = line_.channels;
  e.amplifiers = static_cast<int>(std::count_if(line_.spans.begin(), line_.spans.end(),
                                                [](const LineSpan& s) { return s.amplified; })) +
                 (line_.settings.booster ? 1 : 0);
  e.optimumLaunchPower = optimumLaunchPower();
  e.launchPower = line_.settings.launchPower.optimum ? e.optimumLaunchPower : line_.settings.launchPower.level;
  const std::vector<ChannelQot> all = channelsAt(e.launchPower);
  e.centre = all[centreSlot()];
  e.edge = all.front();
  e.worst = *std::min_element(all.begin(), all.end(), [](const ChannelQot& a, const ChannelQot& b) {
    return a.gsnrSignal < b.gsnrSignal;
  });
  e.spectrumProblem = spectrumProblem();
  e.channelSpacing = *line_.settings.channelSpacing;
  e.spans = static_cast<int>(line_.spans.size());

  const OpticalModule& m = line_.module;
  double threshold = m.fecThresholdBer;
  std::optional<Decibel> required = m.requiredGsnr;
  if (threshold > 0.0 && threshold < 0.5) {
    const Decibel textbook(toDb(snrForBitErrorRate(m.modulation, threshold)));
    if (!required) required = textbook;
    e.implementationPenalty = Decibel(std::max(0.0, required->db() - textbook.db()));
  } else if (required) {
    threshold = bitErrorRate(m.modulation, required->linear());
  }
  if (required) {
    e.requiredGsnr = required;
    e.margin = Decibel(e.worst.gsnrSignal.db() - required->db());
    const double effectiveSnr = fromDb(e.worst.gsnrSignal.db() - e.implementationPenalty.db());
    e.preFecBer = bitErrorRate(m.modulation, effectiveSnr);
    if (threshold > 0.0 && threshold < 0.5 && threshold > FecDecoder::kOutputBer) {
      e.postFecBer = FecDecoder::forThreshold(threshold).postFecBer(e.preFecBer);
    }
  }

  Length total;
  for (const LineSpan& s : line_.spans) total = total + s.length;
  e.dispersionPsPerNm = line_.fibre.dispersion.psPerNmKmValue() * total.kilometresValue();
  e.pmdPs = line_.fibre.pmd.psPerSqrtKmValue() * std::sqrt(total.kilometresValue());
  e.latency = line_.fibre.delayOver(total);
  return e;
}

}  // namespace ofe::models
