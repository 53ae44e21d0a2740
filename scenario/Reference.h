#pragma once
/// @file Reference.h
/// @brief What a string key names, so the loader can reject names that lead nowhere.

namespace ofe::scenario {

/// The kind of thing a string value refers to.
enum class Reference {
  None,
  Module,         ///< catalog optical module
  Fibre,          ///< catalog fibre type
  Switch,         ///< catalog packet switch
  CircuitSwitch,  ///< catalog optical circuit switch
  Amplifier,      ///< catalog amplifier / repeater
  Gpu,            ///< catalog GPU
  Site,           ///< a site declared under `sites`
  Node,           ///< a fabric node, by name
  Fabric,         ///< a fabric declared under `fabrics`
};

/// How the docs name what a reference points at: "module", "site", ...
inline const char* describe(Reference ref) {
  switch (ref) {
    case Reference::None: return "";
    case Reference::Module: return "catalog module";
    case Reference::Fibre: return "catalog fibre";
    case Reference::Switch: return "catalog switch";
    case Reference::CircuitSwitch: return "catalog circuit switch";
    case Reference::Amplifier: return "catalog amplifier";
    case Reference::Gpu: return "catalog GPU";
    case Reference::Site: return "site";
    case Reference::Node: return "node";
    case Reference::Fabric: return "fabric";
  }
  return "";
}

}  // namespace ofe::scenario
