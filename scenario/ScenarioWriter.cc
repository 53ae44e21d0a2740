#include "scenario/ScenarioWriter.h"

#include <yaml-cpp/yaml.h>

#include "scenario/ParameterRegistry.h"

namespace ofe::scenario {

namespace {

class Writer {
 public:
  Writer(const ParameterRegistry& registry, const Scenario& scenario) : reg_(registry), s_(scenario) {}

  std::string run() {
    e_ << YAML::BeginMap;
    reg_.fields<Scenario>().write(e_, s_);
    writeCatalog();
    list("sites", s_.sites, [&](const Site& site) {
      reg_.fields<Site>().write(e_, site);
      if (site.border) {
        e_ << YAML::Key << "border" << YAML::Value << YAML::BeginMap;
        reg_.fields<topology::BorderParams>().write(e_, *site.border);
        e_ << YAML::EndMap;
      }
    });
    list("fabrics", s_.fabrics, [&](const FabricSpec& fabric) {
      reg_.fields<FabricSpec>().write(e_, fabric);
      writeVariant(fabric.params);
    });
    list("circuit_switch_layers", s_.circuitSwitchLayers, [&](const CircuitSwitchLayerSpec& layer) {
      reg_.fields<CircuitSwitchLayerSpec>().write(e_, layer);
      reg_.fields<topology::CircuitSwitchLayerParams>().write(e_, layer.params);
      list("schedule", layer.schedule, [&](const CircuitStepSpec& step) {
        reg_.fields<CircuitStepSpec>().write(e_, step);
        e_ << YAML::Key << "connect" << YAML::Value << YAML::BeginSeq;
        for (const std::vector<std::string>& pair : step.connect) e_ << YAML::Flow << pair;
        e_ << YAML::EndSeq;
      });
    });
    list("inter_site_links", s_.interSiteLinks, [&](const InterSiteLinkSpec& link) {
      reg_.fields<InterSiteLinkSpec>().write(e_, link);
      writeVariant(link.params);
    });
    list("nodes", s_.nodes, [&](const topology::Node& node) { reg_.fields<topology::Node>().write(e_, node); });
    list("links", s_.links, [&](const ExplicitLink& link) {
      reg_.fields<ExplicitLink>().write(e_, link);
      reg_.fields<topology::LinkSpec>().write(e_, link.spec);
    });
    if (!s_.jobs.empty()) {
      e_ << YAML::Key << "workload" << YAML::Value << YAML::BeginMap;
      list("jobs", s_.jobs, [&](const traffic::JobSpec& job) {
        reg_.fields<traffic::JobSpec>().write(e_, job);
        list("collectives", job.collectives, [&](const traffic::CollectiveSpec& collective) {
          reg_.fields<traffic::CollectiveSpec>().write(e_, collective);
        });
        if (job.flows) {
          map("flows", [&] {
            reg_.fields<traffic::FlowsSpec>().write(e_, *job.flows);
            list("list", job.flows->list,
                 [&](const traffic::FlowEntry& flow) { reg_.fields<traffic::FlowEntry>().write(e_, flow); });
          });
        }
      });
      e_ << YAML::EndMap;
    }
    e_ << YAML::Key << "simulation" << YAML::Value << YAML::BeginMap;
    reg_.fields<models::EngineSettings>().write(e_, s_.settings);
    map("transport", [&] { reg_.fields<models::TransportModel>().write(e_, s_.settings.transport); });
    map("queues", [&] { reg_.fields<models::SwitchQueueModel>().write(e_, s_.settings.queues); });
    e_ << YAML::EndMap;
    map("targets", [&] { reg_.fields<Targets>().write(e_, s_.targets); });
    e_ << YAML::EndMap;
    return std::string(e_.c_str()) + "\n";
  }

 private:
  /// "key:" followed by one map per item; nothing when @p items is empty.
  template <typename Items, typename F>
  void list(const char* key, const Items& items, F writeItem) {
    if (items.empty()) return;
    e_ << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const auto& item : items) {
      e_ << YAML::BeginMap;
      writeItem(item);
      e_ << YAML::EndMap;
    }
    e_ << YAML::EndSeq;
  }

  template <typename F>
  void map(const char* key, F writeBody) {
    e_ << YAML::Key << key << YAML::Value << YAML::BeginMap;
    writeBody();
    e_ << YAML::EndMap;
  }

  template <typename Variant>
  void writeVariant(const Variant& params) {
    std::visit([&](const auto& p) { reg_.fields<std::decay_t<decltype(p)>>().write(e_, p); }, params);
  }

  void writeCatalog() {
    if (s_.catalogEntries.empty()) return;
    e_ << YAML::Key << "catalog" << YAML::Value << YAML::BeginMap;
    writeKind(ParameterRegistry::kModules, s_.catalog.modules());
    writeKind(ParameterRegistry::kFibres, s_.catalog.fibres());
    writeKind(ParameterRegistry::kSwitches, s_.catalog.switches());
    writeKind(ParameterRegistry::kCircuitSwitches, s_.catalog.circuitSwitches());
    writeKind(ParameterRegistry::kAmplifiers, s_.catalog.amplifiers());
    writeKind(ParameterRegistry::kGpus, s_.catalog.gpus());
    e_ << YAML::EndMap;
  }

  /// The entries the scenario declared, each in full so no `base` is needed.
  template <typename M>
  void writeKind(const char* key, const std::map<std::string, M>& entries) {
    const auto declared = s_.catalogEntries.find(key);
    if (declared == s_.catalogEntries.end()) return;
    list(key, declared->second,
         [&](const std::string& name) { reg_.fields<M>().write(e_, entries.at(name)); });
  }

  const ParameterRegistry& reg_;
  const Scenario& s_;
  YAML::Emitter e_;
};

}  // namespace

std::string ScenarioWriter::resolvedYaml(const Scenario& scenario) {
  const ParameterRegistry registry;
  return Writer(registry, scenario).run();
}

}  // namespace ofe::scenario
