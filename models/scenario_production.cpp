#include <cctype>
#include <cstdlib>

#include "models/scenario_parse.hpp"

namespace drsim {
namespace {

using nlohmann::json;

SystemSpec parse_system(const json& v, const std::string& ptr, Diagnostics& d) {
  SystemSpec s;
  s.pointer = ptr;
  ObjectReader r(v, ptr, d,
                 {"name", "kind", "memory", "xstor", "cpus", "dedicated", "critical", "steady_cpu",
                  "ipl", "subsystems", "paging_volumes"});
  r.string("name", s.name, Need::Required);
  r.choice("kind", s.kind, system_kind_table(), Need::Required);
  r.unit("memory", units::parse_size, s.memory_bytes, kPositive, Need::Required);
  r.unit("xstor", units::parse_size, s.xstor_bytes, kNonNegative);
  r.integer("cpus", s.cpus, Bounds{1, 1000});
  r.boolean("dedicated", s.dedicated);
  r.boolean("critical", s.critical);
  r.number("steady_cpu", s.steady_cpu, Bounds{0, 1000});
  r.unit("ipl", units::parse_duration, s.ipl_s, kNonNegative);
  r.unit("subsystems", units::parse_duration, s.subsystems_s, kNonNegative);
  r.integer("paging_volumes", s.paging_volumes, Bounds{0, 100000});
  return s;
}

void parse_needs(const json& v, const std::string& ptr, Diagnostics& d, GuestNeeds& out) {
  ObjectReader r(v, ptr, d, {"zos", "hipersocket", "router", "vswitch"});
  r.strings("zos", out.zos);
  r.string("hipersocket", out.hipersocket);
  r.string("router", out.router);
  r.string("vswitch", out.vswitch);
}

/// "RELATIVE 200", "REL 200", "ABSOLUTE 5%", "ABS 5%" (z/VM SET SHARE syntax).
void parse_share(const json& v, const std::string& ptr, Diagnostics& d, ShareSpec& out) {
  const char* expected = "\"RELATIVE n\" (1-10000) or \"ABSOLUTE p%\" (0.1-100), e.g. \"REL 200\"";
  if (!v.is_string()) return d.add(ptr, "wrong type", expected);
  std::string text = v.get<std::string>();
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  size_t sp = text.find(' ');
  std::string kind = text.substr(0, sp), num = sp == std::string::npos ? "" : text.substr(sp + 1);
  bool abs = kind == "ABSOLUTE" || kind == "ABS";
  if (!abs && kind != "RELATIVE" && kind != "REL")
    return d.add(ptr, "unknown share " + quote_for_message(v.get<std::string>()), expected);
  if (abs && !num.empty() && num.back() == '%') num.pop_back();
  char* end = nullptr;
  double value = std::strtod(num.c_str(), &end);
  bool ok = !num.empty() && end != nullptr && *end == '\0' &&
            (abs ? value >= 0.1 && value <= 100 : value >= 1 && value <= 10000);
  if (!ok) return d.add(ptr, "bad share " + quote_for_message(v.get<std::string>()), expected);
  out.absolute = abs;
  out.value = value;
}

GuestSpec parse_guest(const json& v, const std::string& ptr, Diagnostics& d) {
  GuestSpec g;
  g.pointer = ptr;
  ObjectReader r(v, ptr, d,
                 {"name", "vm", "kind", "role", "tier", "critical", "virtual_memory", "working_set",
                  "steady_cpu", "boot", "app_start", "needs", "share"});
  r.string("name", g.name, Need::Required);
  r.string("vm", g.vm, Need::Required);
  r.choice("kind", g.kind, guest_kind_table(), Need::Required);
  r.choice("role", g.role, guest_role_table());
  r.choice("tier", g.tier, tier_table());
  r.boolean("critical", g.critical);
  r.unit("virtual_memory", units::parse_size, g.virtual_bytes, kPositive, Need::Required);
  r.unit("working_set", units::parse_size, g.working_set_bytes, kPositive);
  g.steady_cpu = g.kind == GuestKind::Cms ? 0.002 : 0.02;
  r.number("steady_cpu", g.steady_cpu, Bounds{0, 1000});
  r.unit("boot", units::parse_duration, g.boot_s, kNonNegative);
  r.unit("app_start", units::parse_duration, g.app_start_s, kNonNegative);
  if (const json* n = r.child("needs")) parse_needs(*n, r.ptr("needs"), d, g.needs);
  if (const json* sh = r.child("share")) parse_share(*sh, r.ptr("share"), d, g.share);
  return g;
}

DistributedSpec parse_distributed(const json& v, const std::string& ptr, Diagnostics& d) {
  DistributedSpec s;
  s.pointer = ptr;
  ObjectReader r(v, ptr, d, {"name", "work", "critical", "tier"});
  r.string("name", s.name, Need::Required);
  r.unit("work", units::parse_duration, s.work_s, kPositive, Need::Required);
  r.boolean("critical", s.critical);
  r.choice("tier", s.tier, tier_table());
  return s;
}

HipersocketSpec parse_hipersocket(const json& v, const std::string& ptr, Diagnostics& d,
                                  bool production) {
  HipersocketSpec h;
  h.pointer = ptr;
  ObjectReader r(v, ptr, d, {"name", "chpid", "devices", "members"});
  r.string("name", h.name, Need::Required);
  r.string("chpid", h.chpid, Need::Required);
  r.string("devices", h.devices, Need::Required);
  r.strings("members", h.members, production ? Need::Required : Need::Optional);
  return h;
}

OsaSpec parse_osa(const json& v, const std::string& ptr, Diagnostics& d, bool production) {
  OsaSpec o;
  o.pointer = ptr;
  ObjectReader r(v, ptr, d, {"name", "devices", "system"});
  r.string("name", o.name, Need::Required);
  r.string("devices", o.devices, Need::Required);
  r.string("system", o.system, production ? Need::Required : Need::Optional);
  return o;
}

VswitchSpec parse_vswitch(const json& v, const std::string& ptr, Diagnostics& d, bool production) {
  VswitchSpec s;
  s.pointer = ptr;
  ObjectReader r(v, ptr, d, {"name", "vm", "osa", "controllers"});
  r.string("name", s.name, Need::Required);
  r.string("vm", s.vm, production ? Need::Required : Need::Optional);
  r.string("osa", s.osa, production ? Need::Required : Need::Optional);
  r.strings("controllers", s.controllers);
  return s;
}

bool is_hex(const std::string& s, size_t digits) {
  if (s.size() != digits) return false;
  for (char c : s) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    if (!ok) return false;
  }
  return true;
}

void check_hex(const std::string& value, const std::string& ptr, size_t digits, Diagnostics& d) {
  if (value.empty() || is_hex(value, digits)) return;
  d.add(ptr, "\"" + value + "\" is not a device number",
        std::to_string(digits) + " hexadecimal digits such as \"" + (digits == 2 ? "F0" : "7000") +
            "\"");
}

}  // namespace

