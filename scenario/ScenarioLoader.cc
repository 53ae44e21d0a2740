#include "scenario/ScenarioLoader.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "scenario/ParameterRegistry.h"
#include "scenario/ScenarioError.h"
#include "scenario/SizeCdfReader.h"
#include "scenario/YamlCursor.h"
#include "traffic/FlowSizeDistribution.h"

namespace ofe::scenario {

namespace {

using topology::NodeKind;

template <typename Map>
std::string keysOf(const Map& map) {
  std::string out;
  for (const auto& entry : map) out += (out.empty() ? "" : ", ") + entry.first;
  return out;
}

std::string unknown(const char* what, const std::string& name, const std::string& known) {
  return fmt::format("unknown {} '{}' ({})", what, name, known.empty() ? "none declared" : "known: " + known);
}

/// Which catalog kind a node's `model` names; None for sites without equipment.
Reference modelReference(NodeKind kind) {
  switch (kind) {
    case NodeKind::Gpu: return Reference::Gpu;
    case NodeKind::PacketSwitch:
    case NodeKind::ScaleUpSwitch: return Reference::Switch;
    case NodeKind::CircuitSwitch: return Reference::CircuitSwitch;
    case NodeKind::Amplifier:
    case NodeKind::Repeater: return Reference::Amplifier;
    case NodeKind::Roadm:
    case NodeKind::LandingStation: return Reference::None;
  }
  return Reference::None;
}

/// Reads one document into a Scenario, section by section in dependency order:
/// catalog, sites, fabrics, nodes, OCS layers, border switches, inter-site
/// links, links, workload, simulation, targets. Each section is checked and
/// built before the next, so a reference can only name what came before it.
class Assembly {
 public:
  Assembly(const ParameterRegistry& registry, YamlCursor root, const std::string& source)
      : reg_(registry), root_(std::move(root)) {
    s_.sourcePath = source;
    exists_ = [this](Reference ref, const std::string& name) { return missing(ref, name); };
  }

  Scenario run() {
    const FieldSet<Scenario>& top = reg_.fields<Scenario>();
    if (root_.present() && !root_.node().IsMap() && !root_.node().IsNull()) root_.fail("expected a map of sections");
    root_.expectKeys({&top});
    top.read(root_, s_);
    readCatalog(root_["catalog"]);
    s_.fabric = topology::Fabric(s_.catalog);
    readSites(root_["sites"]);
    readFabrics(root_["fabrics"]);
    readNodes(root_["nodes"]);
    readCircuitSwitchLayers(root_["circuit_switch_layers"]);
    addBorders(root_["sites"]);
    readInterSiteLinks(root_["inter_site_links"]);
    readLinks(root_["links"]);
    readWorkload(root_["workload"]);
    readSimulation(root_["simulation"]);
    readTargets(root_["targets"]);
    return std::move(s_);
  }

 private:
  /// Calls @p f on every item of @p list, each checked to be a map.
  template <typename F>
  void forEach(const YamlCursor& list, F f) {
    list.expectList();
    for (std::size_t i = 0; i < list.size(); ++i) {
      const YamlCursor item = list[i];
      if (!item.node().IsMap()) item.fail("expected a map");
      f(item);
    }
  }

  /// Rethrows a topology error (std::invalid_argument and kin) as a ScenarioError at @p at.
  template <typename F>
  auto build(const YamlCursor& at, const std::string& what, F f) {
    try {
      return f();
    } catch (const std::logic_error& e) {
      at.fail(what.empty() ? std::string(e.what()) : what + ": " + e.what());
    }
  }

