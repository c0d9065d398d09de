// The imported site as scenario JSON (scenarios/README.md): production from the files and the
// CSV, backups and tape at marked defaults, the plan from the AUTOLOG1 exec's XAUTOLOG order
// and CP SLEEP delays, and a description that lists every value to review.

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "models/import_build.hpp"
#include "models/import_build_dr.hpp"

namespace drsim::import {
namespace {

using J = nlohmann::ordered_json;

J machine(const std::string& model, const TiersRow* row) {
  J m;
  m["model"] = model.empty() ? "unknown" : model;
  m["cps"] = 1;
  m["ifls"] = 0;
  copy_cell(m, row, "cps", "cps");
  copy_cell(m, row, "ifls", "ifls");
  copy_cell(m, row, "engine_mips", "engine_mips");
  return m;
}

J system(const SiteSystem& s) {
  J j;
  j["name"] = s.name;
  j["kind"] = s.kind;
  j["memory"] = s.row && s.row->get("memory") ? *s.row->get("memory") : "8GB";
  copy_cell(j, s.row, "xstor", "xstor");
  copy_cell(j, s.row, "cpus", "cpus");
  copy_cell(j, s.row, "dedicated", "dedicated");
  copy_cell(j, s.row, "critical", "critical");
  copy_cell(j, s.row, "steady_cpu", "steady_cpu");
  if (s.kind == "zvm") copy_cell(j, s.row, "paging_volumes", "paging_volumes");
  return j;
}

J guest(const SiteGuest& g, const std::string& vm) {
  J j;
  j["name"] = g.name;
  j["vm"] = vm;
  j["kind"] = g.kind;
  if (!g.role.empty()) j["role"] = g.role;
  copy_cell(j, g.row, "tier", "tier");
  copy_cell(j, g.row, "critical", "critical");
  j["virtual_memory"] = g.entry->storage.scenario;
  copy_cell(j, g.row, "working_set", "working_set");
  copy_cell(j, g.row, "steady_cpu", "steady_cpu");
  copy_cell(j, g.row, "boot", "boot");
  copy_cell(j, g.row, "app_start", "app_start");
  J needs = J::object();
  if (!g.zos.empty()) needs["zos"] = g.zos;
  if (g.hipersocket) needs["hipersocket"] = *g.hipersocket;
  if (g.router) needs["router"] = *g.router;
  if (g.vswitch) needs["vswitch"] = *g.vswitch;
  if (!needs.empty()) j["needs"] = needs;
  return j;
}

J production(const Parsed& p, const Site& s) {
  J j;
  j["machine"] = machine(s.model, p.tiers.find("MACHINE"));
  j["systems"] = J::array();
  for (const auto& x : s.systems) j["systems"].push_back(system(x));
  j["guests"] = J::array();
  for (const auto& g : s.guests) j["guests"].push_back(guest(g, s.zvm));
  J net;
  net["hipersockets"] = J::array();
  for (const auto& h : s.hipersockets)
    net["hipersockets"].push_back(
        {{"name", h.name}, {"chpid", h.chpid}, {"devices", h.devices}, {"members", h.members}});
  net["osas"] = J::array();
  for (const auto& o : s.osas)
    net["osas"].push_back({{"name", o.name}, {"devices", o.devices}, {"system", o.system}});
  net["vswitches"] = J::array();
  for (const auto& v : s.vswitches)
    net["vswitches"].push_back(
        {{"name", v.name}, {"vm", s.zvm}, {"osa", v.osa}, {"controllers", v.controllers}});
  j["networks"] = net;
  j["distributed"] = J::array();
  return j;
}

J backups(const Site& s, std::vector<std::string>& review) {
  J vols = J::array();
  bool defaulted = false;
  for (const auto& x : s.systems) {
    J v{{"name", x.name}, {"system", x.name}, {"count", 10}, {"model", "3390-9"}};
    copy_cell(v, x.row, "volumes", "count");
    copy_cell(v, x.row, "volume_model", "model");
    defaulted = defaulted || !x.row || !x.row->get("volumes");
    vols.push_back(v);
  }
  if (defaulted)
    review.push_back("the tape catalogue (default 10 3390-9 dumps per system; column volumes)");
  return {{"volumes", vols}, {"tsm", J::array()}};
}

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%gs", s);
  return buf;
}

struct Group {
  std::vector<std::string> guests;
  std::optional<double> stagger;
  double gap_before = 0;
};

std::vector<Group> autolog_groups(const Parsed& p, const Site& s) {
  std::vector<Group> out;
  for (const auto& e : p.autolog->entries) {
    bool guest = std::any_of(s.guests.begin(), s.guests.end(),
                             [&](const SiteGuest& g) { return g.name == e.userid; });
    if (!guest) continue;
    if (!out.empty()) {
      Group& g = out.back();
      if (!g.stagger || *g.stagger == e.delay_before_s) {
        g.stagger = e.delay_before_s;
        g.guests.push_back(e.userid);
        continue;
      }
    }
    out.push_back({{e.userid}, std::nullopt, out.empty() ? 0 : e.delay_before_s});
  }
  return out;
}

void add_step(J& steps, J step, std::string& last) {
  if (!last.empty()) step["after"] = J::array({last});
  last = step["id"].get<std::string>();
  steps.push_back(step);
}

J plan(const Parsed& p, const Site& s, bool reconfigure, std::vector<std::string>& review) {
  J steps = J::array();
  std::vector<std::string> zos;
  for (const auto& x : s.systems)
    if (x.kind == "zos") zos.push_back(x.name);
  if (!zos.empty()) {
    steps.push_back({{"id", "restore-zos"}, {"action", "restore"}, {"systems", zos}});
    steps.push_back({{"id", "ipl-zos"}, {"action", "ipl"}, {"systems", zos}});
  }
  J rvm{{"id", "restore-vm"}, {"action", "restore"}, {"systems", J::array({s.zvm})}};
  if (!zos.empty()) rvm["after"] = J::array({"restore-zos"});
  steps.insert(steps.begin() + (zos.empty() ? 0 : 1), rvm);
  std::string last;
  add_step(steps, {{"id", "ipl-vm"}, {"action", "ipl"}, {"systems", J::array({s.zvm})}}, last);
  if (reconfigure) {
    add_step(
        steps,
        {{"id", "change-addresses"}, {"action", "reconfigure"}, {"systems", J::array({s.zvm})}},
        last);
    add_step(steps, {{"id", "reipl-vm"}, {"action", "ipl"}, {"systems", J::array({s.zvm})}}, last);
  }
  if (!p.autolog) {
    add_step(
        steps,
        {{"id", "autolog"}, {"action", "xautolog"}, {"vm", s.zvm}, {"guests", J::array({"*"})}},
        last);
    review.push_back(
        "the XAUTOLOG order and stagger (no --autolog exec: all guests, default stagger)");
    return {{"steps", steps}};
  }
  int n = 0;
  for (const auto& g : autolog_groups(p, s)) {
    ++n;
    if (g.gap_before > 0)
      add_step(steps,
               {{"id", "autolog-wait-" + std::to_string(n)},
                {"action", "wait"},
                {"duration", seconds(g.gap_before)}},
               last);
    J st{{"id", "autolog-" + std::to_string(n)},
         {"action", "xautolog"},
         {"vm", s.zvm},
         {"guests", g.guests}};
    if (g.stagger) st["stagger"] = seconds(*g.stagger);
    add_step(steps, st, last);
  }
  return {{"steps", steps}};
}

std::string basename(const std::string& path) {
  size_t k = path.find_last_of('/');
  return k == std::string::npos ? path : path.substr(k + 1);
}

std::string description(const ImportInputs& in, const DrResult& dr,
                        const std::vector<std::string>& review) {
  std::string files = basename(in.directory.path) + ", " + basename(in.system_config.path) + ", " +
                      basename(in.iocp.path);
  for (const auto* o : {&in.autolog, &in.dr_iocp, &in.dr_system_config, &in.tiers})
    if (*o) files += ", " + basename((*o)->path);
  std::string d = "Imported by drsim import from " + files + ". " + dr.comment +
                  " To review (not in the files):";
  for (size_t i = 0; i < review.size(); ++i)
    d += " (" + std::to_string(i + 1) + ") " + review[i] + ";";
  d.back() = '.';
  return d;
}

}  // namespace

std::string scenario_json(const Parsed& p, const Site& s, const ImportInputs& in, Messages& msgs) {
  std::vector<std::string> review = s.review;
  J doc;
  doc["schema_version"] = 1;
  doc["name"] = "import-" + s.zvm;
  doc["description"] = "";
  review.push_back("the exercise calendar and RTO (defaults: Mon 08:00 to Thu 18:00, 48h)");
  doc["production"] = production(p, s);
  DrResult dr = build_dr(p, s, msgs, review);
  doc["dr_site"] = dr.json;
  doc["backups"] = backups(s, review);
  doc["plan"] = plan(p, s, dr.devices_change, review);
  doc["reactions"] = J::array();
  doc["description"] = description(in, dr, review);
  for (const auto& r : p.tiers.rows)
    if (!r.used) msgs.not_used(r.pos, "row " + r.name + " names no system or guest of the import");
  return doc.dump(2) + "\n";
}

}  // namespace drsim::import
