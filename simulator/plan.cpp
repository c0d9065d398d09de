// The recovery plan's steps, the operator's reactions (runbook rules), the monitor that
// raises runtime findings, and the staff rebuilding distributed systems.
#include <algorithm>
#include <cmath>
#include <deque>
#include <set>

#include "models/finding.hpp"
#include "models/topology.hpp"
#include "models/units.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

std::vector<int> step_guests(const World& w, const StepSpec& st) {
  std::vector<int> out;
  std::set<std::string> named_elsewhere;
  for (const auto& other : w.sc->plan.steps)
    if (&other != &st && other.action == StepAction::Xautolog)
      for (const auto& g : other.guests)
        if (g != "*") named_elsewhere.insert(g);
  for (const auto& name : st.guests) {
    if (name != "*") {
      int gi = w.topo.find_guest(name);
      if (gi >= 0) out.push_back(gi);
      continue;
    }
    for (size_t gi = 0; gi < w.topo.guests.size(); ++gi) {
      const auto& g = *w.topo.guests[gi].spec;
      if (g.vm == st.vm && named_elsewhere.count(g.name) == 0 &&
          std::find(out.begin(), out.end(), static_cast<int>(gi)) == out.end())
        out.push_back(static_cast<int>(gi));
    }
  }
  return out;
}

void run_parallel(World& w, const std::vector<int>& systems,
                  const std::function<void(World&, int)>& fn) {
  std::vector<sg4::ActorPtr> actors;
  for (int si : systems)
    actors.push_back(sg4::Actor::create("sys-" + w.topo.systems[static_cast<size_t>(si)].spec->name,
                                        w.control, [&w, fn, si] { fn(w, si); }));
  for (auto& a : actors) a->join();
}

std::vector<int> step_systems(const World& w, const StepSpec& st) {
  std::vector<int> out;
  for (const auto& n : st.systems) {
    int si = w.topo.find_system(n);
    if (si >= 0) out.push_back(si);
  }
  return out;
}

bool restore_only_deps(const Scenario& sc, const StepSpec& st) {
  for (const auto& dep : st.after) {
    bool is_restore = false;
    for (const auto& o : sc.plan.steps)
      is_restore |= (o.id == dep && o.action == StepAction::Restore);
    if (!is_restore) return false;
  }
  return true;
}

void step_actor(World* w, size_t idx) {
  const StepSpec& st = w->sc->plan.steps[idx];
  for (const auto& dep : st.after) w->wait_event("step:" + dep);
  if (st.not_before_week_s)
    sleep_for(*w, *st.not_before_week_s - w->sc->exercise.start_week_s - w->now());
  std::vector<int> systems = step_systems(*w, st);
  switch (st.action) {
    case StepAction::Restore:
      for (int si : systems) enqueue_restore(*w, si);
      for (int si : systems) wait_restored(*w, si);
      break;
    case StepAction::Ipl:
      run_parallel(*w, systems,
                   [id = st.id](World& ww, int si) { ipl_system(ww, si, "plan step " + id); });
      break;
    case StepAction::Reconfigure:
      run_parallel(*w, systems,
                   [d = st.duration_s](World& ww, int si) { reconfigure_system(ww, si, d); });
      break;
    case StepAction::Xautolog:
      xautolog(*w, step_guests(*w, st),
               st.stagger_s.value_or(w->sc->params.ipl.xautolog_stagger_s));
      break;
    case StepAction::Distributed:
      start_distributed(*w);
      break;
    case StepAction::Wait:
      sleep_for(*w, st.duration_s.value_or(0));
      break;
  }
  w->fire("step:" + st.id);
}

// ---- operator reactions and the monitor ----------------------------------------------

struct Watch {
  double since = -1;
  bool fired = false;
  bool done = false;
};

std::vector<int> select_guests(const World& w, const ReactionSpec& r, int zvm) {
  std::vector<int> out;
  for (size_t gi = 0; gi < w.topo.guests.size(); ++gi) {
    const GuestNode& n = w.topo.guests[gi];
    if (!n.at_dr || n.zvm != zvm) continue;
    const std::string& name = n.spec->name;
    bool pick = r.tiers.empty() && r.guests.empty() && !r.keep.empty();
    pick |= std::find(r.tiers.begin(), r.tiers.end(), n.spec->tier) != r.tiers.end();
    pick |= std::find(r.guests.begin(), r.guests.end(), name) != r.guests.end();
    if (std::find(r.keep.begin(), r.keep.end(), name) != r.keep.end()) pick = false;
    if (pick) out.push_back(static_cast<int>(gi));
  }
  return out;
}