  std::optional<std::string> missing(Reference ref, const std::string& name) const {
    const models::Catalog& c = s_.catalog;
    switch (ref) {
      case Reference::None: return std::nullopt;
      case Reference::Module:
        if (c.hasModule(name)) return std::nullopt;
        return unknown("optical module", name, keysOf(c.modules()));
      case Reference::Fibre:
        if (c.hasFibre(name)) return std::nullopt;
        return unknown("fibre type", name, keysOf(c.fibres()));
      case Reference::Switch:
        if (c.hasSwitch(name)) return std::nullopt;
        return unknown("packet switch", name, keysOf(c.switches()));
      case Reference::CircuitSwitch:
        if (c.hasCircuitSwitch(name)) return std::nullopt;
        return unknown("optical circuit switch", name, keysOf(c.circuitSwitches()));
      case Reference::Amplifier:
        if (c.hasAmplifier(name)) return std::nullopt;
        return unknown("amplifier", name, keysOf(c.amplifiers()));
      case Reference::Gpu:
        if (c.hasGpu(name)) return std::nullopt;
        return unknown("GPU", name, keysOf(c.gpus()));
      case Reference::Site: {
        if (s_.site(name)) return std::nullopt;
        std::string known;
        for (const Site& site : s_.sites) known += (known.empty() ? "" : ", ") + site.name;
        return unknown("site", name, known);
      }
      case Reference::Node:
        if (s_.fabric.findNode(name)) return std::nullopt;
        return fmt::format("unknown node '{}'", name);
      case Reference::Fabric: {
        std::string known;
        for (const FabricSpec& f : s_.fabrics) {
          if (f.name == name) return std::nullopt;
          known += (known.empty() ? "" : ", ") + f.name;
        }
        return unknown("fabric", name, known);
      }
    }
    return std::nullopt;
  }

  void readCatalog(const YamlCursor& catalog) {
    catalog.expectKeys({&reg_.catalog()});
    readCatalogKind(catalog[ParameterRegistry::kModules], Reference::Module, &models::Catalog::modules);
    readCatalogKind(catalog[ParameterRegistry::kFibres], Reference::Fibre, &models::Catalog::fibres);
    readCatalogKind(catalog[ParameterRegistry::kSwitches], Reference::Switch, &models::Catalog::switches);
    readCatalogKind(catalog[ParameterRegistry::kCircuitSwitches], Reference::CircuitSwitch,
                    &models::Catalog::circuitSwitches);
    readCatalogKind(catalog[ParameterRegistry::kAmplifiers], Reference::Amplifier, &models::Catalog::amplifiers);
    readCatalogKind(catalog[ParameterRegistry::kGpus], Reference::Gpu, &models::Catalog::gpus);
  }

  /// One catalog list: each entry starts from `base`, from the entry it
  /// overrides, or from defaults, and is then put back into the catalog.
  template <typename M>
  void readCatalogKind(const YamlCursor& list, Reference kind,
                       const std::map<std::string, M>& (models::Catalog::*entries)() const) {
    const FieldSet<M>& fields = reg_.fields<M>();
    const std::string section = list.path().substr(list.path().rfind('.') + 1);
    forEach(list, [&](const YamlCursor& item) {
      item.expectKeys({&reg_.catalogEntry(), &fields});
      const YamlCursor nameAt = item["name"];
      if (!nameAt.present()) nameAt.fail("missing required key 'name'");
      const std::string name = nameAt.text();
      std::vector<std::string>& declared = s_.catalogEntries[section];
      if (std::find(declared.begin(), declared.end(), name) != declared.end()) {
        nameAt.fail(fmt::format("catalog entry '{}' is declared twice", name));
      }
      const std::map<std::string, M>& existing = (s_.catalog.*entries)();
      M model{};
      if (const YamlCursor base = item["base"]; base.present()) {
        if (const auto error = missing(kind, base.text())) base.fail(*error);
        model = existing.at(base.text());
      } else if (const auto it = existing.find(name); it != existing.end()) {
        model = it->second;
      }
      fields.read(item, model);
      declared.push_back(name);
      s_.catalog.put(model);
    });
  }

  void readSites(const YamlCursor& list) {
    const FieldSet<Site>& fields = reg_.fields<Site>();
    const FieldSet<topology::BorderParams>& borderFields = reg_.fields<topology::BorderParams>();
    forEach(list, [&](const YamlCursor& item) {
      item.expectKeys({&fields});
      Site site;
      fields.read(item, site);
      if (s_.site(site.name)) item["name"].fail(fmt::format("site '{}' is declared twice", site.name));
      if (const YamlCursor border = item["border"]; border.present()) {
        border.expectKeys({&borderFields});
        topology::BorderParams params;
        borderFields.read(border, params);
        borderFields.checkReferences(border, params, exists_);
        site.border = params;
      }
      s_.sites.push_back(std::move(site));
    });
  }

