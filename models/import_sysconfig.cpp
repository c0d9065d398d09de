// The SYSTEM CONFIG reader. General rules (z/VM CP Planning and Administration, "The System
// Configuration File", "Rules for Coding a System Configuration File"): comments are /* ... */
// and may be anywhere; a statement whose last non-blank character is a comma continues on the
// next record; a record may start with a qualifier "sysname:" that limits it to one system;
// statement names are case-insensitive. Statements parsed: "DEFINE VSWITCH Statement", "DEFINE
// LAN Statement", "SYSTEM_IDENTIFIER Statement", "SYSTEM_IDENTIFIER_DEFAULT Statement",
// "VMLAN Statement" (read, not used).

#include "models/import_sysconfig.hpp"

#include <set>

namespace drsim::import {
namespace {

using Record = Statement;

/// The text without /* */ comments (newlines kept so that line numbers stay right).
std::string strip_comments(const SourceText& src, Messages& msgs) {
  std::string out;
  int line = 1, open_line = 0;
  bool in = false;
  const std::string& t = src.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!in && t.compare(i, 2, "/*") == 0) {
      in = true;
      open_line = line;
      ++i;
    } else if (in && t.compare(i, 2, "*/") == 0) {
      in = false;
      ++i;
    } else {
      if (t[i] == '\n') ++line;
      if (!in || t[i] == '\n') out += t[i];
    }
  }
  if (in)
    msgs.error({src.path, open_line}, "comment not closed before the end of the file",
               "*/ to end the comment");
  return out;
}

std::vector<Record> records(const SourceText& src, Messages& msgs) {
  return join_continuations(split_lines(strip_comments(src, msgs)), src.path, msgs,
                            "continuation record");
}

const std::set<std::string>& known() {
  static const std::set<std::string> k = {"ALTERNATE_OPERATORS",
                                          "CHARACTER_DEFAULTS",
                                          "CP_ACCESS",
                                          "CP_ADDON_INITIALIZE_ROUTINES",
                                          "CP_OWNED",
                                          "CPXLOAD",
                                          "CU",
                                          "DEVICES",
                                          "DISABLE",
                                          "DISTRIBUTE",
                                          "DRAIN",
                                          "EDEVICE",
                                          "EMERGENCY_MESSAGE_CONSOLES",
                                          "ENABLE",
                                          "EQUATE",
                                          "EXTERNAL_SYNTAX",
                                          "FEATURES",
                                          "FORM_DEFAULT",
                                          "HOT_IO_RATE",
                                          "IMBED",
                                          "INIT_MITIME",
                                          "IODF",
                                          "JOURNALING",
                                          "LOGO_CONFIG",
                                          "MODIFY",
                                          "MULTITHREADING",
                                          "OPERATOR_CONSOLES",
                                          "PAGING",
                                          "PRINTER_TITLE",
                                          "PRIV_CLASSES",
                                          "PRODUCT",
                                          "RDEVICE",
                                          "RELOCATION_DOMAIN",
                                          "SAY",
                                          "SECURITY",
                                          "SET",
                                          "SIGNAL",
                                          "SRM",
                                          "SSI",
                                          "START",
                                          "STORAGE",
                                          "STORE_STATUS",
                                          "SYSTEM_ADDRESS_SPACE",
                                          "SYSTEM_ALIAS",
                                          "SYSTEM_DATEFORMAT",
                                          "SYSTEM_IDENTIFIER",
                                          "SYSTEM_IDENTIFIER_DEFAULT",
                                          "SYSTEM_RESIDENCE",
                                          "SYSTEM_USERIDS",
                                          "THROTTLE",
                                          "TIMEZONE_BOUNDARY",
                                          "TIMEZONE_DEFINITION",
                                          "TOLERATE_CONFIG_ERRORS",
                                          "TRANSLATE_TABLE",
                                          "USER_DEFAULTS",
                                          "USER_VOLUME_EXCLUDE",
                                          "USER_VOLUME_INCLUDE",
                                          "USER_VOLUME_LIST",
                                          "USER_VOLUME_RDEV",
                                          "VMLAN",
                                          "XLINK_DEVICE_DEFAULTS",
                                          "XLINK_SYSTEM_EXCLUDE",
                                          "XLINK_SYSTEM_INCLUDE",
                                          "XLINK_VOLUME_EXCLUDE",
                                          "XLINK_VOLUME_INCLUDE",
                                          "XSPOOL_SYSTEM",
                                          "XSPOOL_TRACE",
                                          "XSPOOL_XLIST_INPUT",
                                          "XSPOOL_XLIST_OUTPUT",
                                          "XSPOOL_XLINK_DEVICE"};
  return k;
}

