// PROVISIONAL: minimal entries so the other layers build; replaced by the sourced catalog.
#include "models/Catalog.h"

namespace ofe::models {

Catalog Catalog::builtin() {
  Catalog c;
  auto mod = [&](const char* name, const char* rate, int lanes, Medium medium, const char* reach,
                 const char* power, std::int64_t latencyNs, bool coherent = false) {
    OpticalModule m;
    m.name = name;
    m.rate = DataRate::parse(rate);
    m.lanes = lanes;
    m.medium = medium;
    m.reach = Length::parse(reach);
    m.power = Power::parse(power);
    m.latency = Duration::nanoseconds(latencyNs);
    m.coherent = coherent;
    m.fec = "KP4";
    c.put(m);
  };
  mod("400G-SR4", "400Gbps", 4, Medium::Multimode, "50m", "8W", 100);
  mod("400G-DR4", "400Gbps", 4, Medium::Singlemode, "500m", "9W", 100);
  mod("800G-DR8", "800Gbps", 8, Medium::Singlemode, "500m", "17W", 100);
  mod("800G-2xFR4", "800Gbps", 8, Medium::Singlemode, "2km", "16W", 100);
  mod("400ZR+", "400Gbps", 1, Medium::Singlemode, "1000km", "21W", 1000, true);
  mod("subsea-coherent-400G", "400Gbps", 1, Medium::Singlemode, "15000km", "25W", 1000, true);
  mod("nvlink4", "3600Gbps", 18, Medium::ScaleUp, "2m", "0W", 0);
  c.put(FibreType{"smf", Attenuation::dbPerKm(0.2), 1.468, ""});
  c.put(FibreType{"smf-1310", Attenuation::dbPerKm(0.4), 1.468, ""});
  c.put(FibreType{"smf-subsea", Attenuation::dbPerKm(0.16), 1.468, ""});
  c.put(FibreType{"mmf-om4", Attenuation::dbPerKm(3.5), 1.468, ""});
  c.put(FibreType{"copper", Attenuation::dbPerKm(0), 1.468, ""});
  auto sw = [&](const char* name, int ports, const char* rate, const char* power) {
    SwitchModel s;
    s.name = name;
    s.ports = ports;
    s.portRate = DataRate::parse(rate);
    s.capacity = s.portRate * ports;
    s.buffer = Bytes::parse("64MiB");
    s.portToPort = Duration::nanoseconds(400);
    s.power = Power::parse(power);
    c.put(s);
  };
  sw("51.2T-64x800G", 64, "800Gbps", "450W");
  sw("51.2T-128x400G", 128, "400Gbps", "450W");
  sw("qm9700-64x400G", 64, "400Gbps", "450W");
  sw("nvswitch-gen4", 64, "3600Gbps", "100W");
  c.put(CircuitSwitchModel{"ocs-136", 136, Decibel(2.0), Duration::microseconds(1200),
                           Power::watts(100), "", true, ""});
  AmplifierModel edfa;
  edfa.name = "edfa-std-high-gain";
  edfa.gain = Decibel(35);
  edfa.maxSpan = Length::kilometres(150);
  c.put(edfa);
  AmplifierModel rep = edfa;
  rep.name = "submarine-repeater";
  rep.submarine = true;
  rep.maxSpan = Length::kilometres(90);
  c.put(rep);
  GpuModel g;
  g.name = "h100-sxm";
  g.power = Power::watts(700);
  g.nicRate = DataRate::gbps(400);
  g.scaleUpRate = DataRate::gbps(3600);
  g.scaleUpLatency = Duration::nanoseconds(500);
  c.put(g);
  return c;
}

}  // namespace ofe::models
