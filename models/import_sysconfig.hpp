#pragma once
/// \file import_sysconfig.hpp
/// The z/VM SYSTEM CONFIG file (z/VM CP Planning and Administration, "The System Configuration
/// File"): the system's identity (SYSTEM_IDENTIFIER, SYSTEM_IDENTIFIER_DEFAULT), its virtual
/// switches (DEFINE VSWITCH ... RDEV ... CONTROLLER ...), guest LANs (DEFINE LAN) and VMLAN.
/// Every other known statement is kept with its position for the not-used report.

#include <string>
#include <vector>

#include "models/import_source.hpp"

namespace drsim::import {

struct ConfigVswitch {
  Pos pos;
  std::string name;
  std::vector<unsigned> rdevs;  ///< RDEV: up to 3 OSA devices (the first of each triplet)
  std::string controller;       ///< CONTROLLER userid, or "*" (any controller; the default)
};

struct ConfigLan {
  Pos pos;
  std::string name;
  std::string owner = "SYSTEM";
  std::string type = "HIPERSOCKETS";  ///< DEFINE LAN's default type
};

struct ConfigStatement {
  Pos pos;
  std::string text;
};

struct SystemConfig {
  std::string path;
  std::vector<std::pair<std::string, Pos>> lpar_ids;  ///< SYSTEM_IDENTIFIER LPAR lpar sysname
  std::vector<std::pair<std::string, Pos>> sysnames;  ///< system names of those, and DEFAULT's
  std::vector<ConfigVswitch> vswitches;
  std::vector<ConfigLan> lans;
  std::vector<ConfigStatement> other;  ///< known statements that do not land (not used)
  const ConfigVswitch* vswitch(const std::string& name) const;
  const ConfigLan* lan(const std::string& name) const;
};

SystemConfig parse_system_config(const SourceText& src, Messages& msgs);

}  // namespace drsim::import
