#pragma once
/// @file ParameterRegistry.h
/// @brief Every scenario key, declared once: type, default, doc and the struct field it sets.

#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "models/Catalog.h"
#include "models/EngineSettings.h"
#include "scenario/CircuitSwitchLayerSpec.h"
#include "scenario/ExplicitLink.h"
#include "scenario/FabricSpec.h"
#include "scenario/FieldSet.h"
#include "scenario/InterSiteLinkSpec.h"
#include "scenario/KeyTable.h"
#include "scenario/Scenario.h"
#include "scenario/Site.h"
#include "scenario/Targets.h"
#include "topology/Fabric.h"
#include "topology/MultiSiteComposer.h"
#include "traffic/JobSpec.h"

namespace ofe::scenario {

/// The scenario language in one place. The loader parses with these
/// declarations, the writer emits with them and markdown() documents them,
/// so the three cannot disagree. Defaults are read from default-constructed
/// structs (FatTreeParams{}, TransportModel{}, ...).
class ParameterRegistry {
 public:
  /// A `fabrics[].builder` value: its parameter struct and the function that builds it.
  struct Builder {
    std::string name;  ///< "fat-tree", ...
    std::string doc;
    FabricParams defaults;  ///< selects the parameter struct
    std::function<topology::BuiltPart(topology::Fabric&, const FabricParams&)> build;
  };

  /// An `inter_site_links[].kind` value: its parameter struct and the composer joining two sites.
  struct Route {
    std::string name;  ///< "long-haul" or "submarine"
    std::string doc;
    InterSiteParams defaults;
    std::function<topology::BuiltPart(topology::Fabric&, const std::vector<topology::NodeId>&,
                                      const std::vector<topology::NodeId>&, const InterSiteParams&)>
        connect;
  };

  /// Keys of the catalog sections, in the order they are read and written.
  static constexpr const char* kModules = "modules";
  static constexpr const char* kFibres = "fibres";
  static constexpr const char* kSwitches = "switches";
  static constexpr const char* kCircuitSwitches = "circuit_switches";
  static constexpr const char* kAmplifiers = "amplifiers";
  static constexpr const char* kGpus = "gpus";

  ParameterRegistry();
  ParameterRegistry(const ParameterRegistry&) = delete;
  ParameterRegistry& operator=(const ParameterRegistry&) = delete;

  /// The keys bound to struct @p T (Scenario for the top level, FatTreeParams, ...).
  template <typename T>
  const FieldSet<T>& fields() const {
    return std::get<FieldSet<T>>(sets_);
  }
  /// Keys of the `catalog` map (one list per equipment kind).
  const KeyTable& catalog() const { return catalog_; }
  /// Keys every catalog entry has besides its model's fields (`base`).
  const KeyTable& catalogEntry() const { return catalogEntry_; }
  /// Keys of the `workload` map.
  const KeyTable& workload() const { return workload_; }

  const std::vector<Builder>& builders() const { return builders_; }
  /// The builder called @p name, or nullptr.
  const Builder* builder(const std::string& name) const;
  const std::vector<Route>& routes() const { return routes_; }
  /// The inter-site kind called @p name, or nullptr.
  const Route* route(const std::string& name) const;

  /// The reference of every key as Markdown (docs/scenario-reference.md).
  std::string markdown() const;

 private:
  template <typename T>
  FieldSet<T>& set() {
    return std::get<FieldSet<T>>(sets_);
  }
  void declareTopLevel();
  void declareCatalog();
  void declareSites();
  void declareFabrics();
  void declareConnections();
  void declareWorkload();
  void declareSimulation();

  std::tuple<FieldSet<Scenario>, FieldSet<models::OpticalModule>, FieldSet<models::FibreType>,
             FieldSet<models::SwitchModel>, FieldSet<models::CircuitSwitchModel>, FieldSet<models::AmplifierModel>,
             FieldSet<models::GpuModel>, FieldSet<Site>, FieldSet<topology::BorderParams>, FieldSet<FabricSpec>,
             FieldSet<topology::FatTreeParams>, FieldSet<topology::ClosParams>, FieldSet<topology::RailPodParams>,
             FieldSet<topology::DragonflyParams>, FieldSet<topology::TorusParams>,
             FieldSet<CircuitSwitchLayerSpec>, FieldSet<CircuitStepSpec>, FieldSet<topology::CircuitSwitchLayerParams>,
             FieldSet<InterSiteLinkSpec>, FieldSet<topology::LongHaulParams>,
             FieldSet<topology::SubmarineCableParams>, FieldSet<topology::Node>, FieldSet<ExplicitLink>,
             FieldSet<topology::LinkSpec>, FieldSet<traffic::JobSpec>, FieldSet<traffic::CollectiveSpec>,
             FieldSet<traffic::FlowsSpec>, FieldSet<traffic::FlowEntry>,
             FieldSet<models::EngineSettings>, FieldSet<models::TransportModel>, FieldSet<models::SwitchQueueModel>,
             FieldSet<Targets>>
      sets_;
  KeyTable catalog_;
  KeyTable catalogEntry_;
  KeyTable workload_;
  std::vector<Builder> builders_;
  std::vector<Route> routes_;
};

}  // namespace ofe::scenario
