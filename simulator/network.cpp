// Guests' network needs at the DR site and the guests waiting on them (see network.hpp).
#include "simulator/network.hpp"

#include <algorithm>

#include "models/finding.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

template <class T>
const T* by_name(const std::vector<T>& v, const std::string& name) {
  for (const auto& x : v)
    if (x.name == name) return &x;
  return nullptr;
}

/// Devices at the same numbers, or the VM reconfigured and re-IPLed for the DR ones.
bool addresses_ok(const Zvm& z, const std::string& prod_devices, const std::string& dr_devices) {
  if (prod_devices == dr_devices || dr_devices.empty()) return true;
  if (z.vendors()) return true;  // the vendor's VM: the vendor defined its own
  return z.addresses_updated();
}

}  // namespace

void Network::init(const World& w) {
  for (const auto& h : w.sc->dr_site.networks.hipersockets) hipersocket_defined_[h.name] = true;
  for (const auto& v : w.sc->production.networks.vswitches) {
    // the customer's own VM defines its VSWITCHes in SYSTEM CONFIG; under the vendor's VM
    // only what the vendor defined exists (checked against the DR entries below)
    vswitch_at_dr_[v.name] = false;
  }
  for (const auto& v : w.sc->dr_site.networks.vswitches) {
    vswitch_at_dr_[v.name] = true;
    vswitch_controllers_[v.name] = v.controllers;
  }
  for (const auto& v : w.sc->production.networks.vswitches) {
    const System* vm = w.find_system(v.vm);
    bool own_vm = vm && vm->node.placed;
    if (own_vm && !vswitch_at_dr_[v.name]) {
      vswitch_at_dr_[v.name] = true;
      vswitch_controllers_[v.name] = v.controllers;
    }
  }
}

NeedState Network::check_hipersocket(const World& w, const Zvm& z, const std::string& hs) const {
  auto it = hipersocket_defined_.find(hs);
  if (it == hipersocket_defined_.end() || !it->second)
    return {NeedState::Missing, code::kMissingHipersockets,
            "Hipersocket " + hs + " has no definition at the DR site"};
  const auto* prod = by_name(w.sc->production.networks.hipersockets, hs);
  const auto* dr = by_name(w.sc->dr_site.networks.hipersockets, hs);
  if (prod && dr && !addresses_ok(z, prod->devices, dr->devices))
    return {NeedState::Missing, code::kDeviceAddressChange,
            "Hipersocket " + hs + " is at devices " + dr->devices + " at DR (" + prod->devices +
                " in production): SYSTEM CONFIG change and re-IPL needed"};
  return {};
}

NeedState Network::check_vswitch(const World& w, const Zvm& z, const std::string& vs) const {
  auto at = vswitch_at_dr_.find(vs);
  if (at == vswitch_at_dr_.end() || !at->second)
    return {NeedState::Missing, code::kMissingVswitchController,
            "VSWITCH " + vs + " is not defined at DR"};
  const auto& ctl = vswitch_controllers_.at(vs);
  if (ctl.empty())
    return {NeedState::Missing, code::kMissingVswitchController,
            "VSWITCH " + vs + " has no controller userid at DR: no OSA uplink"};
  const auto* prod = by_name(w.sc->production.networks.vswitches, vs);
  if (prod) {
    const auto* posa = by_name(w.sc->production.networks.osas, prod->osa);
    const auto* dosa = by_name(w.sc->dr_site.networks.osas, prod->osa);
    if (posa && dosa && !addresses_ok(z, posa->devices, dosa->devices))
      return {NeedState::Missing, code::kDeviceAddressChange,
              "OSA " + posa->name + " of VSWITCH " + vs + " is at " + dosa->devices + " at DR (" +
                  posa->devices + " in production): SYSTEM CONFIG change and re-IPL needed"};
  }
  if (z.vendors()) return {};  // vendor-run controllers
  bool any_planned = false;
  for (const auto& c : ctl) {
    const Guest* controller = w.find_guest(c);
    if (!controller) continue;
    if (controller->state == GuestState::Up) return {};
    any_planned = any_planned || controller->in_plan;
  }
  if (!any_planned)
    return {NeedState::Missing, code::kMissingVswitchController,
            "no controller of VSWITCH " + vs + " is logged on, and the plan starts none"};
  return {NeedState::Pending, "", "waiting for a VSWITCH controller of " + vs};
}

NeedState Network::check_router(const World& w, const std::string& router) const {
  const Guest* r = w.find_guest(router);
  if (!r || !r->node.at_dr || !r->in_plan)
    return {NeedState::Missing, code::kMissingHipersocketRouter,
            "the Hipersocket router " + router + " is never started"};
  if (r->state != GuestState::Up)
    return {NeedState::Pending, "", "waiting for the Hipersocket router " + router};
  return {};
}

NeedState Network::check(const World& w, const Guest& guest) const {
  const GuestSpec& g = guest.spec();
  const Zvm& z = *guest.zvm;
  std::vector<NeedState> found;
  if (g.needs.hipersocket) found.push_back(check_hipersocket(w, z, *g.needs.hipersocket));
  if (g.needs.vswitch) found.push_back(check_vswitch(w, z, *g.needs.vswitch));
  if (g.needs.router) {
    NeedState r = check_router(w, *g.needs.router);
    if (r.kind != NeedState::Ok) found.push_back(r);
  }
  for (const auto& zos : g.needs.zos) {
    const System* s = w.find_system(zos);
    if (s && !s->up) found.push_back({NeedState::Pending, "", "waiting for z/OS " + zos});
  }
  for (const auto& f : found)
    if (f.kind == NeedState::Missing) return f;
  for (const auto& f : found)
    if (f.kind == NeedState::Pending) return f;
  return {};
}

bool Network::define(const World& w, const std::string& name) {
  bool found = false;
  for (const auto& h : w.sc->production.networks.hipersockets)
    if (h.name == name) hipersocket_defined_[h.name] = true, found = true;
  for (const auto& v : w.sc->production.networks.vswitches) {
    if (v.name != name) continue;
    vswitch_at_dr_[v.name] = true;
    if (vswitch_controllers_[v.name].empty()) vswitch_controllers_[v.name] = v.controllers;
    found = true;
  }
  return found;
}

void Network::wait(Guest& g) {
  waiters_.push_back(&g);
  g.wake->acquire();
}

void Network::notify() {
  std::vector<Guest*> waiting;
  waiting.swap(waiters_);
  for (Guest* g : waiting) g->wake->release();
}

void Network::forget(const Guest& g) {
  std::erase(waiters_, &g);
}

}  // namespace drsim::sim
