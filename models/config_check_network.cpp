// Network rules of the configuration check: missing-hipersockets, missing-hipersocket-router,
// missing-vswitch-controller and device-address-change.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "models/config_check_util.hpp"
#include "models/dr_networks.hpp"

namespace drsim::check_util {

namespace {

template <typename T>
const T* named(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.name == name; });
  return it == items.end() ? nullptr : &*it;
}

template <typename Need>
std::vector<const GuestSpec*> guests_needing(const Scenario& s, Need need) {
  std::vector<const GuestSpec*> out;
  for (const auto* g : guests_at_dr(s))
    if (need(g->needs)) out.push_back(g);
  return out;
}

/// Names of the guests that reach their needs among `guests`: those a missing need blocks.
std::vector<std::string> blocked_names(const Scenario& s,
                                       const std::vector<const GuestSpec*>& guests) {
  std::vector<std::string> out;
  for (const auto* g : guests)
    if (plan_brings_up(s, *g)) out.push_back(g->name);
  return out;
}

/// The distinct values of one need among the guests at DR, in order of first appearance.
template <typename Field>
std::vector<std::string> needed_names(const Scenario& s, Field field) {
  std::vector<std::string> out;
  for (const auto* g : guests_at_dr(s)) {
    const std::optional<std::string>& v = field(g->needs);
    if (v && std::find(out.begin(), out.end(), *v) == out.end()) out.push_back(*v);
  }
  return out;
}

std::string guests_text(const std::vector<const GuestSpec*>& guests) {
  std::string n = std::to_string(guests.size());
  return n + (guests.size() == 1 ? " guest (" : " guests (") + join_names(names_of(guests)) + ")";
}

std::vector<std::string> zos_needed(const std::vector<const GuestSpec*>& guests) {
  std::vector<std::string> out;
  for (const auto* g : guests)
    for (const auto& z : g->needs.zos)
      if (std::find(out.begin(), out.end(), z) == out.end()) out.push_back(z);
  return out;
}

void check_hipersocket(const Scenario& s, const HipersocketSpec& h, std::vector<Finding>& out) {
  std::vector<std::string> at_dr;
  for (const auto& m : h.members)
    if (system_at_dr(s, m)) at_dr.push_back(m);
  if (at_dr.empty() || named(s.dr_site.networks.hipersockets, h.name) != nullptr) return;
  auto needers = guests_needing(s, [&](const GuestNeeds& n) { return n.hipersocket == h.name; });
  Finding f = make_finding(code::kMissingHipersockets, Severity::Error, h.name);
  f.production =
      "IQD CHPID " + h.chpid + ", devices " + h.devices + ", members " + join_names(h.members);
  f.dr = "no Hipersocket definition in the vendor's IOCDS";
  f.message = "Hipersocket " + h.name + " (CHPID " + h.chpid + ") has no DR definition" +
              (needers.empty() ? "" : "; " + guests_text(needers) + " need it");
  auto zos = zos_needed(needers);
  f.consequence = (needers.empty() ? join_names(at_dr) + " cannot talk over " + h.name
                                   : "the guests cannot reach " +
                                         (zos.empty() ? std::string("z/OS") : join_names(zos)) +
                                         " over " + h.name +
                                         "; a Hipersocket router is "
                                         "pointless") +
                  "; fixing it needs a dynamic I/O change by the vendor or a power-on reset, "
                  "rarely possible inside the test window";
  f.remedy = "Ask the vendor to define IQD CHPID " + h.chpid + " (devices " + h.devices +
             ") in the IOCDS, shared by the DR LPARs of " + join_names(at_dr) +
             ", before the test; if it cannot be, simulate it with a guest LAN or a real OSA";
  f.pointer = "/dr_site/networks/hipersockets";
  f.blocks = blocked_names(s, needers);
  out.push_back(f);
}

bool is_at_dr(const Scenario& s, const GuestSpec* g) {
  auto all = guests_at_dr(s);
  return g != nullptr && std::find(all.begin(), all.end(), g) != all.end();
}

