#pragma once
/// @file FibreType.h
/// @brief A fibre (or cable) type: loss and group index, hence propagation delay.

#include <optional>
#include <string>

#include "units/Attenuation.h"
#include "units/Dispersion.h"
#include "units/Duration.h"
#include "units/EffectiveArea.h"
#include "units/Length.h"
#include "units/NonlinearCoefficient.h"
#include "units/PmdCoefficient.h"

namespace ofe::models {

/// Physical medium between two modules. Delay follows from the group index:
/// n = 1.468 gives 4.897 us/km (GNPy `gnpy/core/parameters.py`; see docs/catalog.md).
struct FibreType {
  std::string name;          ///< catalog key, e.g. "smf-1550"
  Attenuation attenuation;   ///< loss per km
  double groupIndex = 1.468; ///< dimensionless; speed in the fibre is c / groupIndex
  std::string source;
  bool assumption = false;   ///< true when some figure is not verified (see notes)
  std::string notes;
  // Figures the QoT model needs; the defaults are GNPy's SSMF
  // (oopt-gnpy example-data/eqpt_config.json "SSMF" and gnpy/core/parameters.py).
  Dispersion dispersion = Dispersion::psPerNmKm(16.7);            ///< D at 1550 nm
  EffectiveArea effectiveArea = EffectiveArea::squareMicrometres(83.0);
  double nonlinearIndex = 2.6e-20;                                ///< n2 in m^2/W
  std::optional<NonlinearCoefficient> gamma;                      ///< when set, replaces 2 pi n2 / (lambda A_eff)
  PmdCoefficient pmd = PmdCoefficient::psPerSqrtKm(0.04);

  /// One-way propagation over @p length, rounded to the nearest picosecond.
  Duration delayOver(Length length) const;

  /// gamma at the 1550 nm reference: `gamma` when set, else 2 pi n2 / (lambda A_eff).
  NonlinearCoefficient nonlinearCoefficient() const;
  /// |beta2| = D lambda^2 / (2 pi c) at 1550 nm, in s^2/m.
  double beta2Magnitude() const;
  /// Power attenuation coefficient alpha in 1/m (dB/km x ln 10 / 10 / 1000).
  double alphaPerMetre() const;
};

}  // namespace ofe::models