void parse_networks(const json& v, const std::string& ptr, Diagnostics& d, bool production,
                    NetworkSpec& out) {
  ObjectReader r(v, ptr, d, {"hipersockets", "osas", "vswitches"});
  for_each_element(r, "hipersockets", [&](const json& e, const std::string& p) {
    out.hipersockets.push_back(parse_hipersocket(e, p, d, production));
    check_hex(out.hipersockets.back().chpid, p + "/chpid", 2, d);
    check_hex(out.hipersockets.back().devices, p + "/devices", 4, d);
  });
  for_each_element(r, "osas", [&](const json& e, const std::string& p) {
    out.osas.push_back(parse_osa(e, p, d, production));
    check_hex(out.osas.back().devices, p + "/devices", 4, d);
  });
  for_each_element(r, "vswitches", [&](const json& e, const std::string& p) {
    out.vswitches.push_back(parse_vswitch(e, p, d, production));
  });
}

void parse_production(const json& v, const std::string& ptr, Diagnostics& d, ProductionSpec& out) {
  ObjectReader r(v, ptr, d, {"machine", "systems", "guests", "networks", "distributed"});
  if (!r.ok()) return;
  if (const json* m = r.child("machine"))
    parse_machine(*m, r.ptr("machine"), d, out.machine);
  else
    d.add(r.ptr("machine"), "is missing", "the production machine (model, cps, ifls)");
  if (!r.has("systems")) d.add(r.ptr("systems"), "is missing", "an array of z/OS and z/VM systems");
  for_each_element(r, "systems", [&](const json& e, const std::string& p) {
    out.systems.push_back(parse_system(e, p, d));
  });
  for_each_element(r, "guests", [&](const json& e, const std::string& p) {
    out.guests.push_back(parse_guest(e, p, d));
  });
  if (const json* n = r.child("networks"))
    parse_networks(*n, r.ptr("networks"), d, true, out.networks);
  for_each_element(r, "distributed", [&](const json& e, const std::string& p) {
    out.distributed.push_back(parse_distributed(e, p, d));
  });
}

}  // namespace drsim