void check_router(const Scenario& s, const std::string& router, std::vector<Finding>& out) {
  const GuestSpec* rg = find_guest(s, router);
  bool at_dr = is_at_dr(s, rg);
  if (at_dr && plan_starts(s, *rg)) return;
  auto needers = guests_needing(s, [&](const GuestNeeds& n) { return n.router == router; });
  Finding f = make_finding(code::kMissingHipersocketRouter, Severity::Error, router);
  f.production = "router guest " + router + (rg ? " on " + rg->vm : std::string());
  f.dr =
      at_dr ? "brought to DR, but no plan step XAUTOLOGs it" : "not among the guests brought to DR";
  f.message = guests_text(needers) + " route through " + router + ", which " +
              (at_dr ? "the plan never starts" : "does not come to the DR site");
  f.consequence =
      "the guests come up but cannot reach z/OS until someone remembers the router "
      "(\"Oh yea... start the Hipersocket router\")";
  const PlacementSpec* p = rg ? find_placement(s, rg->vm) : nullptr;
  f.remedy = at_dr ? "Add " + router +
                         " to an XAUTOLOG step of the plan, before the Linux "
                         "guests that use it"
                   : "Bring " + router + " to the DR site with the guests that need it";
  f.pointer = at_dr || p == nullptr ? "/plan/steps" : child_pointer(p->pointer, "guests");
  f.blocks = blocked_names(s, needers);
  out.push_back(f);
}

/// What is wrong with VSWITCH `v`'s controllers at DR, or "" when nothing is.
std::string controller_problem(const DrVswitch& v) {
  if (!v.defined) return "no VSWITCH " + v.name + " defined at the DR site";
  if (v.controllers.empty()) return "VSWITCH " + v.name + " lists no controller userid at DR";
  if (!v.customer_vm || !v.startable_controllers.empty()) return "";
  return "no controller of VSWITCH " + v.name + " (" + join_names(v.controllers) + ") exists in " +
         v.vm + " at DR and is XAUTOLOGged by the plan";
}

void check_vswitch(const Scenario& s, const DrVswitch& v, std::vector<Finding>& out) {
  const VswitchSpec* prod = named(s.production.networks.vswitches, v.name);
  auto needers = guests_needing(s, [&](const GuestNeeds& n) { return n.vswitch == v.name; });
  std::string problem = controller_problem(v);
  if (problem.empty()) return;
  std::vector<std::string> wanted = prod && !prod->controllers.empty()
                                        ? prod->controllers
                                        : std::vector<std::string>{"DTCVSW1", "DTCVSW2"};
  Finding f = make_finding(code::kMissingVswitchController, Severity::Warning, v.name);
  f.production = "controllers " + join_names(wanted) + (prod ? " on " + prod->vm : std::string());
  f.dr = problem;
  f.message = problem + "; " + guests_text(needers) + " use it";
  f.consequence =
      "without a logged-on controller the VSWITCH cannot activate its OSA uplink: "
      "the guests have no connection outside the VM until the controller userids "
      "are created and logged on";
  f.remedy = !v.customer_vm ? "Ask the vendor to define " + join_names(wanted) +
                                  " in its z/VM directory and as controllers of " + v.name +
                                  " (or CONTROLLER *) before the test"
                            : "Keep " + join_names(wanted) + " in " + v.vm +
                                  "'s directory and XAUTOLOG them before the guests";
  f.pointer =
      v.pointer.empty() ? "/dr_site/networks/vswitches" : child_pointer(v.pointer, "controllers");
  f.blocks = blocked_names(s, needers);
  out.push_back(f);
}

