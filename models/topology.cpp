#include "models/topology.hpp"

#include <algorithm>
#include <cmath>

namespace drsim {
namespace {

int find_in(const std::map<std::string, int>& m, const std::string& n) {
  auto it = m.find(n);
  return it == m.end() ? -1 : it->second;
}

void add_lpars(const Scenario& s, Topology& t) {
  for (const auto& l : s.dr_site.lpars) {
    LparNode n;
    n.name = l.name;
    n.logical_cps = std::max(1, l.cps);
    n.dedicated = l.dedicated;
    n.weight = l.weight;
    n.capped = l.capped;
    n.vendor = l.vendor;
    n.busy_cps = l.busy_cps;
    t.lpar_index.emplace(n.name, static_cast<int>(t.lpars.size()));
    t.lpars.push_back(n);
  }
}

/// The vendor's z/VM as a ZvmNode (for guests running directly under it), created once.
int vendor_zvm(const Scenario& s, Topology& t, int lpar) {
  const auto& l = s.dr_site.lpars[static_cast<size_t>(lpar)];
  int found = find_in(t.zvm_index, l.name);
  if (found >= 0) return found;
  ZvmNode z;
  z.name = l.name;
  z.lpar = lpar;
  z.guest_sie_level = 2;
  z.real_bytes = z.stated_bytes = l.memory_bytes;
  z.xstor_bytes = l.xstor_bytes;
  z.paging_volumes = l.paging_volumes;
  t.zvm_index.emplace(z.name, static_cast<int>(t.zvms.size()));
  t.zvms.push_back(z);
  return static_cast<int>(t.zvms.size()) - 1;
}

void place_system(const Scenario& s, Topology& t, const PlacementSpec& p) {
  int si = find_in(t.system_index, p.system);
  int li = find_in(t.lpar_index, p.lpar);
  if (si < 0 || li < 0) return;
  SystemNode& sys = t.systems[static_cast<size_t>(si)];
  const DrLparSpec& lspec = s.dr_site.lpars[static_cast<size_t>(li)];
  sys.mode = p.mode;
  sys.lpar = li;
  if (p.mode == PlacementMode::GuestsDirect) {
    vendor_zvm(s, t, li);
    return;
  }
  sys.placed = true;
  sys.sie_level = p.mode == PlacementMode::Lpar ? 1 : 2;
  sys.virtual_cpus = p.mode == PlacementMode::Guest ? p.virtual_cpus.value_or(lspec.cps) : 0;
  if (sys.spec->kind != SystemKind::Zvm) return;
  ZvmNode z;
  z.name = sys.spec->name;
  z.system = sys.spec->name;
  z.lpar = li;
  z.guest_sie_level = sys.sie_level + 1;
  if (p.mode == PlacementMode::Lpar) {
    z.real_bytes = lspec.memory_bytes;
    z.xstor_bytes = lspec.xstor_bytes;
    z.paging_volumes = lspec.paging_volumes;
  } else {
    z.real_bytes = p.memory_bytes.value_or(0);
    z.xstor_bytes = p.xstor_bytes.value_or(0);
    z.paging_volumes = p.paging_volumes.value_or(sys.spec->paging_volumes);
    z.virtual_cpus = sys.virtual_cpus;
  }
  if (z.paging_volumes <= 0 && p.mode == PlacementMode::Lpar)
    z.paging_volumes = sys.spec->paging_volumes;
  z.stated_bytes = z.real_bytes;
  sys.zvm = static_cast<int>(t.zvms.size());
  t.zvm_index.emplace(z.name, sys.zvm);
  t.zvms.push_back(z);
}

/// Scales the storage of the z/VMs under an overcommitted vendor LPAR (see resolve_topology).
void share_vendor_storage(const Scenario& s, Topology& t) {
  for (auto& z : t.zvms) {
    if (z.lpar < 0) continue;
    const DrLparSpec& l = s.dr_site.lpars[static_cast<size_t>(z.lpar)];
    if (!l.vendor || l.memory_bytes <= 0) continue;
    VendorMemory vm = vendor_memory(s, l.name);
    if (!z.system.empty()) {
      if (z.lpar >= 0 &&
          t.systems[static_cast<size_t>(t.system_index.at(z.system))].mode == PlacementMode::Guest)
        z.real_bytes = z.stated_bytes * vm.factor;
      continue;
    }
    double given = 0;  // what the guest-mode systems under it hold
    for (const auto& p : s.dr_site.placements)
      if (p.lpar == l.name && p.mode == PlacementMode::Guest) given += p.memory_bytes.value_or(0);
    z.real_bytes = std::max(0.0, l.memory_bytes - given * vm.factor);
  }
}

void place_guests(const Scenario& s, Topology& t) {
  for (size_t gi = 0; gi < t.guests.size(); ++gi) {
    GuestNode& g = t.guests[gi];
    int si = find_in(t.system_index, g.spec->vm);
    if (si < 0) continue;
    const SystemNode& vm = t.systems[static_cast<size_t>(si)];
    if (vm.placed && vm.zvm >= 0) {
      g.at_dr = true;
      g.zvm = vm.zvm;
    } else if (vm.mode == PlacementMode::GuestsDirect && vm.lpar >= 0) {
      const PlacementSpec* p = nullptr;
      for (const auto& pl : s.dr_site.placements)
        if (pl.system == vm.spec->name) p = &pl;
      bool moved = p != nullptr &&
                   (p->guests.empty() ||
                    std::find(p->guests.begin(), p->guests.end(), g.spec->name) != p->guests.end());
      if (!moved) continue;
      g.at_dr = true;
      g.zvm = find_in(t.zvm_index, s.dr_site.lpars[static_cast<size_t>(vm.lpar)].name);
    }
    if (g.zvm < 0) continue;
    const ZvmNode& z = t.zvms[static_cast<size_t>(g.zvm)];
    g.lpar = z.lpar;
    g.sie_level = z.guest_sie_level;
  }
}

}  // namespace

int Topology::find_lpar(const std::string& n) const {
  return find_in(lpar_index, n);
}
int Topology::find_system(const std::string& n) const {
  return find_in(system_index, n);
}
int Topology::find_guest(const std::string& n) const {
  return find_in(guest_index, n);
}

Topology resolve_topology(const Scenario& s) {
  Topology t;
  add_lpars(s, t);
  for (const auto& sys : s.production.systems) {
    SystemNode n;
    n.spec = &sys;
    t.system_index.emplace(sys.name, static_cast<int>(t.systems.size()));
    t.systems.push_back(n);
  }
  for (const auto& g : s.production.guests) {
    GuestNode n;
    n.spec = &g;
    n.ws_bytes = g.working_set_bytes.value_or(g.virtual_bytes * s.params.paging.linux_ws_fraction);
    t.guest_index.emplace(g.name, static_cast<int>(t.guests.size()));
    t.guests.push_back(n);
  }
  for (const auto& p : s.dr_site.placements) place_system(s, t, p);
  place_guests(s, t);
  share_vendor_storage(s, t);
  return t;
}

VendorMemory vendor_memory(const Scenario& s, const std::string& lpar) {
  VendorMemory out;
  for (const auto& l : s.dr_site.lpars)
    if (l.name == lpar) out.lpar_bytes = l.memory_bytes;
  for (const auto& p : s.dr_site.placements) {
    if (p.lpar != lpar || p.mode == PlacementMode::Lpar) continue;
    if (p.mode == PlacementMode::Guest) {
      out.demand_bytes += p.memory_bytes.value_or(0);
      continue;
    }
    for (const auto& g : s.production.guests)
      if (g.vm == p.system && (p.guests.empty() || std::find(p.guests.begin(), p.guests.end(),
                                                             g.name) != p.guests.end()))
        out.demand_bytes +=
            g.working_set_bytes.value_or(g.virtual_bytes * s.params.paging.linux_ws_fraction);
  }
  if (out.lpar_bytes > 0 && out.demand_bytes > out.lpar_bytes)
    out.factor = out.lpar_bytes / out.demand_bytes;
  return out;
}

double staff_finish_week_s(double start_week_s, double work_s, std::optional<double> from_s,
                           std::optional<double> to_s) {
  if (!from_s || !to_s || *to_s <= *from_s) return start_week_s + work_s;
  double t = start_week_s;
  double left = work_s;
  for (int guard = 0; guard < 100000 && left > 1e-9; ++guard) {
    double day = std::floor(t / 86400.0) * 86400.0;
    double open = day + *from_s, close = day + *to_s;
    if (t < open) t = open;
    if (t >= close) {
      t = day + 86400.0 + *from_s;
      continue;
    }
    double chunk = std::min(left, close - t);
    t += chunk;
    left -= chunk;
  }
  return t;
}

}  // namespace drsim
