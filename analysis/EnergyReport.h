#pragma once
/// @file EnergyReport.h
/// @brief Power of the fabric, energy of each collective and of the workload, electricity cost per
/// site.

#include <string>
#include <vector>

#include "analysis/CollectiveResult.h"
#include "analysis/ElementPower.h"
#include "analysis/PowerCheck.h"
#include "core/RunResult.h"
#include "scenario/Scenario.h"
#include "topology/Routing.h"
#include "traffic/Workload.h"
#include "units/Energy.h"
#include "units/Power.h"

namespace ofe::analysis {

/// IT power, energy and electricity cost of the elements standing at one site.
struct SiteEnergy {
  std::string site;
  bool priced = false;  ///< the scenario lists this site (with its PUE and price)
  double pue = 1.0;     ///< Site::pue (1 when not priced)
  double pricePerKwh =
      0.0;            ///< Site::electricityPrice, in the scenario's currency (0 when not priced)
  Power power;        ///< sum of its elements
  Energy energy;      ///< power x simulated time (IT energy, before PUE)
  double cost = 0.0;  ///< energy (kWh) x pue x pricePerKwh
};

/// What the whole workload's energy would cost at one site.
struct SiteCostIf {
  std::string site;
  double pue = 1.0;
  double pricePerKwh = 0.0;
  double cost = 0.0;  ///< EnergyReport::energy (kWh) x pue x pricePerKwh
};

/// Energy one collective instance is charged with.
struct CollectiveEnergy {
  int collective = -1;
  std::size_t elements = 0;  ///< elements involved
  Power power;               ///< their power
  Duration time;             ///< the collective's measured time
  Energy energy;             ///< power x time
};

/// Power, energy and cost of a run (definitions in docs/reports.md, "Power, energy and cost").
struct EnergyReport {
  std::vector<ElementPower> elements;  ///< every powered element (elementPowers)
  PowerBreakdown byKind;               ///< computePower(): the figures `ofe validate` prints
  Power total;                         ///< byKind.total()
  Duration time;                       ///< simulated time of the run
  Energy energy;                       ///< total x time
  std::string currency;                ///< Scenario::currency
  std::vector<SiteEnergy> sites;       ///< scenario sites in order, then unpriced sites by name
  double cost = 0.0;                   ///< sum of the sites' costs
  std::vector<SiteCostIf> ifRunAt;     ///< per scenario site: the whole energy at its PUE and price
  std::vector<CollectiveEnergy> collectives;  ///< same order as the collective results
};

/// Builds the energy report. A collective involves: the GPUs of its ranks
/// and their NICs, and for every one of its transfers' paths (transferPath)
/// the switches passed, the optics at both ends of every link crossed and
/// the amplifiers, repeaters and OCS those links pass through. Its energy is
/// the involved elements' power x its measured time; elements shared with a
/// concurrent collective are charged to both. The workload's energy is the
/// whole fabric's power x the simulated time (idle elements draw full power:
/// catalog figures are typical or maximum draw, not load-dependent).
EnergyReport makeEnergyReport(const scenario::Scenario& scenario, const topology::Routing& routing,
                              const traffic::WorkloadPlan& workload, const core::RunResult& run,
                              const std::vector<CollectiveResult>& collectives);

}  // namespace ofe::analysis