/// The uplink OSA of a defined VSWITCH has no DR definition: nothing leaves the VM.
void check_uplink(const Scenario& s, const DrVswitch& v, std::vector<Finding>& out) {
  if (!v.defined || v.uplink) return;
  auto needers = guests_needing(s, [&](const GuestNeeds& n) { return n.vswitch == v.name; });
  Finding f = make_finding(code::kMissingOsa, Severity::Error, v.osa);
  f.production = "OSA " + v.osa + (v.prod_devices.empty() ? "" : " devices " + v.prod_devices) +
                 ", uplink of VSWITCH " + v.name;
  f.dr = "no OSA " + v.osa + " defined at the DR site";
  f.message = "OSA " + v.osa + ", the uplink of VSWITCH " + v.name + ", has no DR definition; " +
              guests_text(needers) + " use " + v.name;
  f.consequence = "VSWITCH " + v.name +
                  " has no uplink: its guests come up without any connection outside the VM "
                  "(no users, no z/OS over TCP/IP)";
  f.remedy = "Ask the vendor for an OSA port for " + v.name +
             " in the DR IOCDS and its device numbers, then add them to the DR SYSTEM CONFIG "
             "(DEFINE VSWITCH ... RDEV) before the test";
  f.pointer = "/dr_site/networks/osas";
  f.blocks = blocked_names(s, needers);
  out.push_back(f);
}

std::string osa_range(const std::string& first) {
  char* end = nullptr;
  unsigned long n = std::strtoul(first.c_str(), &end, 16);
  if (first.empty() || end == nullptr || *end != '\0') return first;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%04lX", first.c_str(), n + 2);
  return buf;
}

/// The systems whose own configuration names the device: placed at DR and brought up.
std::vector<std::string> affected(const Scenario& s, const std::vector<std::string>& systems) {
  std::vector<std::string> out;
  for (const auto& name : systems) {
    const PlacementSpec* p = find_placement(s, name);
    if (p != nullptr && p->mode != PlacementMode::GuestsDirect) out.push_back(name);
  }
  return out;
}

std::string planned_reconfigure(const Scenario& s, const std::vector<std::string>& systems) {
  for (const auto& step : s.plan.steps)
    if (step.action == StepAction::Reconfigure)
      for (const auto& name : systems)
        if (std::find(step.systems.begin(), step.systems.end(), name) != step.systems.end())
          return " (the plan's step '" + step.id + "' does this)";
  return "";
}

/// The plan edits SYSTEM CONFIG of `vm` (reconfigure) and IPLs it after that edit.
bool plan_readdresses(const Scenario& s, const std::string& vm) {
  auto names = [&](const StepSpec& st) {
    return std::find(st.systems.begin(), st.systems.end(), vm) != st.systems.end();
  };
  std::vector<std::string> after_edit;  // steps that run after a reconfigure of vm
  for (const auto& st : s.plan.steps)
    if (st.action == StepAction::Reconfigure && names(st)) after_edit.push_back(st.id);
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& st : s.plan.steps) {
      if (std::find(after_edit.begin(), after_edit.end(), st.id) != after_edit.end()) continue;
      for (const auto& dep : st.after)
        if (std::find(after_edit.begin(), after_edit.end(), dep) != after_edit.end()) {
          after_edit.push_back(st.id), grew = true;
          if (st.action == StepAction::Ipl && names(st)) return true;
          break;
        }
    }
  }
  return false;
}

struct DeviceChange {
  std::string kind;  ///< "OSA" or "Hipersocket"
  std::string name, prod_devices, dr_devices, pointer;
  std::vector<std::string> systems;
};

std::string device_consequence(const Scenario& s, const DeviceChange& c) {
  std::vector<std::string> vms, zos;
  for (const auto& name : c.systems) {
    const SystemSpec* sys = find_system(s, name);
    (sys && sys->kind == SystemKind::Zvm ? vms : zos).push_back(name);
  }
  std::string out;
  if (!vms.empty())
    out = "the SYSTEM CONFIG" + std::string(c.kind == "OSA" ? " (DEFINE VSWITCH ... RDEV)" : "") +
          " and TCPIP PROFILE of " + join_names(vms) +
          " name the production addresses: edit "
          "them and re-IPL VM, one IPL more (the year-3 test took two IPLs of VM)" +
          planned_reconfigure(s, vms);
  if (!zos.empty())
    out += (out.empty() ? "the" : "; the") + std::string(" TCPIP PROFILE of ") + join_names(zos) +
           " names the production addresses: change it and restart TCP/IP";
  return out;
}

