#pragma once
/// \file import_build.hpp
/// The import's intermediate site: what the parsed files say, before it becomes scenario JSON
/// (import_build*.cpp; internal to the import).

#include <optional>
#include <string>
#include <vector>

#include "models/import.hpp"
#include "models/import_autolog.hpp"
#include "models/import_directory.hpp"
#include "models/import_iocp.hpp"
#include "models/import_sysconfig.hpp"
#include "models/import_tiers.hpp"

namespace drsim::import {

struct Parsed {
  Directory dir;
  SystemConfig config;
  Iocp iocp;
  std::optional<AutologPlan> autolog;
  std::optional<Iocp> dr_iocp;
  std::optional<SystemConfig> dr_config;
  Tiers tiers;
  std::string autolog_path;
};

struct SiteSystem {
  std::string name;
  std::string kind;  ///< "zos" or "zvm"
  const TiersRow* row = nullptr;
};

struct SiteGuest {
  std::string name;
  const DirEntry* entry = nullptr;
  std::string kind;  ///< "linux" or "cms"
  std::string role;  ///< "" = none
  std::optional<std::string> vswitch, hipersocket, router;
  std::vector<std::string> zos;
  const TiersRow* row = nullptr;
};

struct SiteHipersocket {
  std::string name, chpid, devices;
  std::vector<std::string> members;
};

struct SiteOsa {
  std::string name, devices, system;
};

struct SiteVswitch {
  std::string name, osa;
  std::vector<std::string> controllers;
};

struct Site {
  std::string model;
  std::vector<SiteSystem> systems;
  std::string zvm;  ///< the z/VM system (the SYSTEM CONFIG's LPAR)
  std::vector<SiteGuest> guests;
  std::vector<SiteHipersocket> hipersockets;
  std::vector<SiteOsa> osas;
  std::vector<SiteVswitch> vswitches;
  std::vector<std::string> review;  ///< "to review" items for the description
};

/// Production: systems, guests, networks (import_build_production.cpp).
Site build_production(const Parsed& p, Messages& msgs);

/// Every CHPID, control unit and device of `io` that no part of the scenario used.
void report_unused_iocp(const Iocp& io, Messages& msgs);

/// The scenario JSON text: production, DR site, backups, plan, description
/// (import_build_json.cpp).
std::string scenario_json(const Parsed& p, const Site& s, const ImportInputs& in, Messages& msgs);

}  // namespace drsim::import
