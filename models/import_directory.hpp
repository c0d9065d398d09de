#pragma once
/// \file import_directory.hpp
/// The z/VM user directory source (a `USER DIRECT` file as DIRECTXA or DIRMAINT keeps it),
/// as z/VM CP Planning and Administration describes it ("Creating and Updating a User
/// Directory", "Directory Statements"): USER/IDENTITY entries, PROFILE entries and INCLUDE,
/// IPL, NICDEF, DEDICATE and IUCV *VSWITCH. Every other statement is kept with its position so
/// that the import can report it as not used.

#include <optional>
#include <string>
#include <vector>

#include "models/import_source.hpp"

namespace drsim::import {

/// NICDEF vdev TYPE QDIO|HIPERSOCKETS LAN owner name ("NICDEF Directory Statement").
struct DirNic {
  Pos pos;
  unsigned vdev = 0;
  std::string type;       ///< "QDIO" or "HIPERSOCKETS" ("" when a later NICDEF modifies it)
  std::string lan_owner;  ///< "SYSTEM" for a VSWITCH or a system-owned guest LAN
  std::string lan_name;
};

/// DEDICATE vdev rdev ("DEDICATE Directory Statement").
struct DirDedicate {
  Pos pos;
  unsigned vdev = 0;
  unsigned rdev = 0;
};

/// A statement kept as read (for the not-used report).
struct DirStatement {
  Pos pos;
  std::string text;
};

/// A USER, IDENTITY or PROFILE entry.
struct DirEntry {
  std::string name;
  Pos pos;
  bool profile = false;
  StorageSize storage;  ///< USER/IDENTITY: logon storage
  std::string include;  ///< INCLUDE profile name ("" = none)
  Pos include_pos;
  std::optional<std::string> ipl;  ///< IPL operand: "CMS", "0200" ...
  Pos ipl_pos;
  bool vswitch_iucv = false;  ///< IUCV *VSWITCH: may be a VSWITCH controller
  Pos iucv_pos;
  std::vector<DirNic> nics;
  std::vector<DirDedicate> dedicates;
  std::vector<DirStatement> other;  ///< statements that do not land in the scenario
};

struct Directory {
  std::vector<DirEntry> entries;     ///< in file order (users and profiles)
  std::vector<DirStatement> global;  ///< DIRECTORY, GLOBALDEFS ... (not used)
  const DirEntry* find(const std::string& name, bool profile) const;
};

/// Parses the directory; malformed statements are errors in `msgs` (the entry is kept when it
/// can be, so that later problems are reported too).
Directory parse_directory(const SourceText& src, Messages& msgs);

/// The IPL of an entry, its profile's when it has none.
std::optional<std::string> effective_ipl(const Directory& d, const DirEntry& e);

/// True when the IPL operand starts CMS (CMS, ZCMS, or the 190 system disk).
bool ipl_is_cms(const std::string& ipl);

}  // namespace drsim::import