/// Guests whose need of this network waits for a re-IPL with DR addresses the plan never does.
std::vector<std::string> device_blocks(const Scenario& s, const DeviceChange& c) {
  DrNetworks nets = resolve_dr_networks(s);
  std::vector<const GuestSpec*> stuck;
  for (const auto& vm : c.systems) {
    const SystemSpec* sys = find_system(s, vm);
    if (sys == nullptr || sys->kind != SystemKind::Zvm || plan_readdresses(s, vm)) continue;
    for (const auto* g : guests_of_vm(s, vm)) {
      const DrVswitch* v = g->needs.vswitch ? nets.vswitch(*g->needs.vswitch) : nullptr;
      bool osa = c.kind == "OSA" && v != nullptr && v->customer_vm && v->uplink && v->osa == c.name;
      bool hs = c.kind != "OSA" && g->needs.hipersocket == c.name;
      if (osa || hs) stuck.push_back(g);
    }
  }
  return blocked_names(s, stuck);
}

void add_device_change(const Scenario& s, const DeviceChange& c, std::vector<Finding>& out) {
  auto blocks = device_blocks(s, c);
  Finding f = make_finding(code::kDeviceAddressChange,
                           blocks.empty() ? Severity::Warning : Severity::Error, c.name);
  f.blocks = blocks;
  f.production =
      c.kind + " " + c.name + " devices " + c.prod_devices + " (" + join_names(c.systems) + ")";
  f.dr = "devices " + c.dr_devices;
  f.message = c.kind + " " + c.name + " has device numbers " + c.dr_devices + " at DR instead of " +
              c.prod_devices +
              (blocks.empty() ? std::string()
                              : "; the plan never re-IPLs with DR addresses, so " +
                                    join_names(blocks) + " stay without it");
  f.consequence = device_consequence(s, c);
  std::vector<std::string> vsw;
  for (const auto& v : s.production.networks.vswitches)
    if (v.osa == c.name) vsw.push_back(v.name);
  f.remedy =
      "Prepare the DR SYSTEM CONFIG and TCPIP PROFILE with the DR addresses before the "
      "test and plan the re-IPL" +
      (vsw.empty() ? std::string()
                   : "; or change the uplink dynamically: SET VSWITCH " + vsw.front() + " RDEV " +
                         c.dr_devices.substr(0, c.dr_devices.find('-')));
  f.pointer = child_pointer(c.pointer, "devices");
  out.push_back(f);
}

void check_devices(const Scenario& s, std::vector<Finding>& out) {
  const auto& dr = s.dr_site.networks;
  for (const auto& o : s.production.networks.osas) {
    const OsaSpec* d = named(dr.osas, o.name);
    auto users = affected(s, {o.system});
    if (d == nullptr || d->devices == o.devices || users.empty()) continue;
    add_device_change(
        s, {"OSA", o.name, osa_range(o.devices), osa_range(d->devices), d->pointer, users}, out);
  }
  for (const auto& h : s.production.networks.hipersockets) {
    const HipersocketSpec* d = named(dr.hipersockets, h.name);
    auto users = affected(s, h.members);
    if (d == nullptr || d->devices == h.devices || users.empty()) continue;
    add_device_change(s, {"Hipersocket", h.name, h.devices, d->devices, d->pointer, users}, out);
  }
}

}  // namespace

void add_network_findings(const Scenario& s, std::vector<Finding>& out) {
  for (const auto& h : s.production.networks.hipersockets) check_hipersocket(s, h, out);
  auto router = [](const GuestNeeds& n) -> const std::optional<std::string>& { return n.router; };
  for (const auto& r : needed_names(s, router)) check_router(s, r, out);
  auto vswitch = [](const GuestNeeds& n) -> const std::optional<std::string>& { return n.vswitch; };
  DrNetworks nets = resolve_dr_networks(s);
  for (const auto& v : needed_names(s, vswitch)) {
    const DrVswitch* dv = nets.vswitch(v);
    if (dv == nullptr) continue;
    check_vswitch(s, *dv, out);
    check_uplink(s, *dv, out);
  }
  check_devices(s, out);
}

}  // namespace drsim::check_util
