#pragma once
/// @file Catalog.h
/// @brief Named equipment figures: modules, fibres, switches, OCS, amplifiers, GPUs.

#include <map>
#include <string>
#include <vector>

#include "models/AmplifierModel.h"
#include "models/CircuitSwitchModel.h"
#include "models/FibreType.h"
#include "models/GpuModel.h"
#include "models/OpticalModule.h"
#include "models/SwitchModel.h"

namespace ofe::models {

/// Holds every equipment type by name. `builtin()` returns the sourced figures
/// shipped with ofe; a scenario may add entries or replace them (`put`).
/// Lookups of unknown names throw std::out_of_range listing the known names.
class Catalog {
 public:
  /// The shipped catalog; figures and sources are documented in docs/catalog.md.
  static Catalog builtin();

  void put(OpticalModule m) { modules_[m.name] = std::move(m); }
  void put(FibreType f) { fibres_[f.name] = std::move(f); }
  void put(SwitchModel s) { switches_[s.name] = std::move(s); }
  void put(CircuitSwitchModel o) { circuitSwitches_[o.name] = std::move(o); }
  void put(AmplifierModel a) { amplifiers_[a.name] = std::move(a); }
  void put(GpuModel g) { gpus_[g.name] = std::move(g); }

  const OpticalModule& module(const std::string& name) const;
  const FibreType& fibre(const std::string& name) const;
  const SwitchModel& packetSwitch(const std::string& name) const;
  const CircuitSwitchModel& circuitSwitch(const std::string& name) const;
  const AmplifierModel& amplifier(const std::string& name) const;
  const GpuModel& gpu(const std::string& name) const;

  bool hasModule(const std::string& name) const { return modules_.count(name) != 0; }
  bool hasFibre(const std::string& name) const { return fibres_.count(name) != 0; }
  bool hasSwitch(const std::string& name) const { return switches_.count(name) != 0; }
  bool hasCircuitSwitch(const std::string& name) const { return circuitSwitches_.count(name) != 0; }
  bool hasAmplifier(const std::string& name) const { return amplifiers_.count(name) != 0; }
  bool hasGpu(const std::string& name) const { return gpus_.count(name) != 0; }

  /// Entries sorted by name (std::map order), for listing and export.
  const std::map<std::string, OpticalModule>& modules() const { return modules_; }
  const std::map<std::string, FibreType>& fibres() const { return fibres_; }
  const std::map<std::string, SwitchModel>& switches() const { return switches_; }
  const std::map<std::string, CircuitSwitchModel>& circuitSwitches() const { return circuitSwitches_; }
  const std::map<std::string, AmplifierModel>& amplifiers() const { return amplifiers_; }
  const std::map<std::string, GpuModel>& gpus() const { return gpus_; }

 private:
  std::map<std::string, OpticalModule> modules_;
  std::map<std::string, FibreType> fibres_;
  std::map<std::string, SwitchModel> switches_;
  std::map<std::string, CircuitSwitchModel> circuitSwitches_;
  std::map<std::string, AmplifierModel> amplifiers_;
  std::map<std::string, GpuModel> gpus_;
};

}  // namespace ofe::models
