#pragma once
/// @file FibreType.h
/// @brief A fibre (or cable) type: loss and group index, hence propagation delay.

#include <string>

#include "units/Attenuation.h"
#include "units/Duration.h"
#include "units/Length.h"

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

  /// One-way propagation over @p length, rounded to the nearest picosecond.
  Duration delayOver(Length length) const;
};

}  // namespace ofe::models
