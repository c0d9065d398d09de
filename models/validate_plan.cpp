#include <algorithm>

#include "models/finding.hpp"
#include "models/validate.hpp"

namespace drsim {
namespace {

const std::vector<std::string>& guests_of(const ScenarioNames& n, const std::string& vm) {
  static const std::vector<std::string> none;
  auto it = n.guests_of_vm.find(vm);
  return it == n.guests_of_vm.end() ? none : it->second;
}

void check_step(const StepSpec& st, const ScenarioNames& n, Diagnostics& d) {
  for (size_t i = 0; i < st.systems.size(); ++i)
    check_ref(st.systems[i], n.systems.names(), st.pointer + "/systems/" + std::to_string(i), d,
              "a production system");
  for (size_t i = 0; i < st.after.size(); ++i) {
    std::string p = st.pointer + "/after/" + std::to_string(i);
    if (st.after[i] == st.id)
      d.add(p, "step \"" + st.id + "\" waits for itself", "the id of another step");
    else
      check_ref(st.after[i], n.steps.names(), p, d, "a step id");
  }
  if (st.action != StepAction::Xautolog) return;
  if (!st.vm.empty() && !check_ref(st.vm, n.zvm, st.pointer + "/vm", d, "a production z/VM system"))
    return;
  bool star = std::find(st.guests.begin(), st.guests.end(), "*") != st.guests.end();
  if (star && st.guests.size() > 1)
    d.add(st.pointer + "/guests", "mixes \"*\" with names",
          "either [\"*\"] (all remaining guests) or a list of names");
  if (st.guests.empty() && !st.vm.empty())
    d.add(st.pointer + "/guests", "is empty", "guest names of " + st.vm + ", or [\"*\"]");
  for (size_t i = 0; i < st.guests.size() && !star; ++i)
    check_ref(st.guests[i], guests_of(n, st.vm), st.pointer + "/guests/" + std::to_string(i), d,
              "a guest of " + st.vm);
}

/// Reports each dependency cycle once, naming the ids in order.
template <typename T, typename EdgesOf>
void check_cycles(const std::vector<T>& items, const NameIndex& index, const char* what,
                  Diagnostics& d, EdgesOf edges_of) {
  std::vector<std::vector<size_t>> edges(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    if (index.index_of(items[i].id) != static_cast<int>(i))
      continue;  // duplicates are reported elsewhere
    for (const auto& dep : edges_of(items[i])) {
      int j = index.index_of(dep);
      if (j >= 0 && static_cast<size_t>(j) != i) edges[i].push_back(static_cast<size_t>(j));
    }
  }
  for (const auto& cycle : find_cycles(edges)) {
    std::string names;
    for (size_t k : cycle) names += (names.empty() ? "" : " -> ") + items[k].id;
    d.add(items[cycle.front()].pointer,
          std::string("dependency cycle among ") + what + ": " + names,
          "dependencies that end (no cycle)");
  }
}

void check_subject(const ReactionSpec& r, const ScenarioNames& n, Diagnostics& d) {
  static const std::vector<std::string> codes{code::kMemoryShortfall,
                                              code::kNoExpandedStorage,
                                              code::kThirdLevelGuests,
                                              code::kSharedCpus,
                                              code::kMissingHipersockets,
                                              code::kMissingHipersocketRouter,
                                              code::kMissingVswitchController,
                                              code::kDeviceAddressChange,
                                              code::kPagingOverload,
                                              code::kCpuSaturation,
                                              code::kRtoMissed,
                                              code::kCriticalNotPlanned,
                                              code::kMissingOsa,
                                              code::kCriticalForcedOff};
  std::string p = r.pointer + "/when/subject";
  switch (r.when) {
    case ConditionKind::Paging:
      check_ref(r.subject, n.zvm, p, d, "a production z/VM system");
      break;
    case ConditionKind::Cpu:
      check_ref(r.subject, n.lpars.names(), p, d, "a DR LPAR");
      break;
    case ConditionKind::Finding:
      check_ref(r.subject, codes, p, d, "a finding code");
      break;
    case ConditionKind::Time:
      break;
  }
}

void check_guest_lists(const ReactionSpec& r, const ScenarioNames& n, Diagnostics& d) {
  const std::vector<std::string>& valid = guests_of(n, r.target);
  for (size_t i = 0; i < r.guests.size(); ++i)
    check_ref(r.guests[i], valid, r.pointer + "/action/guests/" + std::to_string(i), d,
              "a guest of " + r.target);
  for (size_t i = 0; i < r.keep.size(); ++i)
    check_ref(r.keep[i], valid, r.pointer + "/action/keep/" + std::to_string(i), d,
              "a guest of " + r.target);
}

void check_target(const ReactionSpec& r, const ScenarioNames& n, Diagnostics& d) {
  std::string p = r.pointer + "/action/target";
  std::vector<std::string> systems_and_lpars = n.systems.names();
  systems_and_lpars.insert(systems_and_lpars.end(), n.lpars.names().begin(), n.lpars.names().end());
  switch (r.action) {
    case ActionKind::ForceOff:
    case ActionKind::Start:
      if (check_ref(r.target, n.zvm, p, d, "a production z/VM system")) check_guest_lists(r, n, d);
      break;
    case ActionKind::SetMemory:
    case ActionKind::DedicateCpus:
      check_ref(r.target, systems_and_lpars, p, d, "a production system or a DR LPAR");
      break;
    case ActionKind::DefineNetwork:
      check_ref(r.target, n.networks, p, d, "a production Hipersocket or VSWITCH");
      break;
  }
}

void check_out_of_scope(const Scenario& s, const ScenarioNames& n, Diagnostics& d) {
  std::vector<std::string> valid = n.systems.names();
  valid.insert(valid.end(), n.guests.names().begin(), n.guests.names().end());
  for (const auto& ds : s.production.distributed) valid.push_back(ds.name);
  std::vector<std::string> seen;
  for (const auto& o : s.plan.out_of_scope) {
    if (!check_ref(o.system, valid, o.pointer + "/system", d,
                   "a production system, guest or distributed system"))
      continue;
    if (std::find(seen.begin(), seen.end(), o.system) != seen.end())
      d.add(o.pointer + "/system", "\"" + o.system + "\" is listed twice", "each system once");
    seen.push_back(o.system);
  }
}

}  // namespace

void validate_plan(const Scenario& s, const ScenarioNames& n, Diagnostics& d) {
  check_out_of_scope(s, n, d);
  for (const auto& st : s.plan.steps) check_step(st, n, d);
  check_cycles(s.plan.steps, n.steps, "plan steps", d, [](const StepSpec& st) { return st.after; });
}

void validate_reactions(const Scenario& s, const ScenarioNames& n, Diagnostics& d) {
  for (const auto& r : s.reactions) {
    if (!r.subject.empty()) check_subject(r, n, d);
    if (!r.target.empty()) check_target(r, n, d);
    if (r.after_reaction.empty()) continue;
    std::string p = r.pointer + "/when/after_reaction";
    if (r.after_reaction == r.id)
      d.add(p, "reaction \"" + r.id + "\" waits for itself", "the id of another reaction");
    else
      check_ref(r.after_reaction, n.reactions.names(), p, d, "a reaction id");
  }
  check_cycles(s.reactions, n.reactions, "reactions", d, [](const ReactionSpec& r) {
    return r.after_reaction.empty() ? std::vector<std::string>{}
                                    : std::vector<std::string>{r.after_reaction};
  });
}

}  // namespace drsim
