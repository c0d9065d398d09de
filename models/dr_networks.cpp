#include "models/dr_networks.hpp"

#include <algorithm>

#include "models/config_check_index.hpp"
#include "models/config_check_util.hpp"

namespace drsim {
namespace {

template <typename T>
const T* named(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.name == name; });
  return it == items.end() ? nullptr : &*it;
}

bool customer_vm_placed(const Scenario& s, const std::string& vm) {
  const PlacementSpec* p = check_util::find_placement(s, vm);
  return p != nullptr && p->mode != PlacementMode::GuestsDirect;
}

std::vector<std::string> startable(const Scenario& s, const std::string& vm,
                                   const std::vector<std::string>& controllers) {
  std::vector<std::string> out;
  const PlacementSpec* p = check_util::find_placement(s, vm);
  if (p == nullptr) return out;
  auto moved = check_util::guests_moved(s, *p);
  for (const auto& c : controllers) {
    auto it =
        std::find_if(moved.begin(), moved.end(), [&](const GuestSpec* g) { return g->name == c; });
    if (it != moved.end() && check_util::plan_starts(s, **it)) out.push_back(c);
  }
  return out;
}

DrVswitch resolve_vswitch(const Scenario& s, const std::string& name) {
  const VswitchSpec* prod = named(s.production.networks.vswitches, name);
  const VswitchSpec* dr = named(s.dr_site.networks.vswitches, name);
  DrVswitch v;
  v.name = name;
  if (prod != nullptr) v.vm = prod->vm;
  v.customer_vm = prod != nullptr && customer_vm_placed(s, prod->vm);
  v.defined = v.customer_vm || dr != nullptr;
  if (dr != nullptr) {
    v.controllers = dr->controllers;
    v.pointer = dr->pointer;
  } else if (v.customer_vm) {
    v.controllers = prod->controllers;
  }
  if (v.customer_vm) v.startable_controllers = startable(s, prod->vm, v.controllers);
  v.osa = dr != nullptr && !dr->osa.empty() ? dr->osa : v.customer_vm ? prod->osa : std::string();
  if (v.osa.empty()) return v;
  const OsaSpec* posa = named(s.production.networks.osas, v.osa);
  const OsaSpec* dosa = named(s.dr_site.networks.osas, v.osa);
  v.uplink = dosa != nullptr;
  if (posa != nullptr) v.prod_devices = posa->devices;
  if (dosa != nullptr) v.dr_devices = dosa->devices;
  return v;
}

}  // namespace

const DrVswitch* DrNetworks::vswitch(const std::string& name) const {
  return named(vswitches, name);
}

const DrHipersocket* DrNetworks::hipersocket(const std::string& name) const {
  return named(hipersockets, name);
}

DrNetworks resolve_dr_networks(const Scenario& s) {
  check_util::IndexScope index(s);  // name look-ups in O(1) (config_check_index.hpp)
  DrNetworks out;
  for (const auto& h : s.production.networks.hipersockets) {
    DrHipersocket r;
    r.name = h.name;
    r.prod_devices = h.devices;
    if (const HipersocketSpec* d = named(s.dr_site.networks.hipersockets, h.name)) {
      r.defined = true;
      r.dr_devices = d->devices;
      r.pointer = d->pointer;
    }
    out.hipersockets.push_back(r);
  }
  std::vector<std::string> names;
  for (const auto& v : s.production.networks.vswitches) names.push_back(v.name);
  for (const auto& g : s.production.guests)
    if (g.needs.vswitch && std::find(names.begin(), names.end(), *g.needs.vswitch) == names.end())
      names.push_back(*g.needs.vswitch);
  for (const auto& n : names) out.vswitches.push_back(resolve_vswitch(s, n));
  return out;
}

}  // namespace drsim
