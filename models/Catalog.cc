#include "models/Catalog.h"

#include <stdexcept>

namespace ofe::models {

namespace {

template <typename Map>
const typename Map::mapped_type& lookup(const Map& map, const std::string& name, const char* kind) {
  auto it = map.find(name);
  if (it != map.end()) return it->second;
  std::string known;
  for (const auto& entry : map) {
    if (!known.empty()) known += ", ";
    known += entry.first;
  }
  throw std::out_of_range("unknown " + std::string(kind) + " '" + name + "' (known: " + known + ")");
}

}  // namespace

const OpticalModule& Catalog::module(const std::string& name) const {
  return lookup(modules_, name, "optical module");
}
const FibreType& Catalog::fibre(const std::string& name) const {
  return lookup(fibres_, name, "fibre type");
}
const SwitchModel& Catalog::packetSwitch(const std::string& name) const {
  return lookup(switches_, name, "packet switch");
}
const CircuitSwitchModel& Catalog::circuitSwitch(const std::string& name) const {
  return lookup(circuitSwitches_, name, "optical circuit switch");
}
const AmplifierModel& Catalog::amplifier(const std::string& name) const {
  return lookup(amplifiers_, name, "amplifier");
}
const GpuModel& Catalog::gpu(const std::string& name) const { return lookup(gpus_, name, "GPU"); }

}  // namespace ofe::models
