// The z/VM user directory reader. Syntax: z/VM CP Planning and Administration, "Directory
// Statements" (USER, IDENTITY, PROFILE, INCLUDE, IPL, NICDEF, DEDICATE, IUCV) and the general
// rules for the directory source file: data in columns 1-71 (72-80 are sequence numbers), an
// asterisk in column 1 starts a comment, blank lines are ignored. A statement whose last
// non-blank character is a comma continues on the next line.

#include "models/import_directory.hpp"

#include <algorithm>
#include <set>

namespace drsim::import {
namespace {

using Line = Statement;

/// Columns 1-71, comments and blank lines dropped, comma continuations joined.
std::vector<Line> statements(const SourceText& src, Messages& msgs) {
  auto lines = split_lines(src.text);
  for (auto& t : lines) {
    t.resize(std::min<size_t>(t.size(), 71));
    if (!t.empty() && t[0] == '*') t.clear();  // a comment: a blank line keeps the numbering
  }
  return join_continuations(lines, src.path, msgs, "continuation line");
}

const std::set<std::string>& known_statements() {
  static const std::set<std::string> k = {
      "ACCOUNT",    "ACIGROUP",   "APPCPASS", "AUTOLOG",   "BUILD",      "CLASS",      "COMMAND",
      "CONSOLE",    "CPU",        "CRYPTO",   "D8ONECMD",  "DATEFORMAT", "DEDICATE",   "DIRECTORY",
      "GLOBALDEFS", "GLOBALOPTS", "IDENTITY", "INCLUDE",   "IOPRIORITY", "IPL",        "IUCV",
      "LINK",       "LOAD",       "LOADDEV",  "LOGONBY",   "MACHINE",    "MAXSTORAGE", "MDISK",
      "MINIOPT",    "NAMESAVE",   "NICDEF",   "NOPDATA",   "OPTION",     "POOL",       "POSIXGLIST",
      "POSIXGROUP", "POSIXINFO",  "POSIXOPT", "PROFILE",   "SCREEN",     "SHARE",      "SPECIAL",
      "SPOOL",      "STDEVOPT",   "STORAGE",  "SUBCONFIG", "SYSAFFIN",   "USER",       "VSTOR",
      "XAUTOLOG",   "XCONFIG",    "XSTORE"};
  return k;
}

std::string known_list() {
  return "a directory statement (USER, IDENTITY, PROFILE, INCLUDE, IPL, NICDEF, DEDICATE, IUCV, "
         "MDISK, LINK, ... as in CP Planning and Administration)";
}

void parse_entry_start(const Line& l, const std::vector<std::string>& w, bool profile, Directory& d,
                       Messages& msgs) {
  DirEntry e;
  e.pos = l.pos;
  e.profile = profile;
  if (w.size() < 2) {
    msgs.error(l.pos, w[0] + " without a name",
               profile ? "PROFILE name" : w[0] + " userid password storage maxstorage classes");
    return;
  }
  e.name = upper(w[1]);
  if (!profile) {
    if (w.size() < 4) {
      msgs.error(l.pos, w[0] + " " + e.name + " has no logon storage",
                 w[0] + " userid password storage maxstorage classes (USER Directory Statement)");
    } else if (auto s = parse_storage(w[3])) {
      e.storage = *s;
    } else {
      msgs.error(l.pos, w[0] + " " + e.name + ": storage '" + w[3] + "' is not a size",
                 "a number of up to 7 digits and a unit K, M, G, T, P or E, such as 768M or 1G");
    }
    if (w.size() >= 5 && !parse_storage(w[4]))
      msgs.error(l.pos, w[0] + " " + e.name + ": maximum storage '" + w[4] + "' is not a size",
                 "a number of up to 7 digits and a unit K, M, G, T, P or E, such as 2G");
  }
  d.entries.push_back(e);
}

void parse_nicdef(const Line& l, const std::vector<std::string>& w, DirEntry& e, Messages& msgs) {
  const std::string form = "NICDEF vdev TYPE QDIO|HIPERSOCKETS [LAN owner name] [DEVICES n]";
  DirNic n;
  n.pos = l.pos;
  auto vdev = w.size() > 1 ? parse_hex(w[1]) : std::nullopt;
  if (!vdev) {
    msgs.error(
        l.pos,
        "NICDEF: '" + (w.size() > 1 ? w[1] : std::string()) + "' is not a virtual device number",
        form);
    return;
  }
  n.vdev = *vdev;
  for (size_t i = 2; i < w.size(); ++i) {
    std::string k = upper(w[i]);
    bool has_value = i + 1 < w.size();
    if (k == "TYPE" && has_value) {
      std::string t = upper(w[++i]);
      if (abbrev(t, "HIPERSOCKETS", 5)) {
        n.type = "HIPERSOCKETS";
      } else if (t == "QDIO") {
        n.type = "QDIO";
      } else {
        msgs.error(l.pos, "NICDEF " + hex4(n.vdev) + ": TYPE " + w[i] + " is not a NIC type",
                   "TYPE QDIO or TYPE HIPERSOCKETS");
        return;
      }
    } else if (k == "LAN" && i + 2 < w.size()) {
      n.lan_owner = upper(w[++i]);
      n.lan_name = upper(w[++i]);
    } else if ((k == "DEVICES" || k == "DEV" || k == "CHPID" || k == "MACID" || k == "VLAN" ||
                abbrev(k, "PORTNUMBER", 5) || abbrev(k, "PORTTYPE", 5)) &&
               has_value) {
      ++i;
    } else if (abbrev(k, "PROMISCUOUS", 3) || abbrev(k, "NOPROMISCUOUS", 5)) {
    } else {
      msgs.error(l.pos, "NICDEF " + hex4(n.vdev) + ": '" + w[i] + "' is not understood", form);
      return;
    }
  }
  e.nics.push_back(n);
}

void parse_dedicate(const Line& l, const std::vector<std::string>& w, DirEntry& e, Messages& msgs) {
  auto vdev = w.size() > 1 ? parse_hex(w[1]) : std::nullopt;
  auto rdev = w.size() > 2 ? parse_hex(w[2]) : std::nullopt;
  if (!vdev || !rdev) {
    msgs.error(l.pos, "DEDICATE: '" + l.text + "' does not name two device numbers",
               "DEDICATE vdev rdev with 1-4 hex digits each (DEDICATE Directory Statement)");
    return;
  }
  e.dedicates.push_back({l.pos, *vdev, *rdev});
}

void parse_in_entry(const Line& l, const std::vector<std::string>& w, DirEntry& e, Messages& msgs) {
  const std::string op = upper(w[0]);
  if (op == "INCLUDE" && w.size() >= 2) {
    e.include = upper(w[1]);
    e.include_pos = l.pos;
  } else if (op == "IPL" && w.size() >= 2) {
    e.ipl = upper(w[1]);
    e.ipl_pos = l.pos;
  } else if (op == "NICDEF") {
    parse_nicdef(l, w, e, msgs);
  } else if (op == "DEDICATE") {
    parse_dedicate(l, w, e, msgs);
  } else if (op == "IUCV" && w.size() >= 2 && upper(w[1]) == "*VSWITCH") {
    e.vswitch_iucv = true;
    e.iucv_pos = l.pos;
  } else {
    e.other.push_back({l.pos, l.text});
  }
}

}  // namespace

const DirEntry* Directory::find(const std::string& name, bool profile) const {
  for (const auto& e : entries)
    if (e.name == name && e.profile == profile) return &e;
  return nullptr;
}

Directory parse_directory(const SourceText& src, Messages& msgs) {
  Directory d;
  bool in_entry = false;
  for (const auto& l : statements(src, msgs)) {
    auto w = words(l.text);
    const std::string op = upper(w[0]);
    if (!known_statements().contains(op)) {
      msgs.error(l.pos, "unknown directory statement '" + w[0] + "'", known_list());
      continue;
    }
    if (op == "USER" || op == "IDENTITY" || op == "PROFILE") {
      parse_entry_start(l, w, op == "PROFILE", d, msgs);
      in_entry = !d.entries.empty() && d.entries.back().pos.line == l.pos.line;
      continue;
    }
    if (!in_entry) {
      if (op == "DIRECTORY" || op == "GLOBALDEFS" || op == "GLOBALOPTS") {
        d.global.push_back({l.pos, l.text});
      } else {
        msgs.error(l.pos, op + " outside a USER, IDENTITY or PROFILE entry",
                   "the statement after a USER, IDENTITY or PROFILE statement");
      }
      continue;
    }
    parse_in_entry(l, w, d.entries.back(), msgs);
  }
  for (const auto& e : d.entries)
    if (!e.include.empty() && d.find(e.include, true) == nullptr)
      msgs.error(e.include_pos, "INCLUDE " + e.include + ": no PROFILE " + e.include,
                 "a PROFILE entry of that name in the directory");
  return d;
}

std::optional<std::string> effective_ipl(const Directory& d, const DirEntry& e) {
  if (e.ipl) return e.ipl;
  if (const DirEntry* p = e.include.empty() ? nullptr : d.find(e.include, true)) return p->ipl;
  return std::nullopt;
}

bool ipl_is_cms(const std::string& ipl) {
  return ipl == "CMS" || ipl == "ZCMS" || ipl == "190" || ipl == "0190";
}

}  // namespace drsim::import
