#include "scenario/ParameterRegistry.h"

#include <fmt/format.h>

#include <limits>

#include "models/LineSettings.h"
#include "scenario/SizeSweep.h"
#include "topology/CircuitSwitchLayerBuilder.h"

namespace ofe::scenario {

namespace {

constexpr double kNoLimit = std::numeric_limits<double>::infinity();

using topology::BuiltPart;
using topology::Fabric;
using topology::NodeId;

template <typename P>
ParameterRegistry::Builder makeBuilder(std::string name, std::string doc, BuiltPart (*build)(Fabric&, const P&)) {
  return {std::move(name), std::move(doc), FabricParams(P{}),
          [build](Fabric& fabric, const FabricParams& params) { return build(fabric, std::get<P>(params)); }};
}

template <typename P>
ParameterRegistry::Route makeRoute(std::string name, std::string doc,
                                   BuiltPart (*connect)(Fabric&, const std::vector<NodeId>&,
                                                        const std::vector<NodeId>&, P)) {
  return {std::move(name), std::move(doc), InterSiteParams(P{}),
          [connect](Fabric& fabric, const std::vector<NodeId>& a, const std::vector<NodeId>& b,
                    const InterSiteParams& params) { return connect(fabric, a, b, std::get<P>(params)); }};
}

/// Provenance keys every catalog model carries.
template <typename M>
void declareProvenance(FieldSet<M>& set) {
  set.add("source", &M::source, "Where the figures come from (document, URL).")
      .add("assumption", &M::assumption, "True when some figure is not verified; say which in `notes`.")
      .add("notes", &M::notes, "Free text: caveats, derivations.");
}

/// How an amplified line is operated: the keys long-haul routes and submarine
/// cables share (models::LineSettings, docs/optics.md).
template <typename P>
void declareLineKeys(FieldSet<P>& set, models::LineSettings P::*line) {
  using models::LineSettings;
  set.add("launch_power", line, &LineSettings::launchPower,
          "Launch power per channel into every span, or `auto`: the power that maximises the GSNR.")
      .add("channel_spacing", line, &LineSettings::channelSpacing,
           "Grid slot width; unset: the narrowest 12.5 GHz flex-grid slot, at least 50 GHz, that holds "
           "the module's (1 + roll_off) x symbol_rate.")
      .add("band", line, &LineSettings::band,
           "Amplifier band the channels fill: c 191.325-196.125 THz, l 186.325-190.125 THz, or both.")
      .add("band_start", line, &LineSettings::bandStart, "With band_end: the spectrum, replacing `band`.")
      .add("band_end", line, &LineSettings::bandEnd, "With band_start: the spectrum, replacing `band`.")
      .add("preamplifier", line, &LineSettings::preamplifier,
           "An amplifier after the last span, before the receiver.")
      .add("booster", line, &LineSettings::booster,
           "An amplifier after the transmitter, raising its tx_power to the launch power.");
}

/// Keys every GPU fabric builder shares: where it stands, how nodes are named,
/// which switch and GPU it uses and how GPUs attach.
template <typename P>
void declareBuilderCommon(FieldSet<P>& set) {
  set.add("site", &P::site, "Site the fabric stands in.")
      .refers(Reference::Site)
      .add("prefix", &P::prefix,
           "Node-name prefix; empty means the site name. Set it when a site holds several fabrics, "
           "whose node names would otherwise collide.")
      .add("switch_model", &P::switchModel, "Packet switch of every tier.")
      .refers(Reference::Switch)
      .add("gpu_model", &P::gpuModel, "GPU type.")
      .refers(Reference::Gpu)
      .add("host_module", &P::hostModule, "Module at both ends of each GPU - first-tier switch link.")
      .refers(Reference::Module)
      .add("host_fibre", &P::hostFibre, "Medium of the GPU links.")
      .refers(Reference::Fibre)
      .add("fabric_fibre", &P::fabricFibre, "Medium of the switch-to-switch links.")
      .refers(Reference::Fibre)
      .add("host_length", &P::hostLength, "Cable length GPU - first-tier switch.");
}

std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

struct DocSection {
  std::string title;
  std::string intro;
  std::vector<const KeyTable*> tables;
};

void renderSection(std::string& out, const DocSection& section) {
  out += fmt::format("\n## {}\n\n", section.title);
  if (!section.intro.empty()) out += section.intro + "\n\n";
  out += "| Key | Type | Default | Description |\n|---|---|---|---|\n";
  for (const KeyTable* table : section.tables) {
    for (const KeyDoc& key : table->docs()) {
      const std::string shown = key.required               ? "**required**"
                                : key.defaultText.empty()  ? "–"
                                                           : "`" + key.defaultText + "`";
      out += fmt::format("| `{}` | {} | {} | {} |\n", key.key, cell(key.type), cell(shown), cell(key.doc));
    }
  }
}

}  // namespace

ParameterRegistry::ParameterRegistry() {
  builders_ = {
      makeBuilder("fat-tree", "k-ary fat-tree (Al-Fares et al.): k^3/4 GPUs, 5k^2/4 switches, 3k^3/4 links.",
                  &topology::buildFatTree),
      makeBuilder("clos",
                  "Leaf-spine (two tiers) or leaf-spine-superspine Clos with a chosen oversubscription; "
                  "leaf uplinks = gpus_per_leaf x host rate / (oversubscription x fabric rate).",
                  &topology::buildClos),
      makeBuilder("rail-pod",
                  "Rail-optimised pod (DGX SuperPOD-like): GPU i of every server of a scalable unit (SU) "
                  "joins that SU's rail-i leaf; every leaf joins every spine; optionally one scale-up "
                  "switch per server.",
                  &topology::buildRailPod),
      makeBuilder("dragonfly",
                  "Dragonfly (Kim et al. 2008): groups of all-to-all routers joined by global links; "
                  "balanced when routers_per_group = 2 x gpus_per_router = 2 x global_links_per_router.",
                  &topology::buildDragonfly),
      makeBuilder("torus",
                  "2D or 3D torus of routers, each with its GPUs (GPUs do not forward in ofe); a "
                  "dimension of size 2 has one link per pair.",
                  &topology::buildTorus),
  };
  routes_ = {
      makeRoute("long-haul",
                "Terrestrial route: the fibre is cut into ceil(distance / amplifier_spacing) equal spans "
                "with an amplifier (or ROADM) site between spans. One route per border switch pair, "
                "named `<name>-<i>`.",
                &topology::connectSitesOverland),
      makeRoute("submarine",
                "Submarine cable: landing stations, ceil(wet_length / repeater_spacing) - 1 repeaters, "
                "one cable per border switch pair, named `<name>-<i>`.",
                &topology::connectSitesSubsea),
  };
  declareTopLevel();
  declareCatalog();
  declareSites();
  declareFabrics();
  declareConnections();
  declareWorkload();
  declareSimulation();
}

void ParameterRegistry::declareTopLevel() {
  set<Scenario>()
      .add("name", &Scenario::name, "Short name, used in reports and output file names.")
      .required()
      .add("description", &Scenario::description, "Free text shown in reports.")
      .add("seed", &Scenario::seed,
           "Seed of everything random in the run (ECMP hashing, ECN marking, losses); "
           "`simulation.seed` overrides it.")
      .add("currency", &Scenario::currency, "Currency of every site's `electricity_price`, e.g. CNY or USD.")
      .section("catalog", "map", "Equipment added to or replacing the builtin catalog, by kind.")
      .section("sites", "list", "Sites (data centres) with their PUE, electricity price and border switches.")
      .section("fabrics", "list", "Fabrics made by the topology builders.")
      .section("circuit_switch_layers", "list", "Optical circuit switch layers over named switches or fabrics.")
      .section("inter_site_links", "list", "Long-haul routes and submarine cables joining sites.")
      .section("nodes", "list", "Nodes placed by hand.")
      .section("links", "list", "Links placed by hand, between named nodes.")
      .section("workload", "map", "Jobs and the collectives they run.")
      .section("simulation", "map", "Engine settings: seed, watchdogs, transport and switch queues.")
      .section("targets", "map", "Design targets checked after the run.");
}

void ParameterRegistry::declareCatalog() {
  catalog_.section(kModules, "list", "Optical modules (transceivers, LPO, CPO, coherent, scale-up ports).")
      .section(kFibres, "list", "Fibre and cable types.")
      .section(kSwitches, "list", "Packet switches (Ethernet, InfiniBand, NVSwitch-class).")
      .section(kCircuitSwitches, "list", "Optical circuit switches.")
      .section(kAmplifiers, "list", "In-line amplifiers and submarine repeaters.")
      .section(kGpus, "list", "GPUs with their NICs and scale-up port.");
  catalogEntry_.declare(KeyDoc{"base", "string (catalog name of the same kind)", "",
                               "Entry to copy before applying this entry's keys. Without it, a name already "
                               "in the catalog is overridden field by field and a new name starts from the "
                               "defaults below.",
                               false});

  using models::OpticalModule;
  set<OpticalModule>()
      .add("name", &OpticalModule::name, "Catalog key, e.g. 800G-DR8.")
      .required()
      .add("form_factor", &OpticalModule::formFactor, "OSFP, QSFP-DD, CPO, NVLink, ...")
      .add("medium", &OpticalModule::medium, "What carries the signal.")
      .add("rate", &OpticalModule::rate, "Payload (MAC) rate of one module.")
      .add("lanes", &OpticalModule::lanes, "Electrical/optical lanes.")
      .range(1, kNoLimit)
      .add("line_overhead", &OpticalModule::lineOverhead,
           "Line rate / payload rate (FEC and encoding), e.g. 1.0625 for 257b + RS(544,514).")
      .range(1, kNoLimit)
      .add("fec", &OpticalModule::fec, "FEC scheme; `none` for LPO/CPO links relying on host FEC.")
      .add("latency", &OpticalModule::latency, "Latency one end adds (FEC decode, DSP retiming).")
      .add("reach", &OpticalModule::reach, "Specified reach over its medium.")
      .add("max_channel_loss", &OpticalModule::maxChannelLoss,
           "Channel insertion-loss allowance; 0 dB when not specified.")
      .add("power", &OpticalModule::power, "Electrical power of one module.")
      .add("coherent", &OpticalModule::coherent,
           "Coherent DSP (400ZR/ZR+): reach set by OSNR, amplified spans allowed.")
      .add("symbol_rate", &OpticalModule::symbolRate,
           "Coherent modulation rate; with it the GN model estimates the GSNR of amplified lines "
           "(docs/optics.md). Unset: the reach decides.")
      .add("roll_off", &OpticalModule::rollOff,
           "Pulse-shaping roll-off: a channel occupies (1 + roll_off) x symbol_rate.")
      .range(0, 1)
      .add("modulation", &OpticalModule::modulation, "Dual-polarisation format; sets the BER at a given SNR.")
      .add("tx_osnr", &OpticalModule::txOsnr, "Transmitter OSNR over 0.1 nm (12.5 GHz).")
      .add("required_gsnr", &OpticalModule::requiredGsnr,
           "GSNR over the symbol rate at the FEC threshold, implementation penalty included; unset: "
           "the textbook SNR of `modulation` at `fec_threshold_ber`.")
      .add("fec_threshold_ber", &OpticalModule::fecThresholdBer,
           "Pre-FEC BER the FEC corrects to 1e-15; 0: unknown (no post-FEC BER).")
      .range(0, 0.5, true)
      .add("tx_power", &OpticalModule::txPower, "Transmitter output per channel, what a booster amplifies.");
  declareProvenance(set<OpticalModule>());

  using models::FibreType;
  set<FibreType>()
      .add("name", &FibreType::name, "Catalog key, e.g. smf.")
      .required()
      .add("attenuation", &FibreType::attenuation, "Loss per length.")
      .add("group_index", &FibreType::groupIndex, "Group index n; light travels at c / n.")
      .range(1, kNoLimit)
      .add("dispersion", &FibreType::dispersion, "Chromatic dispersion D at 1550 nm.")
      .add("effective_area", &FibreType::effectiveArea, "Effective area A_eff.")
      .add("nonlinear_index", &FibreType::nonlinearIndex, "Nonlinear refractive index n2, in m^2/W.")
      .range(0, kNoLimit)
      .add("gamma", &FibreType::gamma,
           "Nonlinear coefficient; unset: 2 pi n2 / (1550 nm x A_eff) from the two keys above.")
      .add("pmd", &FibreType::pmd, "Polarisation-mode dispersion coefficient.");
  declareProvenance(set<FibreType>());

  using models::SwitchModel;
  set<SwitchModel>()
      .add("name", &SwitchModel::name, "Catalog key, e.g. 51.2T-64x800G.")
      .required()
      .add("ports", &SwitchModel::ports, "Radix at `port_rate`.")
      .range(1, kNoLimit)
      .add("port_rate", &SwitchModel::portRate, "Fastest port speed.")
      .add("capacity", &SwitchModel::capacity, "Switching capacity (ports x port_rate for a full-rate ASIC).")
      .add("buffer", &SwitchModel::buffer, "Shared packet buffer.")
      .add("port_to_port", &SwitchModel::portToPort, "Port-to-port latency without queueing.")
      .add("cut_through", &SwitchModel::cutThrough, "Forwards before the whole frame has arrived.")
      .add("power", &SwitchModel::power, "System power without optics.")
      .add("in_network_reduction", &SwitchModel::inNetworkReduction,
           "Reduces data inside the switch: NVLink SHARP on an NVSwitch (nvls and nvls-tree need it on every "
           "server's scale-up switch), SHARP on a packet switch (collnet, collnet-chain and nvls across servers "
           "need it on the switches of the aggregation tree).")
      .add("reduction_efficiency", &SwitchModel::reductionEfficiency,
           "Share of a port's rate that in-switch reduction and multicast reach (NCCL's NVLS efficiency: "
           "0.85 on Hopper); on a packet switch, the rate cap of the transfers it ends.")
      .range(0.001, 1);
  declareProvenance(set<SwitchModel>());

  using models::CircuitSwitchModel;
  set<CircuitSwitchModel>()
      .add("name", &CircuitSwitchModel::name, "Catalog key, e.g. ocs-136.")
      .required()
      .add("ports", &CircuitSwitchModel::ports, "N of an N x N switch.")
      .range(1, kNoLimit)
      .add("insertion_loss", &CircuitSwitchModel::insertionLoss, "Worst-case loss through one cross-connect.")
      .add("reconfiguration", &CircuitSwitchModel::reconfiguration, "Time to set up a new cross-connect.")
      .add("power", &CircuitSwitchModel::power, "Power of one switch.");
  declareProvenance(set<CircuitSwitchModel>());

  using models::AmplifierModel;
  set<AmplifierModel>()
      .add("name", &AmplifierModel::name, "Catalog key, e.g. edfa-std-high-gain.")
      .required()
      .add("submarine", &AmplifierModel::submarine, "A repeater powered over a submarine cable.")
      .add("gain", &AmplifierModel::gain, "Nominal gain: the span loss it compensates.")
      .add("noise_figure", &AmplifierModel::noiseFigure, "Noise figure.")
      .add("max_span", &AmplifierModel::maxSpan, "Longest fibre span it is designed to follow.")
      .add("latency", &AmplifierModel::latency, "Delay of its erbium-doped fibre coil.")
      .add("power", &AmplifierModel::power, "Power of one amplifier.");
  declareProvenance(set<AmplifierModel>());

  using models::GpuModel;
  set<GpuModel>()
      .add("name", &GpuModel::name, "Catalog key, e.g. h100-sxm.")
      .required()
      .add("architecture", &GpuModel::architecture,
           "GPU generation; selects NCCL's per-generation tuning constants and search speeds.")
      .add("power", &GpuModel::power, "Board power (TDP).")
      .add("nics", &GpuModel::nics, "Scale-out NIC ports per GPU.")
      .range(1, kNoLimit)
      .add("nic_rate", &GpuModel::nicRate, "Rate of one NIC port.")
      .add("nic_power", &GpuModel::nicPower, "Power of one NIC.")
      .add("scale_up_rate", &GpuModel::scaleUpRate, "NVLink-class bandwidth per direction.")
      .add("scale_up_latency", &GpuModel::scaleUpLatency,
           "One-way latency of a scale-up transfer (GPU to GPU over the scale-up switch), added after its last "
           "byte leaves.")
      .add("nic_latency", &GpuModel::nicLatency, "Host/NIC pipeline latency, one way, per end.")
      .add("gpus_per_server", &GpuModel::gpusPerServer, "GPUs in one server.")
      .range(1, kNoLimit);
  declareProvenance(set<GpuModel>());
}

void ParameterRegistry::declareSites() {
  set<Site>()
      .add("name", &Site::name, "Site name; fabrics, nodes and inter-site links refer to it.")
      .required()
      .add("region", &Site::region, "Free text, e.g. the hub or metro area.")
      .add("pue", &Site::pue, "Power usage effectiveness: facility power / IT power.")
      .range(1, kNoLimit)
      .add("electricity_price", &Site::electricityPrice, "Price of one kWh, in the top-level `currency`.")
      .range(0, kNoLimit)
      .section("border", "map",
               "Border switches of the site, each linked to the top-tier switches of every fabric of the "
               "site; needed by inter-site links. Absent: none.");

  using topology::BorderParams;
  set<BorderParams>()
      .add("border_switches", &BorderParams::borderSwitches,
           "Border switches, named `<site>/border<i>`; inter-site links pair them in order.")
      .add("links_per_top_switch", &BorderParams::linksPerTopSwitch,
           "Links from each border switch to each top-tier switch.")
      .add("switch_model", &BorderParams::switchModel, "Border switch type.")
      .refers(Reference::Switch)
      .add("module", &BorderParams::module, "Module of the border - top switch links.")
      .refers(Reference::Module)
      .add("fibre", &BorderParams::fibre, "Fibre of those links.")
      .refers(Reference::Fibre)
      .add("length", &BorderParams::length, "Length of those links.");
}

void ParameterRegistry::declareFabrics() {
  std::vector<std::string> names;
  for (const Builder& b : builders_) names.push_back(b.name);
  set<FabricSpec>()
      .add("name", &FabricSpec::name, "Fabric name; OCS layers and reports refer to it.")
      .required()
      .add("builder", &FabricSpec::builder, "Which topology builder makes it; its keys follow.")
      .required()
      .oneOf(names);

  using topology::FatTreeParams;
  set<FatTreeParams>()
      .add("k", &FatTreeParams::k, "Switch radix k (even): k pods of k/2 edge and k/2 aggregation switches.")
      .add("fabric_module", &FatTreeParams::fabricModule, "Module of edge - aggregation - core links.")
      .refers(Reference::Module)
      .add("edge_agg_length", &FatTreeParams::edgeAggLength, "Edge - aggregation cable length.")
      .add("agg_core_length", &FatTreeParams::aggCoreLength, "Aggregation - core cable length.");
  declareBuilderCommon(set<FatTreeParams>());

  using topology::ClosParams;
  set<ClosParams>()
      .add("pods", &ClosParams::pods, "Pods; more than one needs superspines.")
      .add("leaves_per_pod", &ClosParams::leavesPerPod, "Leaf switches per pod.")
      .add("spines_per_pod", &ClosParams::spinesPerPod, "Spine switches per pod.")
      .add("gpus_per_leaf", &ClosParams::gpusPerLeaf, "GPUs under each leaf.")
      .add("oversubscription", &ClosParams::oversubscription, "Leaf downlink : uplink capacity, >= 1.")
      .add("superspines", &ClosParams::superspines, "Superspine switches; 0 for two tiers.")
      .add("spine_oversubscription", &ClosParams::spineOversubscription,
           "Spine downlink : uplink capacity when superspines > 0.")
      .add("fabric_module", &ClosParams::fabricModule, "Module of switch-to-switch links.")
      .refers(Reference::Module)
      .add("leaf_spine_length", &ClosParams::leafSpineLength, "Leaf - spine cable length.")
      .add("spine_superspine_length", &ClosParams::spineSuperspineLength, "Spine - superspine cable length.");
  declareBuilderCommon(set<ClosParams>());

  using topology::RailPodParams;
  set<RailPodParams>()
      .add("scalable_units", &RailPodParams::scalableUnits, "Scalable units (SUs).")
      .add("servers_per_unit", &RailPodParams::serversPerUnit, "Servers per SU (NVIDIA's H100 SU: 32).")
      .add("gpus_per_server", &RailPodParams::gpusPerServer, "GPUs per server = rails = leaves per SU.")
      .add("spines", &RailPodParams::spines,
           "Spine switches; 0 picks enough for 1:1 (rounded up to a divisor of servers_per_unit).")
      .add("scale_up", &RailPodParams::scaleUp, "Add one NVSwitch-class node per server, linked to its GPUs.")
      .add("fabric_module", &RailPodParams::fabricModule, "Module of leaf - spine links.")
      .refers(Reference::Module)
      .add("leaf_spine_length", &RailPodParams::leafSpineLength, "Leaf - spine cable length.")
      .add("scale_up_switch_model", &RailPodParams::scaleUpSwitchModel, "Scale-up switch type.")
      .refers(Reference::Switch)
      .add("scale_up_module", &RailPodParams::scaleUpModule, "Port type of GPU - scale-up switch links.")
      .refers(Reference::Module)
      .add("scale_up_fibre", &RailPodParams::scaleUpFibre, "Medium of GPU - scale-up switch links.")
      .refers(Reference::Fibre)
      .add("scale_up_length", &RailPodParams::scaleUpLength, "GPU - scale-up switch cable length.");
  declareBuilderCommon(set<RailPodParams>());

  using topology::DragonflyParams;
  set<DragonflyParams>()
      .add("groups", &DragonflyParams::groups, "Groups g; at most routers_per_group x global_links_per_router + 1.")
      .add("routers_per_group", &DragonflyParams::routersPerGroup, "Routers a per group, joined all-to-all.")
      .add("gpus_per_router", &DragonflyParams::gpusPerRouter, "GPUs p per router.")
      .add("global_links_per_router", &DragonflyParams::globalLinksPerRouter, "Global links h per router.")
      .add("local_module", &DragonflyParams::localModule, "Module of links inside a group.")
      .refers(Reference::Module)
      .add("global_module", &DragonflyParams::globalModule, "Module of links between groups.")
      .refers(Reference::Module)
      .add("local_length", &DragonflyParams::localLength, "Cable length inside a group.")
      .add("global_length", &DragonflyParams::globalLength, "Cable length between groups.");
  declareBuilderCommon(set<DragonflyParams>());

  using topology::TorusParams;
  set<TorusParams>()
      .add("dims", &TorusParams::dims, "Size of each dimension: 2 or 3 sizes, each >= 2.")
      .add("gpus_per_router", &TorusParams::gpusPerRouter, "GPUs attached to each router.")
      .add("fabric_module", &TorusParams::fabricModule, "Module of router - router links.")
      .refers(Reference::Module)
      .add("neighbour_length", &TorusParams::neighbourLength, "Router - neighbour cable length.");
  declareBuilderCommon(set<TorusParams>());
}

void ParameterRegistry::declareConnections() {
  set<CircuitSwitchLayerSpec>()
      .add("over_switches", &CircuitSwitchLayerSpec::overSwitches, "Packet switches to join, by node name.")
      .refers(Reference::Node)
      .add("over_fabrics", &CircuitSwitchLayerSpec::overFabrics,
           "Fabrics whose top-tier switches to join (after `over_switches`).")
      .refers(Reference::Fabric)
      .section("schedule", "list",
               "Reconfigurations during the run (topology engineering), in time order; see the next section.");

  set<CircuitStepSpec>()
      .add("at", &CircuitStepSpec::at, "When the circuits change.")
      .required()
      .section("connect", "list of [switch, switch] pairs",
               "The layer's circuits from `at` on, by the names of the packet switches they join; a pair listed k "
               "times is k circuits. Circuits also in the previous set stay up; the others go down at `at`, and new "
               "ones come up the OCS model's `reconfiguration` time later, each on the lowest-numbered OCS with a "
               "free port towards both its switches. Routing follows `simulation.reroute_delay` after each change.")
      .required();

  using topology::CircuitSwitchLayerParams;
  set<CircuitSwitchLayerParams>()
      .add("circuit_switches", &CircuitSwitchLayerParams::circuitSwitches,
           "Optical circuit switches; uplink u of each switch goes to OCS u mod circuit_switches.")
      .add("uplinks_per_switch", &CircuitSwitchLayerParams::uplinksPerSwitch, "OCS uplinks per packet switch.")
      .add("site", &CircuitSwitchLayerParams::site, "Site of the OCS nodes.")
      .refers(Reference::Site)
      .add("prefix", &CircuitSwitchLayerParams::prefix, "OCS nodes are named `<site>/<prefix><i>`.")
      .add("circuit_switch_model", &CircuitSwitchLayerParams::circuitSwitchModel, "OCS type.")
      .refers(Reference::CircuitSwitch)
      .add("module", &CircuitSwitchLayerParams::module, "Module at both ends of each circuit.")
      .refers(Reference::Module)
      .add("fibre", &CircuitSwitchLayerParams::fibre, "Fibre of the circuits.")
      .refers(Reference::Fibre)
      .add("switch_to_ocs_length", &CircuitSwitchLayerParams::switchToOcsLength,
           "Fibre from a packet switch to an OCS (a circuit spans twice this).");

  std::vector<std::string> kinds;
  for (const Route& r : routes_) kinds.push_back(r.name);
  set<InterSiteLinkSpec>()
      .add("kind", &InterSiteLinkSpec::kind, "Terrestrial or submarine; its keys follow.")
      .required()
      .oneOf(kinds)
      .add("from", &InterSiteLinkSpec::from, "Site at one end; it needs border switches.")
      .required()
      .refers(Reference::Site)
      .add("to", &InterSiteLinkSpec::to, "Site at the other end; same number of border switches as `from`.")
      .required()
      .refers(Reference::Site);

  using topology::LongHaulParams;
  set<LongHaulParams>()
      .add("name", &LongHaulParams::name, "Route name; names its amplifier sites `<name>-<i>/amp<s>`.")
      .required()
      .add("distance", &LongHaulParams::distance, "Fibre route length (not great-circle).")
      .add("amplifier_spacing", &LongHaulParams::amplifierSpacing, "Longest span between amplifier sites.")
      .add("roadm_every", &LongHaulParams::roadmEvery, "Every n-th site is a ROADM instead; 0: none.")
      .add("channels", &LongHaulParams::channels, "Wavelengths carried, bundled as one link.")
      .add("parallel_links", &LongHaulParams::parallelLinks, "Separate links (fibre pairs) over the same route.")
      .add("module", &LongHaulParams::module, "Coherent module at both ends.")
      .refers(Reference::Module)
      .add("fibre", &LongHaulParams::fibre, "Fibre of the route.")
      .refers(Reference::Fibre)
      .add("amplifier_model", &LongHaulParams::amplifierModel,
           "In-line amplifier type; also the ROADMs' and the preamplifier's.")
      .refers(Reference::Amplifier);
  declareLineKeys(set<LongHaulParams>(), &LongHaulParams::line);

  using topology::SubmarineCableParams;
  set<SubmarineCableParams>()
      .add("name", &SubmarineCableParams::name, "Cable name; names its landing stations and repeaters.")
      .add("wet_length", &SubmarineCableParams::wetLength, "Length between the landing stations.")
      .add("repeater_spacing", &SubmarineCableParams::repeaterSpacing, "Longest span between repeaters.")
      .add("backhaul_a", &SubmarineCableParams::backhaulA, "Terrestrial fibre from `from` to its landing station.")
      .add("backhaul_b", &SubmarineCableParams::backhaulB, "Terrestrial fibre from `to` to its landing station.")
      .add("fibre_pairs", &SubmarineCableParams::fibrePairs, "Fibre pairs; each is one link.")
      .add("wavelengths_per_pair", &SubmarineCableParams::wavelengthsPerPair, "Channels bundled in each link.")
      .add("module", &SubmarineCableParams::module, "Coherent module at both ends.")
      .refers(Reference::Module)
      .add("fibre", &SubmarineCableParams::fibre, "Fibre of the cable.")
      .refers(Reference::Fibre)
      .add("repeater_model", &SubmarineCableParams::repeaterModel,
           "Repeater type; also the landing stations' line amplifiers and the preamplifier.")
      .refers(Reference::Amplifier);
  declareLineKeys(set<SubmarineCableParams>(), &SubmarineCableParams::line);

  using topology::Node;
  set<Node>()
      .add("name", &Node::name, "Unique node name; links and jobs refer to it.")
      .required()
      .add("kind", &Node::kind, "What the node is.")
      .add("model", &Node::model,
           "Catalog name of its GPU, switch, circuit switch or amplifier type; empty for ROADMs and "
           "landing stations.")
      .add("site", &Node::site, "Site it stands in.")
      .required()
      .refers(Reference::Site)
      .add("pod", &Node::pod, "Pod / scalable unit / group; -1 when not applicable.")
      .add("rack", &Node::rack, "Rack or server within the pod; -1 when not applicable.")
      .add("tier", &Node::tier, "Switch tier: 0 leaf, 1 spine, 2 core, 3 border; -1 otherwise.")
      .add("rail", &Node::rail, "Rail a GPU or leaf serves; -1 otherwise.")
      .add("slot", &Node::slot, "GPU index within its server; -1 otherwise.");

  set<ExplicitLink>()
      .add("from", &ExplicitLink::from, "Node at one end (a GPU or switch).")
      .required()
      .refers(Reference::Node)
      .add("to", &ExplicitLink::to, "Node at the other end.")
      .required()
      .refers(Reference::Node);

  using topology::LinkSpec;
  set<LinkSpec>()
      .add("module", &LinkSpec::module, "Module at both ends.")
      .required()
      .refers(Reference::Module)
      .add("fibre", &LinkSpec::fibre, "Fibre or cable type.")
      .refers(Reference::Fibre)
      .add("length", &LinkSpec::length, "Cable length.")
      .add("channels", &LinkSpec::channels, "Parallel modules/wavelengths bundled as one link.")
      .range(1, kNoLimit)
      .add("extra_loss", &LinkSpec::extraLoss, "Connectors and splices beyond the fibre's attenuation.")
      .add("bit_error_rate", &LinkSpec::bitErrorRate, "Post-FEC bit-error rate; turns into frame loss.")
      .range(0, 1, true);
}

void ParameterRegistry::declareWorkload() {
  workload_.section("jobs", "list", "Jobs; each runs its collectives in order, or its traffic matrix.");

  using traffic::JobSpec;
  set<JobSpec>()
      .add("name", &JobSpec::name, "Job name, unique.")
      .required()
      .add("ranks", &JobSpec::ranks, "Ranks, one GPU each.")
      .range(1, kNoLimit)
      .add("placement", &JobSpec::placement,
           "How ranks map to GPUs: fabric order, whole servers so rank r and r+8 share a rail, or seeded "
           "random.")
      .add("seed", &JobSpec::seed, "Seed of the random placement.")
      .add("gpus", &JobSpec::gpus, "Explicit GPUs, one per rank in rank order; overrides `placement`.")
      .refers(Reference::Node)
      .add("start", &JobSpec::start, "When the first collective (or flow) may begin.")
      .add("collnet", &JobSpec::collnet,
           "NCCL_COLLNET_ENABLE=1: `auto` may also pick collnet, collnet-chain and nvls across servers, "
           "which reduce in packet switches with `in_network_reduction` (SHARP); naming one of them in "
           "`algorithm` needs no flag.")
      .section("collectives", "list", "Collectives, run one after the other; or give `flows` instead.")
      .section("flows", "map",
               "A traffic matrix instead of collectives: flows by pattern or list over the job's GPUs, which "
               "other jobs may use too.");

  using traffic::FlowsSpec;
  set<FlowsSpec>()
      .add("pattern", &FlowsSpec::pattern,
           "Who sends to whom over the job's ranks: a random derangement, all to `target`, everyone to "
           "everyone, `count` uniform random pairs, or the flows of `list`.")
      .add("size", &FlowsSpec::size, "Bytes of each flow (patterns), unless `size_cdf` is given.")
      .add("size_cdf", &FlowsSpec::sizeCdfFile,
           "CSV of flow-size CDF points `bytes,probability` (a header line is allowed), relative to the "
           "scenario file; sizes are drawn by linear interpolation between the points.")
      .add("seed", &FlowsSpec::seed, "Seed of the pattern, the sizes and the arrivals.")
      .add("count", &FlowsSpec::count, "uniform-random: number of flows; 0 = one per rank.")
      .range(0, kNoLimit)
      .add("target", &FlowsSpec::target, "incast: the receiving rank.")
      .range(0, kNoLimit)
      .add("mean_interval", &FlowsSpec::meanInterval,
           "Mean gap between flow starts (Poisson arrivals in the pattern's order); 0 = all at the job's start.")
      .section("list", "list", "pattern `list`: the flows, each between two named GPUs.");

  using traffic::FlowEntry;
  set<FlowEntry>()
      .add("src", &FlowEntry::src, "Sending GPU.")
      .required()
      .refers(Reference::Node)
      .add("dst", &FlowEntry::dst, "Receiving GPU.")
      .required()
      .refers(Reference::Node)
      .add("size", &FlowEntry::size, "Bytes of the flow.")
      .add("start", &FlowEntry::start, "When it starts, after the job's start.");

  using traffic::CollectiveSpec;
  using SizeBinding = FieldSet<CollectiveSpec>::Binding;
  SizeBinding size;
  size.read = [](const YAML::Node& node, CollectiveSpec& c) {
    const Bytes bytes = ValueCodec<Bytes>::read(node);
    if (bytes.count() <= 0) throw std::invalid_argument("a message size must be positive");
    c.minBytes = c.maxBytes = bytes;
  };
  size.write = [](YAML::Emitter& e, const CollectiveSpec& c) { e << ValueCodec<Bytes>::text(c.minBytes); };
  size.writable = [](const CollectiveSpec& c) { return c.minBytes == c.maxBytes; };
  SizeBinding sizes;
  sizes.read = [](const YAML::Node& node, CollectiveSpec& c) {
    const SizeSweep sweep = SizeSweep::parse(codec::scalar(node, "a size range"));
    c.minBytes = sweep.min;
    c.maxBytes = sweep.max;
  };
  sizes.write = [](YAML::Emitter& e, const CollectiveSpec& c) { e << SizeSweep{c.minBytes, c.maxBytes}.toString(); };
  sizes.writable = [](const CollectiveSpec& c) { return c.minBytes != c.maxBytes; };

  set<CollectiveSpec>()
      .add("op", &CollectiveSpec::op, "Collective operation, as in NCCL.")
      .add("algorithm", &CollectiveSpec::algorithm,
           "How it is decomposed into transfers: `auto` picks per size what NCCL's tuning model picks; "
           "ring, tree, nvls, nvls-tree, collnet, collnet-chain, pxn and direct (all-to-all, send-recv) follow "
           "NCCL; flat-ring, "
           "flat-double-binary-tree, halving-doubling, hierarchical and direct (all-reduce, all-gather, "
           "reduce-scatter) are textbook schedules in rank order (docs/collectives.md).")
      .add("protocol", &CollectiveSpec::protocol,
           "NCCL protocol of the NCCL algorithms: `auto` picks as NCCL does; flat schedules take none.")
      .add("nccl_channels", &CollectiveSpec::ncclChannels,
           "NCCL channels the data is split over (not a link's `channels`); 0 lets NCCL's rule choose per size.")
      .range(0, 64)
      .custom(KeyDoc{"size", "bytes", ValueCodec<Bytes>::text(CollectiveSpec{}.minBytes),
                     "Message size S in the nccl-tests convention (per-rank buffer for all-reduce, "
                     "broadcast, reduce; total over ranks for all-gather, reduce-scatter, all-to-all).",
                     false},
              size)
      .custom(KeyDoc{"sizes", "bytes range", "",
                     "A sweep instead of `size`: `<min>..<max>` doubling from min while <= max, like "
                     "nccl-tests `-b min -e max -f 2`.",
                     false},
              sizes)
      .add("iterations", &CollectiveSpec::iterations, "Repetitions of each size, back to back.")
      .range(1, kNoLimit)
      .add("chunks", &CollectiveSpec::chunks, "Pipeline chunks per step; 0 lets the algorithm choose.")
      .range(0, kNoLimit)
      .add("root", &CollectiveSpec::root, "Root rank of broadcast and reduce; below `ranks`.")
      .range(0, kNoLimit);
}

void ParameterRegistry::declareSimulation() {
  using models::EngineSettings;
  set<EngineSettings>()
      .add("engine", &EngineSettings::engine, "Packet level (ns-3) or, later, fluid.")
      .oneOf({"packet", "fluid"})
      .add("seed", &EngineSettings::seed, "Seed of the run.")
      .documentDefault("top-level seed")
      .add("stall_timeout", &EngineSettings::stallTimeout,
           "Watchdog: the run stops when no transfer progresses for this long; the packet engine "
           "stretches it to cover a flow's first two retransmission timeouts (3 x the longest timer floor in use).")
      .add("time_limit", &EngineSettings::timeLimit, "Stop at this simulated time; 0 means no limit.")
      .add("reroute_delay", &EngineSettings::rerouteDelay,
           "After a link goes down or comes up in a run (an OCS schedule), switches forward on the old routes "
           "this long before routes recomputed for the new topology take over.")
      .section("transport", "map", "NIC transport (RoCE-like).")
      .section("queues", "map", "Switch queues, ECN, PFC and ECMP.");

  using models::TransportModel;
  set<TransportModel>()
      .add("mtu", &TransportModel::mtu, "Payload bytes per data packet.")
      .add("header_bytes", &TransportModel::headerBytes,
           "Per-packet headers: Eth 14 + IPv4 20 + UDP 8 + BTH 12 + ICRC 4 + FCS 4.")
      .add("wire_overhead", &TransportModel::wireOverhead, "Preamble and inter-frame gap, on the wire only.")
      .add("ack_bytes", &TransportModel::ackBytes, "Size of an ACK/NACK/CNP frame before wire overhead.")
      .add("ack_every", &TransportModel::ackEvery,
           "Data packets per cumulative ACK; out-of-order segments are acknowledged at once. Default 1, an ACK per "
           "packet, as the HPCC paper's RoCE simulations run (L2_ACK_INTERVAL 1 in "
           "github.com/alibaba-edu/High-Precision-Congestion-Control, simulation/run.py): HPCC's telemetry "
           "and RACK's delivery times are per packet.")
      .range(1, kNoLimit)
      .add("recovery", &TransportModel::recovery,
           "How lost packets are recovered: go-back-N (RoCE; NACK, rewind) or selective repeat (SACK, RACK "
           "loss detection that tolerates reordering).")
      .add("min_rto", &TransportModel::minRto,
           "Retransmission timer floor = min_rto + rto_rtt_multiple x path RTT + the longest the path's switch "
           "queues can hold a frame; the RFC 6298 estimate from measured RTTs rises above it.")
      .add("rto_rtt_multiple", &TransportModel::rtoRttMultiple, "See `min_rto`.")
      .range(0, kNoLimit)
      .add("reorder_window", &TransportModel::reorderWindow,
           "Selective repeat: RACK's first reordering window, as a multiple of the minimum RTT (each DSACK adds "
           "one more, up to 2 x SRTT); 0 = 0.25 (RFC 8985) with flow hashing, 4 with packet spraying, which "
           "reorders by design.")
      .range(0, kNoLimit)
      .add("window", &TransportModel::window, "Bytes in flight per transfer; 0 sizes it from the path.")
      .add("window_bdp_multiple", &TransportModel::windowBdpMultiple,
           "Automatic window = this x path bandwidth-delay product.")
      .range(0, kNoLimit)
      .add("congestion_control", &TransportModel::congestionControl,
           "DCQCN (rate cut on ECN echoes; Zhu et al., SIGCOMM 2015), HPCC (window from in-band telemetry of "
           "every hop; Li et al., SIGCOMM 2019), or none (line rate within the window).")
      .add("dcqcn_g", &TransportModel::dcqcnG, "DCQCN alpha gain g.")
      .range(0, 1)
      .add("dcqcn_alpha_interval", &TransportModel::dcqcnAlphaInterval, "DCQCN alpha update period.")
      .add("dcqcn_increase_interval", &TransportModel::dcqcnIncreaseInterval, "DCQCN rate increase period.")
      .add("dcqcn_additive_increase", &TransportModel::dcqcnAdditiveIncrease, "DCQCN additive increase step.")
      .add("cnp_interval", &TransportModel::cnpInterval, "At most one CNP per flow per interval.")
      .add("hpcc_target_utilization", &TransportModel::hpccTargetUtilization,
           "HPCC eta: the utilisation of the most loaded hop the window aims at (the paper's 95 %).")
      .range(0.01, 1)
      .add("hpcc_max_stage", &TransportModel::hpccMaxStage,
           "HPCC maxStage: additive-increase rounds before a multiplicative update (the paper's 5).")
      .range(0, kNoLimit)
      .add("hpcc_additive_increase", &TransportModel::hpccAdditiveIncrease,
           "HPCC W_AI as a rate (W_AI = this x base RTT); 50 Mbps is an assumption for 100-400G links, the "
           "paper sizes W_AI from the expected number of flows.");

  using models::SwitchQueueModel;
  set<SwitchQueueModel>()
      .add("ecmp", &SwitchQueueModel::ecmp, "Spreading over equal-cost next hops: per flow or per packet.")
      .add("port_buffer", &SwitchQueueModel::portBuffer, "Buffer per output port; 0 = switch buffer / ports.")
      .add("shared_buffer", &SwitchQueueModel::sharedBuffer, "Dynamic thresholds over the whole switch buffer.")
      .add("dynamic_threshold_alpha", &SwitchQueueModel::dynamicThresholdAlpha,
           "Queue limit = alpha x free shared buffer.")
      .range(0, kNoLimit)
      .add("ecn", &SwitchQueueModel::ecn, "Mark ECN (RED-style between the thresholds).")
      .add("ecn_min_threshold", &SwitchQueueModel::ecnMinThreshold, "Queue depth below which nothing is marked.")
      .add("ecn_max_threshold", &SwitchQueueModel::ecnMaxThreshold, "Queue depth above which everything is marked.")
      .add("ecn_max_probability", &SwitchQueueModel::ecnMaxProbability, "Marking probability at the max threshold.")
      .range(0, 1)
      .add("pfc", &SwitchQueueModel::pfc, "Lossless: pause the upstream port instead of dropping.")
      .add("pfc_threshold", &SwitchQueueModel::pfcThreshold, "XOFF queue depth; 0 = buffer minus headroom.")
      .add("pfc_headroom", &SwitchQueueModel::pfcHeadroom, "0 = derived from the link's round trip and MTU.")
      .add("store_and_forward", &SwitchQueueModel::storeAndForward, "True overrides cut-through switch models.");

  set<Targets>()
      .add("max_collective_time", &Targets::maxCollectiveTime, "Every collective (each size) finishes within this.")
      .add("min_busbw", &Targets::minBusBandwidth,
           "nccl-tests bus bandwidth of the largest size at least this (e.g. `45GBps`).")
      .add("max_site_latency", &Targets::maxSiteLatency, "One-way latency between any two sites at most this.")
      .add("max_link_utilization", &Targets::maxLinkUtilization, "Mean utilisation of the busiest link at most this.")
      .range(0, 1)
      .add("lossless", &Targets::lossless, "True: no packet may be dropped.");
}

const ParameterRegistry::Builder* ParameterRegistry::builder(const std::string& name) const {
  for (const Builder& b : builders_) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

const ParameterRegistry::Route* ParameterRegistry::route(const std::string& name) const {
  for (const Route& r : routes_) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

std::string ParameterRegistry::markdown() const {
  std::vector<DocSection> sections = {
      {"Top level", "", {&fields<Scenario>()}},
      {"`catalog`",
       "Adds equipment or changes builtin figures. Each list entry is one catalog item of that kind.",
       {&catalog_}},
      {"`catalog.modules[]`", "", {&catalogEntry_, &fields<models::OpticalModule>()}},
      {"`catalog.fibres[]`", "", {&catalogEntry_, &fields<models::FibreType>()}},
      {"`catalog.switches[]`", "", {&catalogEntry_, &fields<models::SwitchModel>()}},
      {"`catalog.circuit_switches[]`", "", {&catalogEntry_, &fields<models::CircuitSwitchModel>()}},
      {"`catalog.amplifiers[]`", "", {&catalogEntry_, &fields<models::AmplifierModel>()}},
      {"`catalog.gpus[]`", "", {&catalogEntry_, &fields<models::GpuModel>()}},
      {"`sites[]`", "", {&fields<Site>()}},
      {"`sites[].border`", "", {&fields<topology::BorderParams>()}},
      {"`fabrics[]`",
       "Every fabric entry has these keys, then the keys of its builder (next sections). Fabrics are "
       "built in file order.",
       {&fields<FabricSpec>()}},
  };
  for (const Builder& b : builders_) {
    std::visit(
        [&](const auto& params) {
          using P = std::decay_t<decltype(params)>;
          sections.push_back({fmt::format("`fabrics[]` with `builder: {}`", b.name), b.doc, {&fields<P>()}});
        },
        b.defaults);
  }
  sections.push_back({"`circuit_switch_layers[]`",
                      "Built after fabrics and explicit nodes. Every circuit is one link switch - OCS - switch.",
                      {&fields<CircuitSwitchLayerSpec>(), &fields<topology::CircuitSwitchLayerParams>()}});
  sections.push_back({"`circuit_switch_layers[].schedule[]`",
                      "A topology-engineering step (Jupiter-style OCS reconfiguration); steps at least one "
                      "reconfiguration time apart.",
                      {&fields<CircuitStepSpec>()}});
  sections.push_back({"`inter_site_links[]`",
                      "Joins border switch i of `from` to border switch i of `to`, for every i. Every entry "
                      "has these keys, then the keys of its kind.",
                      {&fields<InterSiteLinkSpec>()}});
  for (const Route& r : routes_) {
    std::visit(
        [&](const auto& params) {
          using P = std::decay_t<decltype(params)>;
          sections.push_back({fmt::format("`inter_site_links[]` with `kind: {}`", r.name), r.doc, {&fields<P>()}});
        },
        r.defaults);
  }
  sections.push_back({"`nodes[]`", "Added after the fabrics.", {&fields<topology::Node>()}});
  sections.push_back({"`links[]`", "Added last, once every node exists.",
                      {&fields<ExplicitLink>(), &fields<topology::LinkSpec>()}});
  sections.push_back({"`workload`", "", {&workload_}});
  sections.push_back({"`workload.jobs[]`", "", {&fields<traffic::JobSpec>()}});
  sections.push_back({"`workload.jobs[].collectives[]`", "Give `size` or `sizes`, not both.",
                      {&fields<traffic::CollectiveSpec>()}});
  sections.push_back({"`workload.jobs[].flows`",
                      "A job has `collectives` or `flows`. Each flow is one transfer; report.json, the HTML "
                      "report and flows.csv give its completion time against the ideal.",
                      {&fields<traffic::FlowsSpec>()}});
  sections.push_back({"`workload.jobs[].flows.list[]`", "", {&fields<traffic::FlowEntry>()}});
  sections.push_back({"`simulation`", "", {&fields<models::EngineSettings>()}});
  sections.push_back({"`simulation.transport`", "", {&fields<models::TransportModel>()}});
  sections.push_back({"`simulation.queues`", "", {&fields<models::SwitchQueueModel>()}});
  sections.push_back({"`targets`", "Unset targets are not checked.", {&fields<Targets>()}});

  std::string out =
      "# Scenario file reference\n"
      "\n"
      "<!-- Generated from scenario/ParameterRegistry.cc; do not edit. Regenerate with\n"
      "     `ofe schema > docs/scenario-reference.md` or\n"
      "     `OFE_UPDATE_DOCS=1 build-scen/tests/ofe_test_scenario --gtest_filter='ScenarioDocs.*'`. -->\n"
      "\n"
      "A scenario is one YAML file. Keys are snake_case; a key that is not listed here, a value of the\n"
      "wrong type, a name that refers to nothing and a missing required key are all errors reported as\n"
      "`FILE:LINE:COL: KEY.PATH: message`. Lists are written `[a, b]` or as `- ` items.\n"
      "\n"
      "## Value types\n"
      "\n"
      "| Type | Written as |\n"
      "|---|---|\n"
      "| duration | number and unit ps, ns, us, ms, s: `500ns`, `1.5ms` |\n"
      "| data-rate | bits per second (bps, Kbps, Mbps, Gbps, Tbps, or b/s forms) or bytes per second "
      "(Bps ... TBps): `400Gbps`, `45GBps` |\n"
      "| bytes | B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024): `4KiB` |\n"
      "| bytes range | `<bytes>..<bytes>`, a doubling sweep: `1KiB..256MiB` is 19 sizes |\n"
      "| length | mm, cm, m, km; `,` and `_` may group digits: `12,800km` |\n"
      "| decibel | `3.5dB` |\n"
      "| attenuation | dB/km or dB/m: `0.2dB/km` |\n"
      "| power | mW, W, kW, MW: `15W` |\n"
      "| integer, number | `4`, `0.36` |\n"
      "| boolean | `true` or `false` |\n"
      "| enum | one of the listed names |\n";
  for (const DocSection& section : sections) renderSection(out, section);
  return out;
}

}  // namespace ofe::scenario