int zvm_of_target(const World& w, const std::string& target) {
  auto it = w.topo.zvm_index.find(target);
  return it == w.topo.zvm_index.end() ? -1 : it->second;
}

void act_force_off(World& w, const ReactionSpec& r) {
  int zi = zvm_of_target(w, r.target);
  if (zi < 0) return;
  int n = 0;
  for (int gi : select_guests(w, r, zi)) {
    n += w.guests[static_cast<size_t>(gi)].logged_on ? 1 : 0;
    force_off(w, gi, "forced off by reaction " + r.id, true);
  }
  w.log_event("operator", r.id, "forced off " + std::to_string(n) + " guests of " + r.target);
}

void act_set_memory(World& w, const ReactionSpec& r) {
  int zi = zvm_of_target(w, r.target);
  int si = w.topo.find_system(r.target);
  if (zi < 0 || si < 0) return;
  Zvm& z = w.zvms[static_cast<size_t>(zi)];
  if (r.memory_bytes) z.real_bytes = *r.memory_bytes;
  if (r.xstor_bytes) z.xstor_bytes = *r.xstor_bytes;
  memory_changed(w, zi);
  w.log_event("operator", r.id,
              r.target + " shut down for " + units::format_size(z.real_bytes) + " storage + " +
                  units::format_size(z.xstor_bytes) + " Xstor, re-IPL");
  std::vector<int> restart;
  for (size_t gi = 0; gi < w.guests.size(); ++gi) {
    if (w.topo.guests[gi].zvm != zi || !w.guests[gi].logged_on) continue;
    restart.push_back(static_cast<int>(gi));
    force_off(w, static_cast<int>(gi), "VM " + r.target + " shut down by " + r.id, false);
  }
  z.steady_cpu = 0;
  poke_zvm(w, zi);
  ipl_system(w, si, "re-IPL with more storage (" + r.id + ")");
  xautolog(w, restart, w.sc->params.ipl.xautolog_stagger_s);
}

void act_define_network(World& w, const ReactionSpec& r) {
  bool found = false;
  for (const auto& h : w.sc->production.networks.hipersockets)
    if (h.name == r.target) w.hipersocket_defined[h.name] = true, found = true;
  for (const auto& v : w.sc->production.networks.vswitches) {
    if (v.name != r.target) continue;
    w.vswitch_at_dr[v.name] = true;
    if (w.vswitch_controllers[v.name].empty()) w.vswitch_controllers[v.name] = v.controllers;
    found = true;
  }
  w.log_event("operator", r.id,
              found ? r.target + " defined at the DR site" : r.target + " unknown");
  w.notify_network();
}

void act_dedicate(World& w, const ReactionSpec& r) {
  int n = std::max(1, r.cpus.value_or(1));
  auto res = w.reserved_dedicated.find(r.target);
  if (res != w.reserved_dedicated.end()) {
    int zi = zvm_of_target(w, r.target);
    int si = w.topo.find_system(r.target);
    if (zi >= 0) w.zvms[static_cast<size_t>(zi)].container = res->second;
    poke_zvm(w, zi);
    if (si >= 0) w.system_container[static_cast<size_t>(si)] = res->second;
  } else {
    int li = w.topo.find_lpar(r.target);
    if (li < 0) return;
    dedicate_lpar(w, li, n);
  }
  w.pool_cps = std::max(1.0, w.pool_cps - n);
  cpu_rebalance(w);
  w.log_event("operator", r.id, std::to_string(n) + " CPs dedicated to " + r.target);
}

void act_start(World& w, const ReactionSpec& r) {
  std::vector<int> gs;
  for (const auto& n : r.guests)
    if (int gi = w.topo.find_guest(n); gi >= 0) gs.push_back(gi);
  w.log_event("operator", r.id, "XAUTOLOG " + std::to_string(gs.size()) + " guests");
  xautolog(w, gs, w.sc->params.ipl.xautolog_stagger_s);
}

void reaction_actor(World* w, size_t idx) {
  const ReactionSpec& r = w->sc->reactions[idx];
  sleep_for(*w, r.lead_time_s);
  switch (r.action) {
    case ActionKind::ForceOff:
      act_force_off(*w, r);
      break;
    case ActionKind::SetMemory:
      act_set_memory(*w, r);
      break;
    case ActionKind::DefineNetwork:
      act_define_network(*w, r);
      break;
    case ActionKind::DedicateCpus:
      act_dedicate(*w, r);
      break;
    case ActionKind::Start:
      act_start(*w, r);
      break;
  }
  w->fire("reaction:" + r.id);
}

bool finding_raised(const World& w, const std::string& code) {
  if (w.noticed.count(code)) return true;
  for (const auto& f : w.result.findings)
    if (f.code == code) return true;
  return false;
}

