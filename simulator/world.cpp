// The world's entities and their result rows (see world.hpp).
#include "simulator/world.hpp"

#include <cmath>
#include <unordered_map>
#include <utility>

#include "models/calendar.hpp"
#include "models/cpu.hpp"
#include "models/units.hpp"
#include "simulator/activity.hpp"

namespace drsim::sim {
namespace {

const char* guest_kind(const GuestSpec& g) {
  return g.kind == GuestKind::Linux ? "linux" : "cms";
}

template <class T>
T* at_index(std::deque<T>& items, int index) {
  return index < 0 ? nullptr : &items[index];
}

void make_systems(World& w, size_t& row) {
  for (const auto& n : w.topo.systems) {
    System& s = w.systems.emplace_back(n, Lane(&w.result.systems[row++]));
    s.zvm = at_index(w.zvms, n.zvm);
    if (!n.placed) continue;
    s.lpar = &w.prsm.lpars()[n.lpar];
    if (n.virtual_cpus > 0) {
      // a z/VM's own semaphore doubles as its guests' virtual CPs
      if (s.zvm && s.zvm->vcpus)
        s.vcpus = s.zvm->vcpus;
      else
        s.vcpus = std::make_shared<VcpuPool>(n.virtual_cpus);
    }
  }
}

void mark_planned(World& w) {
  for (auto& r : w.result.systems) r.planned = false;
  for (const auto& st : w.sc->plan.steps) {
    if (st.action == StepAction::Ipl)
      for (const auto& n : st.systems)
        if (System* s = w.find_system(n)) s->lane.result().planned = true;
    if (st.action == StepAction::Distributed)
      for (auto& d : w.distributed) d.lane.result().planned = true;
    if (st.action != StepAction::Xautolog) continue;
    for (const auto& n : st.guests) {
      if (n == "*") {
        for (Guest* g : w.guests_of_vm(st.vm)) g->in_plan = true;
      } else if (Guest* g = w.find_guest(n)) {  // names are unique (validate_scenario)
        g->in_plan = true;
      }
    }
  }
  for (auto& g : w.guests) g.lane.result().planned = g.in_plan && g.node.at_dr;
}

/// Each guest's SHARE as a weight among the guests of its z/VM (DOMAIN-ROUND2 B).
void weigh_shares(World& w) {
  // per z/VM, its guests' RELATIVE and ABSOLUTE sums, added in guest order (one pass, not
  // one per z/VM: issue 18)
  std::unordered_map<const Zvm*, std::pair<double, double>> sums;
  for (const auto& g : w.guests) {
    if (g.zvm == nullptr) continue;
    auto& [rel, abs] = sums[g.zvm];
    (g.spec().share.absolute ? abs : rel) += g.spec().share.value;
  }
  for (auto& g : w.guests) {
    if (g.zvm == nullptr) continue;
    const auto& [rel, abs] = sums[g.zvm];
    g.share_weight = share_weight(g.spec().share, rel, abs, w.sc->params.cpu);
  }
}

}  // namespace

void make_rows(World& w) {
  const Scenario& sc = *w.sc;
  std::string machine = "DR " + sc.dr_site.machine.model;
  auto& rows = w.result.systems;
  rows.reserve(sc.production.systems.size() + sc.production.guests.size() +
               sc.production.distributed.size());  // the lanes point into it
  for (const auto& n : w.topo.systems) {
    SystemResult& r = rows.emplace_back();
    r.name = n.spec->name;
    r.kind = n.spec->kind == SystemKind::Zos ? "zos" : "zvm";
    r.critical = n.spec->critical;
    if (n.lpar < 0) continue;
    r.machine = machine;
    r.lpar = w.topo.lpars[n.lpar].name;
    r.host = r.lpar;
    r.sie_level = n.placed ? n.sie_level : 0;
  }
  for (const auto& n : w.topo.guests) {
    SystemResult& r = rows.emplace_back();
    r.name = n.spec->name;
    r.kind = guest_kind(*n.spec);
    r.role = n.spec->role == GuestRole::None ? "" : to_string(n.spec->role);
    r.tier = to_string(n.spec->tier);
    r.critical = n.spec->critical;
    if (!n.at_dr) continue;
    r.machine = machine;
    r.lpar = w.topo.lpars[n.lpar].name;
    r.host = w.topo.zvms[n.zvm].name;
    r.sie_level = n.sie_level;
  }
  for (const auto& d : sc.production.distributed) {
    SystemResult& r = rows.emplace_back();
    r.name = d.name;
    r.kind = "distributed";
    r.host = "staff";
    r.tier = to_string(d.tier);
    r.critical = d.critical;
  }
}

void make_entities(World& w) {
  size_t row = 0;
  make_systems(w, row);
  for (const auto& n : w.topo.guests)
    w.guests.emplace_back(n, at_index(w.zvms, n.zvm), Lane(&w.result.systems[row++]));
  for (auto& g : w.guests) w.guests_by_vm[g.spec().vm].push_back(&g);
  for (const auto& d : w.sc->production.distributed)
    w.distributed.push_back(Distributed{d, Lane(&w.result.systems[row++])});
  for (const auto& st : w.sc->plan.steps) w.steps.emplace_back(st);
  for (const auto& r : w.sc->reactions) w.reactions.emplace_back(r);
  for (auto& r : w.reactions)
    for (const auto& other : w.reactions)
      if (!r.spec.after_reaction.empty() && other.spec.id == r.spec.after_reaction && !r.after)
        r.after = &other;
  w.network.init(w);
  mark_planned(w);
  weigh_shares(w);
}

const std::vector<Guest*>& World::guests_of_vm(const std::string& vm) const {
  static const std::vector<Guest*> none;
  auto it = guests_by_vm.find(vm);
  return it == guests_by_vm.end() ? none : it->second;
}

Guest* World::find_guest(const std::string& name) {
  return at_index(guests, topo.find_guest(name));
}
const Guest* World::find_guest(const std::string& name) const {
  int i = topo.find_guest(name);
  return i < 0 ? nullptr : &guests[i];
}
System* World::find_system(const std::string& name) {
  return at_index(systems, topo.find_system(name));
}
const System* World::find_system(const std::string& name) const {
  int i = topo.find_system(name);
  return i < 0 ? nullptr : &systems[i];
}
Zvm* World::find_zvm(const std::string& name) {
  auto it = topo.zvm_index.find(name);
  return it == topo.zvm_index.end() ? nullptr : &zvms[it->second];
}
Step* World::find_step(const std::string& id) {
  for (auto& s : steps)
    if (s.spec.id == id) return &s;
  return nullptr;
}

void World::note_blocked(const std::string& code) {
  if (!noticed.try_emplace(code, now()).second) return;  // noticed before: keeps the first time
  if (monitor) monitor->poke();                          // a reaction may wait for this finding
}

namespace {

const char* performer_text(Performer p) {
  switch (p) {
    case Performer::Operations:
      return "the vendor's operations";
    case Performer::Customer:
      return "the customer's team";
    case Performer::ChangeDesk:
      return "the vendor's change desk";
  }
  return "?";
}

}  // namespace

attribution::Segment World::wait_for(Performer who, const std::string& subject,
                                     const std::vector<Lane*>& lanes) {
  CalendarSpec cal = calendar_of(sc->exercise, who);
  double start = sc->exercise.start_week_s;
  double open = calendar_open_at(cal, start + now()) - start;
  attribution::Segment off =
      segment(attribution::Cause::OffHours, now(), now(), performer_text(who), calendar_text(cal));
  if (open <= now() + 1e-9) return off;
  std::string until = std::isfinite(open) ? units::format_week_time(start + open) : "never";
  std::string note = "waiting for " + std::string(performer_text(who)) + " (" + calendar_text(cal) +
                     ") until " + until;
  log_event("calendar", subject, note);
  for (Lane* l : lanes) l->begin(Phase::Waiting, now(), note);
  sleep_for(*this, std::isfinite(open) ? open - now() : end_s - now() + 1);
  off.end = now();
  return off;
}

void World::work_for(Performer who, double work_s) {
  double start = sc->exercise.start_week_s;
  double finish = calendar_finish(calendar_of(sc->exercise, who), start + now(), work_s) - start;
  sleep_for(*this, std::isfinite(finish) ? finish - now() : end_s - now() + 1);
}

void World::log_event(const std::string& kind, const std::string& subject, const std::string& msg) {
  result.events.push_back(EventRecord{now(), kind, subject, msg});
}

}  // namespace drsim::sim