void define_vswitch(const Record& r, const std::vector<std::string>& w, SystemConfig& c,
                    Messages& msgs) {
  const std::string form =
      "DEFINE VSWITCH switchname [RDEV rdev [rdev [rdev]]] [CONTROLLER *|userid] ...";
  if (w.size() < 3) {
    msgs.error(r.pos, "DEFINE VSWITCH without a switch name", form);
    return;
  }
  ConfigVswitch v{r.pos, upper(w[2]), {}, "*"};
  for (size_t i = 3; i < w.size(); ++i) {
    std::string k = upper(w[i]);
    if (k == "RDEV") {
      while (i + 1 < w.size() && upper(w[i + 1]) != "NONE" && v.rdevs.size() < 3) {
        std::string dev = w[i + 1].substr(0, w[i + 1].find('.'));
        auto d = parse_hex(dev);
        if (!d) {
          if (v.rdevs.empty())
            msgs.error(
                r.pos,
                "DEFINE VSWITCH " + v.name + ": RDEV '" + w[i + 1] + "' is not a device number",
                "RDEV followed by 1 to 3 real device numbers of 1-4 hex digits");
          break;
        }
        v.rdevs.push_back(*d);
        ++i;
      }
    } else if (abbrev(k, "CONTROLLER", 5) && i + 1 < w.size()) {
      v.controller = upper(w[++i]);
    }
  }
  if (c.vswitch(v.name) != nullptr) {
    msgs.error(r.pos, "VSWITCH " + v.name + " is defined twice (CP accepts the first)",
               "one DEFINE VSWITCH per switch name");
    return;
  }
  c.vswitches.push_back(v);
}

void define_lan(const Record& r, const std::vector<std::string>& w, SystemConfig& c,
                Messages& msgs) {
  if (w.size() < 3) {
    msgs.error(r.pos, "DEFINE LAN without a LAN name",
               "DEFINE LAN lanname [OWNERID ownerid] [TYPE HIPERSOCKETS|QDIO] ...");
    return;
  }
  ConfigLan l{r.pos, upper(w[2])};
  for (size_t i = 3; i + 1 < w.size(); ++i) {
    std::string k = upper(w[i]);
    if (abbrev(k, "OWNERID", 5)) {
      l.owner = upper(w[++i]);
    } else if (k == "TYPE") {
      std::string t = upper(w[++i]);
      l.type = abbrev(t, "HIPERSOCKETS", 5) ? "HIPERSOCKETS" : t;
    }
  }
  c.lans.push_back(l);
}

void system_identifier(const Record& r, const std::vector<std::string>& w, bool dflt,
                       SystemConfig& c, Messages& msgs) {
  if (dflt) {
    if (w.size() < 2) {
      msgs.error(r.pos, "SYSTEM_IDENTIFIER_DEFAULT without a system name",
                 "SYSTEM_IDENTIFIER_DEFAULT sysname");
      return;
    }
    c.sysnames.push_back({upper(w[1]), r.pos});
    return;
  }
  if (w.size() < 3) {
    msgs.error(r.pos, "SYSTEM_IDENTIFIER needs a machine and a system name",
               "SYSTEM_IDENTIFIER LPAR lparname sysname (or model/cpuid sysname)");
    return;
  }
  if (upper(w[1]) == "LPAR" && w.size() >= 4) {
    c.lpar_ids.push_back({upper(w[2]), r.pos});
    c.sysnames.push_back({upper(w[3]), r.pos});
  } else {
    c.other.push_back({r.pos, r.text + " (identifies the system by CPU, not by LPAR)"});
  }
}

}  // namespace

const ConfigVswitch* SystemConfig::vswitch(const std::string& name) const {
  for (const auto& v : vswitches)
    if (v.name == name) return &v;
  return nullptr;
}

const ConfigLan* SystemConfig::lan(const std::string& name) const {
  for (const auto& l : lans)
    if (l.name == name) return &l;
  return nullptr;
}

SystemConfig parse_system_config(const SourceText& src, Messages& msgs) {
  SystemConfig c;
  c.path = src.path;
  for (const auto& r : records(src, msgs)) {
    auto w = words(r.text);
    if (w[0].size() > 1 && w[0].back() == ':') {  // record qualifier "sysname:"
      w.erase(w.begin());
      if (w.empty()) continue;
    }
    std::string op = upper(w[0]);
    if (op == "DEFINE" && w.size() >= 2) {
      std::string what = upper(w[1]);
      if (what == "VSWITCH") {
        define_vswitch(r, w, c, msgs);
        continue;
      }
      if (what == "LAN") {
        define_lan(r, w, c, msgs);
        continue;
      }
      c.other.push_back({r.pos, r.text});
      continue;
    }
    if (op == "SYSTEM_IDENTIFIER" || op == "SYSTEM_IDENTIFIER_DEFAULT") {
      system_identifier(r, w, op == "SYSTEM_IDENTIFIER_DEFAULT", c, msgs);
      continue;
    }
    if (!known().contains(op)) {
      msgs.error(r.pos, "unknown SYSTEM CONFIG statement '" + w[0] + "'",
                 "a statement of the system configuration file (DEFINE VSWITCH, DEFINE LAN, "
                 "SYSTEM_IDENTIFIER, VMLAN, CP_OWNED, RDEVICE, FEATURES, ...)");
      continue;
    }
    c.other.push_back({r.pos, r.text});
  }
  return c;
}

}  // namespace drsim::import