  void readFabrics(const YamlCursor& list) {
    const FieldSet<FabricSpec>& common = reg_.fields<FabricSpec>();
    forEach(list, [&](const YamlCursor& item) {
      FabricSpec spec;
      common.read(item, spec);  // first, so an unknown builder is reported as such
      if (!missing(Reference::Fabric, spec.name)) {
        item["name"].fail(fmt::format("fabric '{}' is declared twice", spec.name));
      }
      const ParameterRegistry::Builder& builder = *reg_.builder(spec.builder);
      spec.params = builder.defaults;
      std::visit(
          [&](auto& params) {
            const auto& fields = reg_.fields<std::decay_t<decltype(params)>>();
            item.expectKeys({&common, &fields});
            fields.read(item, params);
            fields.checkReferences(item, params, exists_);
          },
          spec.params);
      spec.part = build(item, spec.builder + " builder", [&] { return builder.build(s_.fabric, spec.params); });
      s_.fabrics.push_back(std::move(spec));
    });
  }

  void readNodes(const YamlCursor& list) {
    const FieldSet<topology::Node>& fields = reg_.fields<topology::Node>();
    forEach(list, [&](const YamlCursor& item) {
      item.expectKeys({&fields});
      topology::Node node;
      fields.read(item, node);
      fields.checkReferences(item, node, exists_);
      if (const auto error = missing(modelReference(node.kind), node.model)) item["model"].fail(*error);
      if (s_.fabric.findNode(node.name)) {
        item["name"].fail(fmt::format("node name '{}' is already taken", node.name));
      }
      build(item, "", [&] { return s_.fabric.addNode(node); });
      s_.nodes.push_back(std::move(node));
    });
  }

  void readCircuitSwitchLayers(const YamlCursor& list) {
    const FieldSet<CircuitSwitchLayerSpec>& over = reg_.fields<CircuitSwitchLayerSpec>();
    const FieldSet<topology::CircuitSwitchLayerParams>& fields = reg_.fields<topology::CircuitSwitchLayerParams>();
    forEach(list, [&](const YamlCursor& item) {
      item.expectKeys({&over, &fields});
      CircuitSwitchLayerSpec spec;
      over.read(item, spec);
      fields.read(item, spec.params);
      over.checkReferences(item, spec, exists_);
      fields.checkReferences(item, spec.params, exists_);
      if (spec.overSwitches.empty() && spec.overFabrics.empty()) {
        item.fail("an OCS layer needs switches to join: give over_switches or over_fabrics");
      }
      for (std::size_t i = 0; i < spec.overSwitches.size(); ++i) {
        const topology::Node& node = s_.fabric.node(*s_.fabric.findNode(spec.overSwitches[i]));
        if (node.kind != NodeKind::PacketSwitch) {
          item["over_switches"][i].fail(
              fmt::format("node '{}' is a {}, not a packet switch", node.name, topology::toString(node.kind)));
        }
        spec.params.switches.push_back(node.id);
      }
      for (const std::string& name : spec.overFabrics) {
        for (const FabricSpec& fabric : s_.fabrics) {
          if (fabric.name == name) {
            spec.params.switches.insert(spec.params.switches.end(), fabric.part.top.begin(), fabric.part.top.end());
          }
        }
      }
      readSchedule(item["schedule"], spec);
      spec.part = build(item, "circuit switch layer",
                        [&] { return topology::buildCircuitSwitchLayer(s_.fabric, spec.params); });
      s_.circuitSwitchLayers.push_back(std::move(spec));
    });
  }

  /// The layer's `schedule`: each step's circuits by switch name, resolved
  /// against the layer's switches (spec.params.switches must be filled).
  void readSchedule(const YamlCursor& list, CircuitSwitchLayerSpec& spec) {
    if (!list.present()) return;
    const FieldSet<CircuitStepSpec>& fields = reg_.fields<CircuitStepSpec>();
    forEach(list, [&](const YamlCursor& item) {
      item.expectKeys({&fields});
      CircuitStepSpec step;
      fields.read(item, step);
      topology::CircuitStep resolved{step.at, {}};
      const YamlCursor connect = item["connect"];
      if (!connect.node().IsSequence()) connect.fail("expected a list of [switch, switch] pairs");
      for (std::size_t i = 0; i < connect.node().size(); ++i) {
        const YamlCursor pair = connect[i];
        if (!pair.node().IsSequence() || pair.node().size() != 2) pair.fail("expected a pair: [switch, switch]");
        std::vector<std::string> names;
        std::vector<topology::NodeId> ids;
        for (std::size_t e = 0; e < 2; ++e) {
          std::string name;
          try {
            name = ValueCodec<std::string>::read(pair[e].node());
          } catch (const std::invalid_argument& error) {
            pair[e].fail(error.what());
          }
          const auto id = s_.fabric.findNode(name);
          const bool inLayer = id && std::find(spec.params.switches.begin(), spec.params.switches.end(), *id) !=
                                         spec.params.switches.end();
          if (!inLayer) pair[e].fail(fmt::format("'{}' is not one of the switches this layer joins", name));
          names.push_back(name);
          ids.push_back(*id);
        }
        if (ids[0] == ids[1]) pair.fail(fmt::format("a circuit from '{}' to itself", names[0]));
        step.connect.push_back(names);
        resolved.connect.emplace_back(ids[0], ids[1]);
      }
      if (!spec.schedule.empty() && !(spec.schedule.back().at < step.at)) {
        item["at"].fail(fmt::format("steps must be in increasing time; the one before is at {}", spec.schedule.back().at));
      }
      spec.schedule.push_back(std::move(step));
      spec.params.schedule.push_back(std::move(resolved));
    });
  }

