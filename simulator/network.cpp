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
  DrNetworks nets = resolve_dr_networks(*w.sc);
  for (const auto& h : nets.hipersockets) hipersocket_defined_[h.name] = h.defined;
  for (const auto& v : nets.vswitches) vswitches_[v.name] = v;
}

NeedState Network::check_hipersocket(const World& w, const Zvm& z, const std::string& hs) const {
  auto it = hipersocket_defined_.find(hs);
  if (it == hipersocket_defined_.end() || !it->second)
    return {NeedState::Missing, code::kMissingHipersockets,
            "Hipersocket " + hs + " has no definition at the DR site", "Hipersocket " + hs, ""};
  const auto* prod = by_name(w.sc->production.networks.hipersockets, hs);
  const auto* dr = by_name(w.sc->dr_site.networks.hipersockets, hs);
  if (prod && dr && !addresses_ok(z, prod->devices, dr->devices))
    return {NeedState::Missing, code::kDeviceAddressChange,
            "Hipersocket " + hs + " is at devices " + dr->devices + " at DR (" + prod->devices +
                " in production): SYSTEM CONFIG change and re-IPL needed",
            "Hipersocket " + hs + " device numbers", ""};
  return {};
}

void Network::check_vswitch(const World& w, const Zvm& z, const std::string& vs,
                            std::vector<NeedState>& out) const {
  auto it = vswitches_.find(vs);
  if (it == vswitches_.end() || !it->second.defined)
    return out.push_back({NeedState::Missing, code::kMissingVswitchController,
                          "VSWITCH " + vs + " is not defined at DR", "VSWITCH " + vs, ""});
  const DrVswitch& v = it->second;
  if (v.controllers.empty())
    out.push_back({NeedState::Missing, code::kMissingVswitchController,
                   "VSWITCH " + vs + " has no controller userid at DR: no OSA uplink",
                   "VSWITCH " + vs + " controller", ""});
  if (!v.uplink)
    out.push_back({NeedState::Missing, code::kMissingOsa,
                   "OSA " + v.osa + ", the uplink of VSWITCH " + vs + ", has no DR definition",
                   "OSA " + v.osa, ""});
  else if (!v.prod_devices.empty() && !addresses_ok(z, v.prod_devices, v.dr_devices))
    out.push_back({NeedState::Missing, code::kDeviceAddressChange,
                   "OSA " + v.osa + " of VSWITCH " + vs + " is at " + v.dr_devices + " at DR (" +
                       v.prod_devices + " in production): SYSTEM CONFIG change and re-IPL needed",
                   "OSA " + v.osa + " device numbers", ""});
  if (z.vendors() || v.controllers.empty()) return;  // vendor-run controllers
  for (const auto& c : v.controllers)
    if (const Guest* controller = w.find_guest(c);
        controller && controller->state == GuestState::Up)
      return;
  bool startable = std::any_of(v.controllers.begin(), v.controllers.end(), [&](const auto& c) {
    const Guest* g = w.find_guest(c);
    return g && g->in_plan && g->node.at_dr && !g->operator_forced;
  });
  if (!startable)
    return out.push_back(
        {NeedState::Missing, code::kMissingVswitchController,
         "no controller of VSWITCH " + vs + " is logged on, and the plan starts none",
         "VSWITCH " + vs + " controller", ""});
  std::string gate;
  for (const auto& c : v.controllers)
    if (const Guest* g = w.find_guest(c); g && g->in_plan && g->node.at_dr && gate.empty())
      gate = c;
  out.push_back({NeedState::Pending, "", "waiting for a VSWITCH controller of " + vs,
                 "VSWITCH " + vs + " controller", gate});
}

NeedState Network::check_router(const World& w, const std::string& router) const {
  const Guest* r = w.find_guest(router);
  if (!r || !r->node.at_dr || !r->in_plan)
    return {NeedState::Missing, code::kMissingHipersocketRouter,
            "the Hipersocket router " + router + " is never started",
            "Hipersocket router " + router, ""};
  if (r->state != GuestState::Up)
    return {NeedState::Pending, "", "waiting for the Hipersocket router " + router, router, router};
  return {};
}

std::vector<NeedState> Network::check(const World& w, const Guest& guest) const {
  const GuestSpec& g = guest.spec();
  const Zvm& z = *guest.zvm;
  std::vector<NeedState> found;
  if (g.needs.hipersocket) found.push_back(check_hipersocket(w, z, *g.needs.hipersocket));
  if (g.needs.vswitch) check_vswitch(w, z, *g.needs.vswitch, found);
  if (g.needs.router) {
    NeedState r = check_router(w, *g.needs.router);
    if (r.kind != NeedState::Ok) found.push_back(r);
  }
  for (const auto& zos : g.needs.zos) {
    const System* s = w.find_system(zos);
    if (s && !s->up) found.push_back({NeedState::Pending, "", "waiting for z/OS " + zos, zos, zos});
  }
  std::vector<NeedState> out;
  for (int kind : {NeedState::Missing, NeedState::Pending})
    for (const auto& f : found)
      if (f.kind == kind) out.push_back(f);
  return out;
}

bool Network::define(const World& w, const std::string& name) {
  bool found = false;
  for (const auto& h : w.sc->production.networks.hipersockets)
    if (h.name == name) hipersocket_defined_[h.name] = true, found = true;
  for (const auto& v : w.sc->production.networks.vswitches) {
    if (v.name != name) continue;
    DrVswitch& dv = vswitches_[v.name];
    dv.name = v.name;
    dv.defined = true;
    if (dv.controllers.empty()) dv.controllers = v.controllers;
    found = true;
  }
  return found;
}

void Network::wait(Guest& g) {
  waiters_.push_back(&g);
  if (!g.wake) g.wake = sg4::Semaphore::create(0);
  g.wake->acquire();
}

void Network::notify() {
  std::vector<Guest*> waiting;
  waiting.swap(waiters_);
  for (Guest* g : waiting) g->wake->release();
}

bool Network::waiting(const Guest& g) const {
  return std::find(waiters_.begin(), waiters_.end(), &g) != waiters_.end();
}

bool Network::forget(const Guest& g) {
  return std::erase(waiters_, &g) > 0;
}

}  // namespace drsim::sim