/// The monitor's latest averages, per z/VM and per CPU container (their index order).
struct Readings {
  bool valid = false;  ///< false until two samples span a window
  std::vector<double> paging, cpu;
};

/// What a paging or CPU condition reads: its z/VM or container index (-1: none by that name).
int condition_index(const World& w, const ReactionSpec& r) {
  if (r.when == ConditionKind::Paging) {
    for (size_t z = 0; z < w.zvms.size(); ++z)
      if (w.zvms[z].node.name == r.subject) return static_cast<int>(z);
  } else if (r.when == ConditionKind::Cpu) {
    for (size_t c = 0; c < w.containers.size(); ++c)
      if (w.containers[c].name == r.subject) return static_cast<int>(c);
  }
  return -1;
}

bool condition_holds(const World& w, const ReactionSpec& r, int index, const Readings& rd) {
  auto idx = static_cast<size_t>(index);
  switch (r.when) {
    case ConditionKind::Paging:
      return rd.valid && index >= 0 && rd.paging[idx] > r.above;
    case ConditionKind::Cpu:
      return rd.valid && index >= 0 && rd.cpu[idx] > r.above;
    case ConditionKind::Finding:
      return finding_raised(w, r.subject);
    case ConditionKind::Time:
      return r.at_week_s && w.now() >= *r.at_week_s - w.sc->exercise.start_week_s;
  }
  return false;
}

void runtime_finding(World& w, const std::string& c, const std::string& subject, double since,
                     const std::string& msg, const std::string& consequence,
                     const std::string& remedy) {
  Finding f;
  f.code = c;
  f.severity = Severity::Warning;
  f.subject = subject;
  f.t_s = since;
  f.message = msg;
  f.consequence = consequence;
  f.remedy = remedy;
  w.result.findings.push_back(f);
}

/// Indexes of `items` in the order of their names (findings of one minute come in that order).
template <class T, class Name>
std::vector<size_t> by_name_order(const std::vector<T>& items, Name name) {
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return name(items[a]) < name(items[b]); });
  return order;
}

/// Watches of the runtime findings, per z/VM and per container (their index order).
struct FindingWatches {
  std::vector<Watch> paging, cpu;
  std::vector<size_t> zvm_order, container_order;
};

void check_runtime_findings(World& w, const Readings& rd, FindingWatches& fw) {
  if (!rd.valid) return;
  const auto& pp = w.sc->params.paging;
  const auto& cp = w.sc->params.cpu;
  for (size_t z : fw.zvm_order) {
    const std::string& vm = w.zvms[z].node.name;
    double rate = rd.paging[z];
    Watch& wt = fw.paging[z];
    if (rate <= pp.overload_pages_per_s) {
      wt.since = -1;
      continue;
    }
    if (wt.since < 0) wt.since = w.now() - 60;
    if (!wt.fired && w.now() - wt.since >= pp.overload_for_s) {
      wt.fired = true;
      runtime_finding(w, code::kPagingOverload, vm, wt.since,
                      vm + " pages above " + std::to_string(std::lround(pp.overload_pages_per_s)) +
                          " pages/s for " + units::format_duration(pp.overload_for_s),
                      "every guest of " + vm + " waits for page I/O; start-ups crawl",
                      "give the VM the storage (and Xstor) production has, add paging volumes, or "
                      "log off non-production guests");
    }
  }
  for (size_t c : fw.container_order) {
    const std::string& lpar = w.containers[c].name;
    double busy = rd.cpu[c];
    Watch& wt = fw.cpu[c];
    if (busy < cp.saturation_busy) {
      wt.since = -1;
      continue;
    }
    if (wt.since < 0) wt.since = w.now() - 60;
    if (!wt.fired && w.now() - wt.since > cp.saturation_for_s) {
      wt.fired = true;
      runtime_finding(w, code::kCpuSaturation, lpar, wt.since,
                      "the logical CPs of " + lpar + " are at 100 % for over an hour",
                      "everything in " + lpar + " runs slower than planned",
                      "dedicate CPs, avoid 3rd-level Linux (own LPAR or guests under the vendor's "
                      "VM), start fewer guests at once");
    }
  }
}