  /// Border switches join the top switches of every fabric of their site, so
  /// they come after all fabrics and OCS layers.
  void addBorders(const YamlCursor& list) {
    for (std::size_t i = 0; i < s_.sites.size(); ++i) {
      Site& site = s_.sites[i];
      if (!site.border) continue;
      const YamlCursor at = list[i]["border"];
      topology::BuiltPart part;
      part.site = site.name;
      for (const FabricSpec& fabric : s_.fabrics) {
        if (fabric.part.site == site.name) part.top.insert(part.top.end(), fabric.part.top.begin(), fabric.part.top.end());
      }
      if (part.top.empty()) at.fail(fmt::format("site '{}' has no fabric for border switches to join", site.name));
      site.borderSwitches =
          build(at, "border switches", [&] { return topology::addBorderSwitches(s_.fabric, part, *site.border); });
    }
  }

  void readInterSiteLinks(const YamlCursor& list) {
    const FieldSet<InterSiteLinkSpec>& common = reg_.fields<InterSiteLinkSpec>();
    forEach(list, [&](const YamlCursor& item) {
      InterSiteLinkSpec spec;
      common.read(item, spec);
      const ParameterRegistry::Route& route = *reg_.route(spec.kind);
      spec.params = route.defaults;
      std::visit(
          [&](auto& params) {
            const auto& fields = reg_.fields<std::decay_t<decltype(params)>>();
            item.expectKeys({&common, &fields});
            fields.read(item, params);
            fields.checkReferences(item, params, exists_);
          },
          spec.params);
      common.checkReferences(item, spec, exists_);
      if (spec.from == spec.to) item["to"].fail("an inter-site link needs two different sites");
      for (const char* end : {"from", "to"}) {
        const Site& site = *s_.site(end == std::string("from") ? spec.from : spec.to);
        if (site.borderSwitches.empty()) {
          item[end].fail(fmt::format("site '{}' has no border switches (declare sites[].border)", site.name));
        }
      }
      spec.part = build(item, spec.kind, [&] {
        return route.connect(s_.fabric, s_.site(spec.from)->borderSwitches, s_.site(spec.to)->borderSwitches,
                             spec.params);
      });
      s_.interSiteLinks.push_back(std::move(spec));
    });
  }

  void readLinks(const YamlCursor& list) {
    const FieldSet<ExplicitLink>& ends = reg_.fields<ExplicitLink>();
    const FieldSet<topology::LinkSpec>& fields = reg_.fields<topology::LinkSpec>();
    forEach(list, [&](const YamlCursor& item) {
      item.expectKeys({&ends, &fields});
      ExplicitLink link;
      ends.read(item, link);
      fields.read(item, link.spec);
      ends.checkReferences(item, link, exists_);
      fields.checkReferences(item, link.spec, exists_);
      build(item, "", [&] {
        return s_.fabric.addLink(*s_.fabric.findNode(link.from), *s_.fabric.findNode(link.to), link.spec);
      });
      s_.links.push_back(std::move(link));
    });
  }

