#pragma once
/// @file LinkBudget.h
/// @brief Optical power budget and reach check of one link (pure function, no simulator).

#include <string>

#include "models/AmplifierModel.h"
#include "models/FibreType.h"
#include "models/OpticalModule.h"
#include "units/Decibel.h"
#include "units/Length.h"

namespace ofe::models {

/// Verdict of a link-budget check.
enum class BudgetStatus { Pass, Warn, Fail };

/// "PASS", "WARN", "FAIL".
std::string toString(BudgetStatus status);

/// Result of checking one link against its module and, when amplified, its amplifier.
///
/// Rules (docs/catalog.md, "Link budget"):
/// - FAIL when the link is longer than the module's reach, when a known
///   allowance leaves a negative margin, or when an amplified span is longer
///   than the amplifier's maxSpan.
/// - WARN when the margin is below kLowMargin (1 dB), or when the allowance is
///   unknown (module maxChannelLoss = 0) for an optical link longer than
///   kShortLink (100 m) or with more than kShortLinkExtraLoss (1.5 dB) of
///   extra loss: within those limits every IEEE allowance in the catalog
///   (>= 1.9 dB) would hold, beyond them it cannot be told.
/// - PASS otherwise.
/// Copper and scale-up links carry no optical budget: only reach is checked.
/// An amplified check compares the loss of the longest span with the
/// amplifier gain; OSNR accumulation over many spans is not modelled, the
/// module's reach stands in for it (coherent modules are specified that way).
struct LinkBudget {
  Decibel loss;  ///< unamplified: fibre over the whole length + extra; amplified: over the longest
                 ///< span + extra
  Decibel allowance;  ///< module maxChannelLoss, or amplifier gain when amplified; 0 = unknown
  Decibel margin;     ///< allowance - loss (0 when the allowance is unknown)
  bool allowanceKnown = false;
  bool reachOk = false;  ///< length <= module.reach
  BudgetStatus status = BudgetStatus::Fail;
  std::string reason;  ///< why the status is not PASS; empty on PASS

  static constexpr Decibel kLowMargin = Decibel(1.0);           ///< below: WARN
  static constexpr Decibel kShortLinkExtraLoss = Decibel(1.5);  ///< see the unknown-allowance rule
  static constexpr Length kShortLink = Length::metres(100);     ///< see the unknown-allowance rule

  /// Unamplified link of @p length (all spans through passive nodes) with
  /// @p extraLoss for connectors, splices and OCS insertion loss.
  static LinkBudget check(const OpticalModule& module, const FibreType& fibre, Length length,
                          Decibel extraLoss);

  /// Amplified link: @p length end to end, the amplifier after each span but
  /// the last. @p extraLoss is per span (connectors in/out at each amplifier).
  static LinkBudget checkAmplified(const OpticalModule& module, const FibreType& fibre,
                                   Length length, Length longestSpan, Decibel extraLoss,
                                   const AmplifierModel& amplifier);
};

}  // namespace ofe::models
