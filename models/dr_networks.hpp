#pragma once
/// \file dr_networks.hpp
/// What exists of each production network at the DR site, resolved once from a scenario and
/// used by both the configuration check (`drsim check`) and the engine (`drsim run`), so that
/// the two tell one story. Pure functions: no I/O.
///
/// Rules (docs/engine.md "Networks at the DR site"):
/// - A VSWITCH of the customer's own z/VM (placed in an LPAR or as a guest) comes with that
///   VM's SYSTEM CONFIG: it exists at DR with the production controllers, unless a DR entry of
///   the same name overrides them. Its uplink is the production OSA (or the DR entry's "osa"),
///   which must have a DR entry in dr_site.networks.osas.
/// - A VSWITCH used by guests that run directly under the vendor's z/VM exists only when the
///   DR site defines it; its uplink is the vendor's own unless the DR entry names an OSA.
/// - A Hipersocket exists when the DR site defines it.

#include <string>
#include <vector>

#include "models/scenario.hpp"

namespace drsim {

struct DrVswitch {
  std::string name;
  std::string vm;                        ///< production z/VM that defines it ("" when unknown)
  bool defined = false;                  ///< a VSWITCH of this name exists at DR
  bool customer_vm = false;              ///< defined by the customer's own z/VM (its SYSTEM CONFIG)
  std::vector<std::string> controllers;  ///< controller userids at DR
  /// Customer VM: the controllers that exist at DR and that the plan XAUTOLOGs.
  std::vector<std::string> startable_controllers;
  std::string osa;           ///< uplink OSA name ("" = the vendor's own uplink)
  bool uplink = true;        ///< the uplink OSA has a DR definition
  std::string prod_devices;  ///< OSA devices in production ("" unknown)
  std::string dr_devices;    ///< OSA devices at DR ("" unknown)
  std::string pointer;       ///< the DR entry, or "" when there is none
};

struct DrHipersocket {
  std::string name;
  bool defined = false;
  std::string prod_devices, dr_devices;
  std::string pointer;
};

struct DrNetworks {
  std::vector<DrHipersocket> hipersockets;  ///< one per production Hipersocket
  std::vector<DrVswitch> vswitches;         ///< one per production VSWITCH or one guests need
  const DrVswitch* vswitch(const std::string& name) const;
  const DrHipersocket* hipersocket(const std::string& name) const;
};

/// Resolves the DR networks of a (valid) scenario.
DrNetworks resolve_dr_networks(const Scenario& s);

}  // namespace drsim
