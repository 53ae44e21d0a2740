#include "models/OpticalModule.h"

#include <cmath>

namespace ofe::models {

std::string toString(Medium medium) {
  switch (medium) {
    case Medium::Multimode: return "multimode";
    case Medium::Singlemode: return "singlemode";
    case Medium::Copper: return "copper";
    case Medium::ScaleUp: return "scale-up";
  }
  return "unknown";
}

DataRate OpticalModule::lineRate() const {
  return DataRate::bitsPerSecond(
      static_cast<std::int64_t>(std::llround(static_cast<double>(rate.bps()) * lineOverhead)));
}

}  // namespace ofe::models