  void readWorkload(const YamlCursor& workload) {
    workload.expectKeys({&reg_.workload()});
    const FieldSet<traffic::JobSpec>& fields = reg_.fields<traffic::JobSpec>();
    const FieldSet<traffic::CollectiveSpec>& collectiveFields = reg_.fields<traffic::CollectiveSpec>();
    const std::size_t gpuCount = s_.fabric.countOf(NodeKind::Gpu);
    forEach(workload["jobs"], [&](const YamlCursor& item) {
      item.expectKeys({&fields});
      traffic::JobSpec job;
      fields.read(item, job);
      for (const traffic::JobSpec& other : s_.jobs) {
        if (other.name == job.name) item["name"].fail(fmt::format("job '{}' is declared twice", job.name));
      }
      fields.checkReferences(item, job, exists_);
      checkJobGpus(item, job);
      if (static_cast<std::size_t>(job.ranks) > gpuCount) {
        item["ranks"].fail(fmt::format("{} ranks, but the fabric has {} GPUs", job.ranks, gpuCount));
      }
      const YamlCursor collectives = item["collectives"];
      if (item["flows"].present()) {
        if (collectives.present()) item["flows"].fail("give `collectives` or `flows`, not both");
        job.flows = readFlows(item["flows"]);
        s_.jobs.push_back(std::move(job));
        return;
      }
      if (!collectives.present()) item.fail("a job needs `collectives` or `flows`");
      forEach(collectives, [&](const YamlCursor& entry) {
        entry.expectKeys({&collectiveFields});
        if (entry["size"].present() && entry["sizes"].present()) {
          entry["sizes"].fail("give either size or sizes, not both");
        }
        traffic::CollectiveSpec collective;
        collectiveFields.read(entry, collective);
        if (collective.root >= job.ranks) {
          entry["root"].fail(fmt::format("root {} is not a rank of a {}-rank job", collective.root, job.ranks));
        }
        job.collectives.push_back(collective);
      });
      if (job.collectives.empty()) collectives.fail("a job needs at least one collective");
      s_.jobs.push_back(std::move(job));
    });
  }

  traffic::FlowsSpec readFlows(const YamlCursor& at) {
    const FieldSet<traffic::FlowsSpec>& fields = reg_.fields<traffic::FlowsSpec>();
    const FieldSet<traffic::FlowEntry>& entryFields = reg_.fields<traffic::FlowEntry>();
    if (!at.node().IsMap()) at.fail("expected a map");
    at.expectKeys({&fields});
    traffic::FlowsSpec spec;
    fields.read(at, spec);
    const YamlCursor list = at["list"];
    const bool listed = spec.pattern == traffic::FlowPattern::List;
    if (list.present() && !listed) list.fail("a `list` needs `pattern: list`");
    if (listed) {
      if (!list.present()) at.fail("pattern `list` needs a `list` of flows");
      forEach(list, [&](const YamlCursor& entry) {
        entry.expectKeys({&entryFields});
        traffic::FlowEntry flow;
        entryFields.read(entry, flow);
        entryFields.checkReferences(entry, flow, exists_);
        for (const char* end : {"src", "dst"}) {
          const topology::Node& node = s_.fabric.node(*s_.fabric.findNode(end[0] == 's' ? flow.src : flow.dst));
          if (node.kind != NodeKind::Gpu) {
            entry[end].fail(fmt::format("node '{}' is a {}, not a gpu", node.name, topology::toString(node.kind)));
          }
        }
        if (flow.src == flow.dst) entry["dst"].fail(fmt::format("a flow from '{}' to itself", flow.src));
        if (flow.size.count() < 1) entry["size"].fail("a flow needs at least 1 byte");
        spec.list.push_back(flow);
      });
      if (spec.list.empty()) list.fail("a `list` needs at least one flow");
    }
    if (spec.size.count() < 1) at["size"].fail("a flow needs at least 1 byte");
    if (!spec.sizeCdfFile.empty()) {
      if (listed) at["size_cdf"].fail("pattern `list` gives each flow its size");
      const std::filesystem::path file = std::filesystem::path(spec.sizeCdfFile).is_absolute()
                                             ? std::filesystem::path(spec.sizeCdfFile)
                                             : std::filesystem::path(s_.sourcePath).parent_path() / spec.sizeCdfFile;
      spec.sizeCdf = readSizeCdf(file.string());
      build(at["size_cdf"], file.string(), [&] { return traffic::FlowSizeDistribution(spec.sizeCdf).meanBytes(); });
    }
    return spec;
  }

