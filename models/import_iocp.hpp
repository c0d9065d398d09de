#pragma once
/// \file import_iocp.hpp
/// IOCP input (the IOCDS source; IBM Input/Output Configuration Program User's Guide,
/// "Specifying IOCP statements"): ID (the machine type), RESOURCE PARTITION= (the LPARs and
/// their MIF IDs), CHPID (PATH, TYPE, SHARED, PARTITION/PART/NOTPART access lists), CNTLUNIT
/// (CUNUMBR, PATH, UNIT) and IODEVICE (ADDRESS=(number,count), CUNUMBR, UNIT, PART/NOTPART).

#include <optional>
#include <string>
#include <vector>

#include "models/import_source.hpp"

namespace drsim::import {

struct IocpPartition {
  Pos pos;
  std::string name;
  int css = 0;
};

struct IocpChpid {
  Pos pos;
  int css = 0;
  unsigned id = 0;
  std::string type;                     ///< IQD, OSD, FC, CNC ...
  std::vector<std::string> partitions;  ///< access list (all of the CSS when shared and none)
  mutable bool used = false;
};

struct IocpControlUnit {
  Pos pos;
  unsigned number = 0;
  std::vector<std::pair<int, unsigned>> paths;  ///< (css, chpid)
  std::string unit;
  mutable bool used = false;
};

struct IocpDevice {
  Pos pos;
  unsigned first = 0;
  unsigned count = 1;
  std::vector<unsigned> control_units;
  std::string unit;
  std::vector<std::string> partitions;  ///< PART= candidate list ("" = every partition)
  std::vector<std::string> notpart;     ///< NOTPART= exclusions
  mutable bool used = false;
};

struct Iocp {
  std::string path;
  Pos id_pos;
  std::string machine_type;  ///< ID SYSTEM=(2097,1) -> "2097"
  std::vector<IocpPartition> partitions;
  std::vector<IocpChpid> chpids;
  std::vector<IocpControlUnit> control_units;
  std::vector<IocpDevice> devices;
  std::vector<std::pair<Pos, std::string>> other;  ///< statements that do not land

  const IocpChpid* chpid(unsigned id) const;
  const IocpDevice* device(unsigned number) const;
  /// The CHPIDs that reach device `number` (through its control units) from `partition`
  /// ("" = from any partition); a device PART=/NOTPART= list also restricts it.
  std::vector<const IocpChpid*> reaching(unsigned number, const std::string& partition) const;
  /// The first device on control units that use CHPID `id`.
  std::optional<unsigned> first_device_of(unsigned id) const;
  bool has_partition(const std::string& name) const;
};

Iocp parse_iocp(const SourceText& src, Messages& msgs);

/// "z10 EC" for 2097 ... ("" when the type is not one this import knows).
std::string machine_model(const std::string& type);

}  // namespace drsim::import
