#include "models/validate.hpp"

#include "models/scenario_parse.hpp"
#include "models/wording.hpp"

namespace drsim {
namespace {

void index_production(const Scenario& s, ScenarioNames& n, Diagnostics& d) {
  for (const auto& sys : s.production.systems) {
    n.systems.add(sys.name, sys.pointer + "/name", d, "system");
    (sys.kind == SystemKind::Zos ? n.zos : n.zvm).push_back(sys.name);
  }
  for (const auto& g : s.production.guests) {
    if (n.systems.contains(g.name)) {
      d.add(g.pointer + "/name", "guest name \"" + g.name + "\" is also a system's name",
            "a name no system uses");
      continue;
    }
    n.guests.add(g.name, g.pointer + "/name", d, "guest");
    n.guests_of_vm[g.vm].push_back(g.name);
    if (g.role == GuestRole::HipersocketRouter) n.routers.push_back(g.name);
  }
  NameIndex networks;
  const NetworkSpec& net = s.production.networks;
  for (const auto& h : net.hipersockets)
    n.hipersockets.add(h.name, h.pointer + "/name", d, "Hipersocket");
  for (const auto& o : net.osas) n.osas.add(o.name, o.pointer + "/name", d, "OSA");
  for (const auto& v : net.vswitches) n.vswitches.add(v.name, v.pointer + "/name", d, "VSWITCH");
  for (const auto& h : net.hipersockets) networks.add(h.name, h.pointer + "/name", d, "network");
  for (const auto& v : net.vswitches) networks.add(v.name, v.pointer + "/name", d, "network");
  n.networks = networks.names();
  NameIndex distributed;
  for (const auto& x : s.production.distributed)
    distributed.add(x.name, x.pointer + "/name", d, "distributed system");
}

void index_site(const Scenario& s, ScenarioNames& n, Diagnostics& d) {
  for (const auto& l : s.dr_site.lpars) {
    n.lpars.add(l.name, l.pointer + "/name", d, "LPAR");
    if (!l.vendor) n.customer_lpars.push_back(l.name);
    if (l.vendor && l.os == SystemKind::Zvm) n.vendor_zvm_lpars.push_back(l.name);
  }
  NameIndex dr_hs, dr_osa, dr_vsw, volumes;
  for (const auto& h : s.dr_site.networks.hipersockets)
    dr_hs.add(h.name, h.pointer + "/name", d, "Hipersocket");
  for (const auto& o : s.dr_site.networks.osas) dr_osa.add(o.name, o.pointer + "/name", d, "OSA");
  for (const auto& v : s.dr_site.networks.vswitches)
    dr_vsw.add(v.name, v.pointer + "/name", d, "VSWITCH");
  for (const auto& v : s.backups.volumes)
    volumes.add(v.name, v.pointer + "/name", d, "volume group");
  for (const auto& st : s.plan.steps) n.steps.add(st.id, st.pointer + "/id", d, "step");
  for (const auto& r : s.reactions) n.reactions.add(r.id, r.pointer + "/id", d, "reaction");
}

void check_exercise(const ExerciseSpec& e, Diagnostics& d) {
  if (e.end_week_s <= e.start_week_s)
    d.add("/exercise/end",
          "the exercise ends at " + units::format_week_time(e.end_week_s) +
              ", not after its start " + units::format_week_time(e.start_week_s),
          "an end after the start (both within one week, Mon..Sun)");
  if (e.staff_from_s.has_value() != e.staff_to_s.has_value())
    d.add("/exercise/staff_hours", "needs both \"from\" and \"to\"",
          "{\"from\": \"08:00\", \"to\": \"18:00\"}");
  else if (e.staff_from_s && *e.staff_to_s <= *e.staff_from_s)
    d.add("/exercise/staff_hours/to", "is not after \"from\"",
          "a time of day after the start of staff hours");
}

void check_systems(const Scenario& s, Diagnostics& d) {
  for (const auto& sys : s.production.systems) {
    if (sys.kind == SystemKind::Zvm && sys.subsystems_s)
      d.add(sys.pointer + "/subsystems", "applies to z/OS only",
            "no \"subsystems\" for a z/VM system");
    if (sys.kind == SystemKind::Zos && sys.paging_volumes > 0)
      d.add(sys.pointer + "/paging_volumes", "applies to z/VM only",
            "no \"paging_volumes\" for a z/OS system");
  }
}

void check_guest(const GuestSpec& g, const ScenarioNames& n, Diagnostics& d) {
  if (!g.vm.empty()) check_ref(g.vm, n.zvm, g.pointer + "/vm", d, "a production z/VM system");
  if (g.working_set_bytes && *g.working_set_bytes > g.virtual_bytes)
    d.add(g.pointer + "/working_set",
          "is larger than virtual_memory (" + units::format_size(g.virtual_bytes) + ")",
          "a working set <= virtual_memory");
  for (size_t i = 0; i < g.needs.zos.size(); ++i)
    check_ref(g.needs.zos[i], n.zos, g.pointer + "/needs/zos/" + std::to_string(i), d,
              "a production z/OS system");
  if (g.needs.hipersocket)
    check_ref(*g.needs.hipersocket, n.hipersockets.names(), g.pointer + "/needs/hipersocket", d,
              "a production Hipersocket network");
  if (g.needs.router)
    check_ref(*g.needs.router, n.routers, g.pointer + "/needs/router", d,
              "a guest with role hipersocket-router");
  if (g.needs.vswitch)
    check_ref(*g.needs.vswitch, n.vswitches.names(), g.pointer + "/needs/vswitch", d,
              "a production VSWITCH");
}

void check_production_networks(const NetworkSpec& net, const ScenarioNames& n, Diagnostics& d) {
  for (const auto& h : net.hipersockets)
    for (size_t i = 0; i < h.members.size(); ++i)
      check_ref(h.members[i], n.systems.names(), h.pointer + "/members/" + std::to_string(i), d,
                "a production system");
  for (const auto& o : net.osas)
    if (!o.system.empty())
      check_ref(o.system, n.systems.names(), o.pointer + "/system", d, "a production system");
  for (const auto& v : net.vswitches) {
    if (!v.vm.empty()) check_ref(v.vm, n.zvm, v.pointer + "/vm", d, "a production z/VM system");
    if (!v.osa.empty()) check_ref(v.osa, n.osas.names(), v.pointer + "/osa", d, "a production OSA");
    auto it = n.guests_of_vm.find(v.vm);
    std::vector<std::string> valid =
        it == n.guests_of_vm.end() ? std::vector<std::string>{} : it->second;
    for (size_t i = 0; i < v.controllers.size(); ++i)
      check_ref(v.controllers[i], valid, v.pointer + "/controllers/" + std::to_string(i), d,
                "a guest of " + v.vm);
  }
}

void check_dr_networks(const NetworkSpec& dr, const ScenarioNames& n, Diagnostics& d) {
  for (const auto& h : dr.hipersockets)
    check_ref(h.name, n.hipersockets.names(), h.pointer + "/name", d,
              "a production Hipersocket network");
  for (const auto& o : dr.osas)
    check_ref(o.name, n.osas.names(), o.pointer + "/name", d, "a production OSA");
  for (const auto& v : dr.vswitches)
    check_ref(v.name, n.vswitches.names(), v.pointer + "/name", d, "a production VSWITCH");
  for (const auto& h : dr.hipersockets)
    if (!h.members.empty())
      d.add(h.pointer + "/members", "is set at the DR site", "members only in production");
  for (const auto& o : dr.osas)
    if (!o.system.empty())
      d.add(o.pointer + "/system", "is set at the DR site", "system only in production");
}

void check_lpars(const DrSiteSpec& site, Diagnostics& d) {
  for (const auto& l : site.lpars) {
    if (l.busy_cps > l.cps)
      d.add(l.pointer + "/busy_cps", "is more than the LPAR's " + count_noun(l.cps, "CP"),
            "busy_cps <= cps");
    if (site.machine.cps > 0 && l.cps > site.machine.cps + site.machine.ifls)
      d.add(l.pointer + "/cps",
            "is more than the DR machine's " + count_noun(site.machine.cps, "CP"),
            "at most the machine's engines");
  }
}

void check_placement(const PlacementSpec& p, const ScenarioNames& n, Diagnostics& d) {
  bool known = !p.system.empty() && check_ref(p.system, n.systems.names(), p.pointer + "/system", d,
                                              "a production system");
  if (p.mode == PlacementMode::Lpar)
    check_ref(p.lpar, n.customer_lpars, p.pointer + "/lpar", d,
              "a customer LPAR (owner \"customer\")");
  else
    check_ref(p.lpar, n.vendor_zvm_lpars, p.pointer + "/lpar", d,
              "a vendor LPAR running z/VM (owner vendor, os zvm)");
  if (!known || p.mode != PlacementMode::GuestsDirect) return;
  if (!check_ref(p.system, n.zvm, p.pointer + "/system", d,
                 "a z/VM system (mode guests-direct moves a VM's guests)"))
    return;
  auto it = n.guests_of_vm.find(p.system);
  std::vector<std::string> valid =
      it == n.guests_of_vm.end() ? std::vector<std::string>{} : it->second;
  for (size_t i = 0; i < p.guests.size(); ++i)
    check_ref(p.guests[i], valid, p.pointer + "/guests/" + std::to_string(i), d,
              "a guest of " + p.system);
}

void check_placements(const Scenario& s, const ScenarioNames& n, Diagnostics& d) {
  NameIndex placed, lpar_used;
  for (const auto& p : s.dr_site.placements) {
    placed.add(p.system, p.pointer + "/system", d, "placed system");
    if (p.mode == PlacementMode::Lpar)
      lpar_used.add(p.lpar, p.pointer + "/lpar", d, "customer LPAR placement");
    check_placement(p, n, d);
  }
}

void check_backups(const BackupSpec& b, const ScenarioNames& n, Diagnostics& d) {
  for (const auto& v : b.volumes)
    if (!v.system.empty())
      check_ref(v.system, n.systems.names(), v.pointer + "/system", d, "a production system");
  for (const auto& t : b.tsm)
    if (!t.guest.empty())
      check_ref(t.guest, n.guests.names(), t.pointer + "/guest", d, "a production guest");
}

}  // namespace

ScenarioNames index_names(const Scenario& s, Diagnostics& d) {
  ScenarioNames n;
  index_production(s, n, d);
  index_site(s, n, d);
  return n;
}

void validate_scenario(const Scenario& s, Diagnostics& d) {
  ScenarioNames n = index_names(s, d);
  check_exercise(s.exercise, d);
  check_systems(s, d);
  for (const auto& g : s.production.guests) check_guest(g, n, d);
  check_production_networks(s.production.networks, n, d);
  check_dr_networks(s.dr_site.networks, n, d);
  check_lpars(s.dr_site, d);
  check_placements(s, n, d);
  check_backups(s.backups, n, d);
  validate_plan(s, n, d);
  validate_reactions(s, n, d);
}

}  // namespace drsim
