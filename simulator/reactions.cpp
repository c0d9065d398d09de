// The operator's reactions (see reactions.hpp).
#include "simulator/reactions.hpp"

#include <algorithm>

#include "models/units.hpp"
#include "models/wording.hpp"
#include "simulator/activity.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

/// The guests of a z/VM a force-off rule picks: by tier or name, or all but `keep`.
std::vector<Guest*> select_guests(World& w, const ReactionSpec& r, const Zvm* zvm) {
  std::vector<Guest*> out;
  for (auto& g : w.guests) {
    if (!g.node.at_dr || g.zvm != zvm) continue;
    bool pick = r.tiers.empty() && r.guests.empty() && !r.keep.empty();
    pick |= std::find(r.tiers.begin(), r.tiers.end(), g.spec().tier) != r.tiers.end();
    pick |= contains(r.guests, g.name());
    if (contains(r.keep, g.name())) pick = false;
    if (pick) out.push_back(&g);
  }
  return out;
}

}  // namespace

bool Reaction::ready() const {
  return spec.after_reaction.empty() || (after && after->done.fired());
}

void Reaction::trigger(World& w) {
  w.log_event("reaction", spec.id,
              "condition met; action by " + std::string(to_string(reaction_performer(spec))) +
                  " after " + units::format_duration(spec.lead_time_s) + " of work in its hours");
  triggered_at_ = w.now();
  w.crew.run(w.control, "reaction-" + spec.id, [this, &w] { run(w); });
}

std::string Reaction::label() const {
  return spec.id + " (" + spec.target + " " + to_string(spec.action) + ")";
}

void Reaction::run(World& w) {
  Performer who = reaction_performer(spec);
  attribution::Segment off = w.wait_for(who, spec.id);
  if (off.end > off.start) lead_.push_back(off);
  double t = w.now();
  w.work_for(who, spec.lead_time_s);
  lead_.push_back(segment(attribution::Cause::LeadTime, t, w.now(), label(),
                          std::string("by ") + to_string(who)));
  switch (spec.action) {
    case ActionKind::ForceOff:
      force_off(w);
      break;
    case ActionKind::SetMemory:
      set_memory(w);
      break;
    case ActionKind::DefineNetwork:
      define_network(w);
      break;
    case ActionKind::DedicateCpus:
      dedicate(w);
      break;
    case ActionKind::Start:
      start_guests(w);
      break;
  }
  done.fire();
  if (w.monitor) w.monitor->poke();  // a reaction after this one may be due
}

void Reaction::force_off(World& w) {
  Zvm* z = w.find_zvm(spec.target);
  if (!z) return;
  int n = 0;
  for (Guest* g : select_guests(w, spec, z)) {
    n += g->logged_on ? 1 : 0;
    g->force_off(w, "forced off by reaction " + spec.id, true, spec.id);
  }
  w.log_event("operator", spec.id, "forced off " + count_noun(n, "guest") + " of " + spec.target);
}

void Reaction::set_memory(World& w) {
  Zvm* z = w.find_zvm(spec.target);
  System* s = w.find_system(spec.target);
  if (!z || !s) return;
  if (spec.memory_bytes) z->real_bytes = *spec.memory_bytes;
  if (spec.xstor_bytes) z->xstor_bytes = *spec.xstor_bytes;
  z->memory_changed(w);
  w.log_event("operator", spec.id,
              spec.target + " shut down for " + units::format_size(z->real_bytes) + " storage + " +
                  units::format_size(z->xstor_bytes) + " Xstor, re-IPL");
  std::vector<Guest*> restart;
  for (auto& g : w.guests) {
    if (g.zvm != z || !g.logged_on) continue;
    restart.push_back(&g);
    g.force_off(w, "VM " + spec.target + " shut down by " + spec.id, false);
  }
  z->steady_cpu = 0;
  z->poke();
  // the VM is down; the customer's team re-IPLs it and restarts the guests, in its hours
  z->up = false;
  s->up = false;
  s->rec.close(triggered_at_);  // its up stretch ends where the reaction's lead time starts
  for (const auto& seg : lead_) s->rec.add(seg);
  attribution::Segment off = w.wait_for(Performer::Customer, spec.id, {&s->lane});
  s->rec.add(off);
  s->ipl(w, "re-IPL with more storage (" + spec.id + ")");
  xautolog(w, restart, w.sc->params.ipl.xautolog_stagger_s, "reaction " + spec.id);
}

void Reaction::define_network(World& w) {
  bool found = w.network.define(w, spec.target);
  w.log_event("operator", spec.id,
              found ? spec.target + " defined at the DR site" : spec.target + " unknown");
  w.network.notify();
}

void Reaction::dedicate(World& w) {
  int n = std::max(1, spec.cpus.value_or(1));
  auto res = w.reserved_dedicated.find(spec.target);
  if (res != w.reserved_dedicated.end()) {
    if (Zvm* z = w.find_zvm(spec.target)) {
      z->lpar = res->second;
      z->poke();
    }
    if (System* s = w.find_system(spec.target)) s->lpar = res->second;
  } else {
    int li = w.topo.find_lpar(spec.target);
    if (li < 0) return;
    w.prsm.dedicate(w.prsm.lpars()[li], n);
  }
  w.prsm.shrink_pool(n);
  w.log_event("operator", spec.id, count_noun(n, "CP") + " dedicated to " + spec.target);
}

void Reaction::start_guests(World& w) {
  std::vector<Guest*> gs;
  for (const auto& n : spec.guests)
    if (Guest* g = w.find_guest(n)) gs.push_back(g);
  w.log_event("operator", spec.id, "XAUTOLOG " + count_noun(gs.size(), "guest"));
  for (Guest* g : gs)
    if (!g->logged_on)
      for (const auto& seg : lead_) g->rec.add(seg);
  xautolog(w, gs, w.sc->params.ipl.xautolog_stagger_s, "reaction " + spec.id);
}

}  // namespace drsim::sim