  void checkJobGpus(const YamlCursor& item, const traffic::JobSpec& job) const {
    if (job.gpus.empty()) return;
    const YamlCursor gpus = item["gpus"];
    std::set<std::string> seen;
    for (std::size_t i = 0; i < job.gpus.size(); ++i) {
      const topology::Node& node = s_.fabric.node(*s_.fabric.findNode(job.gpus[i]));
      if (node.kind != NodeKind::Gpu) {
        gpus[i].fail(fmt::format("node '{}' is a {}, not a gpu", node.name, topology::toString(node.kind)));
      }
      if (!seen.insert(node.name).second) gpus[i].fail(fmt::format("GPU '{}' is listed twice", node.name));
    }
    if (static_cast<int>(job.gpus.size()) != job.ranks) {
      gpus.fail(fmt::format("lists {} GPUs for {} ranks", job.gpus.size(), job.ranks));
    }
  }

  void readSimulation(const YamlCursor& simulation) {
    const FieldSet<models::EngineSettings>& fields = reg_.fields<models::EngineSettings>();
    const FieldSet<models::TransportModel>& transport = reg_.fields<models::TransportModel>();
    const FieldSet<models::SwitchQueueModel>& queues = reg_.fields<models::SwitchQueueModel>();
    simulation.expectKeys({&fields});
    s_.settings.seed = s_.seed;  // simulation.seed, when given, overrides it
    fields.read(simulation, s_.settings);
    simulation["transport"].expectKeys({&transport});
    transport.read(simulation["transport"], s_.settings.transport);
    const YamlCursor q = simulation["queues"];
    q.expectKeys({&queues});
    queues.read(q, s_.settings.queues);
    if (s_.settings.queues.ecnMaxThreshold < s_.settings.queues.ecnMinThreshold) {
      q["ecn_max_threshold"].fail("ecn_max_threshold is below ecn_min_threshold");
    }
  }

  void readTargets(const YamlCursor& targets) {
    const FieldSet<Targets>& fields = reg_.fields<Targets>();
    targets.expectKeys({&fields});
    fields.read(targets, s_.targets);
  }

  const ParameterRegistry& reg_;
  YamlCursor root_;
  Scenario s_;
  ReferenceCheck exists_;
};


}  // namespace

Scenario ScenarioLoader::loadString(const std::string& text, const std::string& displayName) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    const bool known = !e.mark.is_null();
    throw ScenarioError(displayName, known ? e.mark.line + 1 : 0, known ? e.mark.column + 1 : 0, "", e.msg);
  }
  const ParameterRegistry registry;
  try {
    return Assembly(registry, YamlCursor(root, displayName), displayName).run();
  } catch (const YAML::Exception& e) {
    // Not expected once the document parsed; kept so no yaml-cpp type escapes.
    const bool known = !e.mark.is_null();
    throw ScenarioError(displayName, known ? e.mark.line + 1 : 0, known ? e.mark.column + 1 : 0, "", e.msg);
  }
}

Scenario ScenarioLoader::loadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError(path, 0, 0, "", fmt::format("cannot read file: {}", std::strerror(errno)));
  std::ostringstream text;
  text << in.rdbuf();
  return loadString(text.str(), path);
}

Scenario ScenarioLoader::defaultScenario() { return loadString(defaultScenarioText(), "<default scenario>"); }

const char* ScenarioLoader::defaultScenarioText() {
  static const char* const text = R"(# The built-in scenario: what `ofe` runs when no file is given.
name: default
description: >-
  One scalable unit of a rail-optimised H100 pod (8 servers x 8 GPUs, 8 x 400G NICs per server,
  NVLink and NVSwitch inside each server, 8 rail leaves, 4 spines) running an nccl-tests-style
  all-reduce sweep from 1 KiB to 1 GiB with the algorithm and protocol NCCL would pick, then a
  1 GiB ring all-reduce.
seed: 1
sites:
  - name: dc
fabrics:
  - name: pod
    builder: rail-pod
    site: dc
    scalable_units: 1
    servers_per_unit: 8
    gpus_per_server: 8
    # NVIDIA's 1-SU H100 compute fabric has 8 leaves and 4 spines (docs/catalog.md).
    spines: 4
workload:
  jobs:
    - name: all-reduce-sweep
      ranks: 64
      placement: rail-aligned
      collectives:
        # nccl-tests -b 1K -e 1G -f 2 with NCCL's choice of algorithm and protocol.
        - op: all-reduce
          sizes: 1KiB..1GiB
        # NCCL_ALGO=Ring, as NCCL's maintainers suggest for measuring the NICs.
        - op: all-reduce
          algorithm: ring
          size: 1GiB
)";
  return text;
}

}  // namespace ofe::scenario
