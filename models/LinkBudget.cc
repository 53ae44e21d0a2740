#include "models/LinkBudget.h"

namespace ofe::models {

namespace {

void addReason(LinkBudget& b, BudgetStatus status, const std::string& why) {
  if (static_cast<int>(status) > static_cast<int>(b.status)) b.status = status;
  if (!b.reason.empty()) b.reason += "; ";
  b.reason += why;
}

void checkReach(LinkBudget& b, const OpticalModule& module, Length length) {
  b.reachOk = length <= module.reach;
  if (!b.reachOk) {
    addReason(b, BudgetStatus::Fail,
              "length " + length.toString() + " exceeds " + module.name + " reach " +
                  module.reach.toString());
  }
}

// dB/km x km in floating point lands a few ulps off a boundary that is exact
// on paper (e.g. 125 km x 0.2 dB/km + 1 dB against a 26 dB gain).
constexpr double kRoundingDb = 1e-9;

void checkMargin(LinkBudget& b) {
  b.margin = b.allowance - b.loss;
  if (b.margin.db() < -kRoundingDb) {
    addReason(b, BudgetStatus::Fail,
              "loss " + b.loss.toString() + " exceeds allowance " + b.allowance.toString());
  } else if (b.margin.db() < LinkBudget::kLowMargin.db() - kRoundingDb) {
    addReason(b, BudgetStatus::Warn, "margin " + b.margin.toString() + " below 1 dB");
  }
}

}  // namespace

std::string toString(BudgetStatus status) {
  switch (status) {
    case BudgetStatus::Pass:
      return "PASS";
    case BudgetStatus::Warn:
      return "WARN";
    case BudgetStatus::Fail:
      return "FAIL";
  }
  return "FAIL";
}

LinkBudget LinkBudget::check(const OpticalModule& module, const FibreType& fibre, Length length,
                             Decibel extraLoss) {
  LinkBudget b;
  b.status = BudgetStatus::Pass;
  b.loss = fibre.attenuation.over(length) + extraLoss;
  checkReach(b, module, length);

  // Electrical links have no optical power budget to compare against.
  if (module.medium == Medium::Copper || module.medium == Medium::ScaleUp) return b;

  b.allowanceKnown = module.maxChannelLoss.db() > 0.0;
  if (b.allowanceKnown) {
    b.allowance = module.maxChannelLoss;
    checkMargin(b);
  } else if (length > kShortLink || extraLoss > kShortLinkExtraLoss) {
    addReason(b, BudgetStatus::Warn,
              module.name + " has no known channel-loss allowance; loss " + b.loss.toString() +
                  " unchecked");
  }
  return b;
}

LinkBudget LinkBudget::checkAmplified(const OpticalModule& module, const FibreType& fibre,
                                      Length length, Length longestSpan, Decibel extraLoss,
                                      const AmplifierModel& amplifier) {
  LinkBudget b;
  b.status = BudgetStatus::Pass;
  b.loss = fibre.attenuation.over(longestSpan) + extraLoss;
  checkReach(b, module, length);
  if (longestSpan > amplifier.maxSpan) {
    addReason(b, BudgetStatus::Fail,
              "span " + longestSpan.toString() + " exceeds " + amplifier.name + " maxSpan " +
                  amplifier.maxSpan.toString());
  }
  b.allowanceKnown = true;
  b.allowance = amplifier.gain;
  checkMargin(b);
  return b;
}

}  // namespace ofe::models