/// Readings are averaged over the last `kAverage` seconds, sampled every `window`.
void monitor_actor(World* w) {
  const double window = 60;
  const size_t kAverage = 10;
  FindingWatches fw;
  fw.paging.resize(w->zvms.size());
  fw.cpu.resize(w->containers.size());
  fw.zvm_order =
      by_name_order(w->zvms, [](const Zvm& z) -> const std::string& { return z.node.name; });
  fw.container_order =
      by_name_order(w->containers, [](const Container& c) -> const std::string& { return c.name; });
  std::vector<Watch> reaction(w->sc->reactions.size());
  std::vector<int> subject(reaction.size());
  for (size_t i = 0; i < reaction.size(); ++i)
    subject[i] = condition_index(*w, w->sc->reactions[i]);
  std::deque<std::vector<double>> hist_pg, hist_cpu;  // integrals at past samples
  Readings rd;
  rd.paging.resize(w->zvms.size());
  rd.cpu.resize(w->containers.size());
  for (;;) {
    sleep_for(*w, window);
    double now = w->now();
    std::vector<double> pg, cpu;
    pg.reserve(w->zvms.size()), cpu.reserve(w->containers.size());
    for (const auto& z : w->zvms) pg.push_back(z.paging_busy.integral(now));
    for (const auto& c : w->containers) cpu.push_back(c.busy.integral(now));
    hist_pg.push_back(std::move(pg)), hist_cpu.push_back(std::move(cpu));
    if (hist_pg.size() > kAverage + 1) hist_pg.pop_front(), hist_cpu.pop_front();
    double span = window * static_cast<double>(hist_pg.size() - 1);
    rd.valid = span > 0;
    for (size_t z = 0; z < w->zvms.size() && rd.valid; ++z)
      rd.paging[z] =
          (hist_pg.back()[z] - hist_pg.front()[z]) / span * w->zvms[z].capacity_pages_per_s;
    for (size_t c = 0; c < w->containers.size() && rd.valid; ++c)
      rd.cpu[c] = (hist_cpu.back()[c] - hist_cpu.front()[c]) / span;
    check_runtime_findings(*w, rd, fw);
    for (size_t i = 0; i < reaction.size(); ++i) {
      const ReactionSpec& r = w->sc->reactions[i];
      Watch& wt = reaction[i];
      if (wt.fired) continue;
      if (!r.after_reaction.empty() && !w->event("reaction:" + r.after_reaction).fired) continue;
      if (!condition_holds(*w, r, subject[i], rd)) {
        wt.since = -1;
        continue;
      }
      if (wt.since < 0)
        wt.since =
            now - (r.when == ConditionKind::Paging || r.when == ConditionKind::Cpu ? window : 0);
      if (now - wt.since + 1e-9 < r.for_s) continue;
      wt.fired = true;
      w->log_event(
          "reaction", r.id,
          "condition met; action takes effect after " + units::format_duration(r.lead_time_s));
      sg4::Actor::create("reaction-" + r.id, w->control, reaction_actor, w, i);
    }
  }
}

void team_actor(World* w, std::shared_ptr<std::deque<int>> queue) {
  const ExerciseSpec& ex = w->sc->exercise;
  while (!queue->empty()) {
    int di = queue->front();
    queue->pop_front();
    Lane& lane = w->lanes[w->dist_lane0 + static_cast<size_t>(di)];
    const DistributedSpec& d = w->sc->production.distributed[static_cast<size_t>(di)];
    lane.begin("work", w->now(), "staff rebuilding it");
    double finish =
        staff_finish_week_s(ex.start_week_s + w->now(), d.work_s, ex.staff_from_s, ex.staff_to_s) -
        ex.start_week_s;
    sleep_for(*w, finish - w->now());
    lane.result().up_s = w->now();
    lane.begin("up", w->now());
  }
}

}  // namespace

void start_distributed(World& w) {
  auto queue = std::make_shared<std::deque<int>>();
  const auto& ds = w.sc->production.distributed;
  for (int pass = 0; pass < 2; ++pass)  // critical systems first, then in listed order
    for (size_t i = 0; i < ds.size(); ++i)
      if (ds[i].critical == (pass == 0)) queue->push_back(static_cast<int>(i));
  int teams = std::max(1, static_cast<int>(std::lround(w.sc->params.distributed.teams)));
  for (int t = 0; t < teams; ++t)
    sg4::Actor::create("team" + std::to_string(t), w.control, team_actor, &w, queue);
}

void start_plan(World& w) {
  const auto& steps = w.sc->plan.steps;
  for (const auto& st : steps) {  // restores queue at once, in plan order
    if (st.action != StepAction::Restore || !restore_only_deps(*w.sc, st)) continue;
    for (const auto& name : st.systems) {
      if (int si = w.topo.find_system(name); si >= 0) enqueue_restore(w, si);
    }
  }
  for (size_t i = 0; i < steps.size(); ++i)
    sg4::Actor::create("step-" + steps[i].id, w.control, step_actor, &w, i);
}

void start_monitor(World& w) {
  sg4::Actor::create("monitor", w.control, monitor_actor, &w);
}

}  // namespace drsim::sim
