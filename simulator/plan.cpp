// The recovery plan's steps (see plan.hpp).
#include "simulator/plan.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <set>

#include "models/units.hpp"
#include "simulator/activity.hpp"
#include "simulator/world.hpp"

namespace drsim::sim {
namespace {

/// The guests an XAUTOLOG step starts: those it names, and for "*" every guest of its VM
/// that no other XAUTOLOG step names.
std::vector<Guest*> step_guests(World& w, const StepSpec& st) {
  std::vector<Guest*> out;
  std::set<std::string> named_elsewhere;
  for (const auto& other : w.sc->plan.steps)
    if (&other != &st && other.action == StepAction::Xautolog)
      for (const auto& g : other.guests)
        if (g != "*") named_elsewhere.insert(g);
  for (const auto& name : st.guests) {
    if (name != "*") {
      if (Guest* g = w.find_guest(name)) out.push_back(g);
      continue;
    }
    for (Guest* g : w.guests_of_vm(st.vm)) {
      if (!named_elsewhere.contains(g->name()) && std::find(out.begin(), out.end(), g) == out.end())
        out.push_back(g);
    }
  }
  return out;
}

std::vector<System*> step_systems(World& w, const StepSpec& st) {
  std::vector<System*> out;
  for (const auto& n : st.systems)
    if (System* s = w.find_system(n)) out.push_back(s);
  return out;
}

/// Runs fn on every system at once (a crew member each) and waits for them all.
void run_parallel(World& w, const std::vector<System*>& systems,
                  const std::function<void(System&)>& fn) {
  if (systems.empty()) return;
  auto left = std::make_shared<size_t>(systems.size());
  auto all_done = std::make_shared<Event>();
  for (System* s : systems)
    w.crew.run(w.control, "sys-" + s->name(), [fn, s, left, all_done] {
      fn(*s);
      if (--*left == 0) all_done->fire();
    });
  all_done->wait();
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

}  // namespace

void Step::start(World& w) {
  w.crew.run(w.control, "step-" + spec.id, [this, &w] { run(w); });
}

void Step::wait_to_start(World& w, const std::vector<Lane*>& lanes) {
  const Step* last = nullptr;
  for (const auto& dep : spec.after) {
    if (Step* before = w.find_step(dep)) {
      before->done.wait();
      if (!last || before->done_at >= last->done_at) last = before;
    } else {
      Event().wait();  // an unknown step never ends (the validator rejects it)
    }
  }
  if (last && w.now() > 0) {
    attribution::Segment s;
    s.cause = attribution::Cause::Predecessor;
    s.cls = attribution::default_class(s.cause);
    s.resource = "step " + last->spec.id;
    s.detail = "plan step " + spec.id + " comes after " + last->spec.id;
    s.end = w.now();
    s.gate = last->gate;
    s.gate_at = last->gate_at;
    waits_.push_back(s);
  }
  if (spec.not_before_week_s) {
    double t = w.now();
    sleep_for(w, *spec.not_before_week_s - w.sc->exercise.start_week_s - w.now());
    attribution::Segment s;
    s.cause = attribution::Cause::Predecessor;
    s.cls = attribution::default_class(s.cause);
    s.resource = "step " + spec.id;
    s.detail = "not before " + units::format_week_time(*spec.not_before_week_s);
    s.start = t, s.end = w.now();
    if (s.end > s.start) waits_.push_back(s);
  }
  attribution::Segment off = w.wait_for(step_performer(spec), spec.id, lanes);
  if (off.end > off.start) waits_.push_back(off);
}

void Step::hand_waits(World& w) {
  auto give = [this](Recorder& rec) {
    for (const auto& s : waits_) rec.add(s);
  };
  switch (spec.action) {
    case StepAction::Restore:
    case StepAction::Ipl:
      for (System* s : step_systems(w, spec)) give(s->rec);
      break;
    case StepAction::Xautolog:
      for (Guest* g : step_guests(w, spec))
        if (!g->logged_on) give(g->rec);
      break;
    case StepAction::Distributed:
      for (auto& d : w.distributed) give(d.rec);
      break;
    case StepAction::Reconfigure:
    case StepAction::Wait:
      break;
  }
}

void Step::note_gate(World& w) {
  done_at = w.now();
  double best = -1;
  auto consider = [&](const std::string& name, std::optional<double> t) {
    if (t && *t >= best) best = *t, gate = name, gate_at = t;
  };
  switch (spec.action) {
    case StepAction::Restore:
      for (System* s : step_systems(w, spec))
        if (s->restore.done) consider(s->name(), s->restore.end);
      break;
    case StepAction::Ipl:
      for (System* s : step_systems(w, spec))
        if (s->up) consider(s->name(), w.now());
      break;
    case StepAction::Xautolog:
      for (Guest* g : step_guests(w, spec))
        if (g->logged_on) consider(g->name(), g->logged_on_at);
      break;
    case StepAction::Reconfigure:
    case StepAction::Distributed:
    case StepAction::Wait:
      break;
  }
  if (best < 0) {  // nothing of its own: what it waited for
    for (auto it = waits_.rbegin(); it != waits_.rend() && gate.empty(); ++it)
      if (!it->gate.empty()) gate = it->gate, gate_at = it->gate_at;
  }
}

void Step::run(World& w) {
  std::vector<System*> systems = step_systems(w, spec);
  std::vector<Lane*> lanes;
  if (spec.action == StepAction::Ipl || spec.action == StepAction::Reconfigure)
    for (System* s : systems) lanes.push_back(&s->lane);
  wait_to_start(w, lanes);
  hand_waits(w);
  const std::string by = "step " + spec.id;
  switch (spec.action) {
    case StepAction::Restore:
      for (System* s : systems) w.tape.enqueue(*s);
      for (System* s : systems) w.tape.wait_restored(*s);
      break;
    case StepAction::Ipl:
      run_parallel(w, systems, [&w, &id = spec.id](System& s) { s.ipl(w, "plan step " + id); });
      break;
    case StepAction::Reconfigure:
      run_parallel(w, systems, [&w, d = spec.duration_s](System& s) { s.reconfigure(w, d); });
      break;
    case StepAction::Xautolog:
      xautolog(w, step_guests(w, spec),
               spec.stagger_s.value_or(w.sc->params.ipl.xautolog_stagger_s), by);
      break;
    case StepAction::Distributed:
      start_distributed(w);
      break;
    case StepAction::Wait:
      sleep_for(w, spec.duration_s.value_or(0));
      break;
  }
  note_gate(w);
  done.fire();
}

void start_plan(World& w) {
  for (const auto& st : w.sc->plan.steps) {  // restores queue at once, in plan order
    if (st.action != StepAction::Restore || !restore_only_deps(*w.sc, st)) continue;
    for (const auto& name : st.systems)
      if (System* s = w.find_system(name)) w.tape.enqueue(*s);
  }
  for (auto& step : w.steps) step.start(w);
}

}  // namespace drsim::sim
