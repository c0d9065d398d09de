#include "models/config_check_util.hpp"

#include <algorithm>

#include "models/config_check_index.hpp"
#include "models/units.hpp"

namespace drsim::check_util {

namespace {

template <typename T>
const T* find_named(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.name == name; });
  return it == items.end() ? nullptr : &*it;
}

bool listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// The names a "*" XAUTOLOG step may use for the VM that hosts guest g at DR.
bool step_vm_hosts(const Scenario& s, const StepSpec& step, const GuestSpec& g) {
  if (step.vm.empty() || step.vm == g.vm) return true;
  const PlacementSpec* p = find_placement(s, g.vm);
  return p != nullptr && p->mode == PlacementMode::GuestsDirect && step.vm == p->lpar;
}

}  // namespace

const SystemSpec* find_system(const Scenario& s, const std::string& name) {
  if (const CheckIndex* ix = index_of(s)) return ix->system(name);
  return find_named(s.production.systems, name);
}

const DrLparSpec* find_lpar(const Scenario& s, const std::string& name) {
  if (const CheckIndex* ix = index_of(s)) return ix->lpar(name);
  return find_named(s.dr_site.lpars, name);
}

const GuestSpec* find_guest(const Scenario& s, const std::string& name) {
  if (const CheckIndex* ix = index_of(s)) return ix->guest(name);
  return find_named(s.production.guests, name);
}

const PlacementSpec* find_placement(const Scenario& s, const std::string& system) {
  if (const CheckIndex* ix = index_of(s)) return ix->placement(system);
  const auto& ps = s.dr_site.placements;
  auto it = std::find_if(ps.begin(), ps.end(), [&](const auto& p) { return p.system == system; });
  return it == ps.end() ? nullptr : &*it;
}

std::vector<const GuestSpec*> guests_of_vm(const Scenario& s, const std::string& vm) {
  if (const CheckIndex* ix = index_of(s)) return ix->guests_of_vm(vm);
  std::vector<const GuestSpec*> out;
  for (const auto& g : s.production.guests)
    if (g.vm == vm) out.push_back(&g);
  return out;
}

std::vector<const GuestSpec*> guests_moved(const Scenario& s, const PlacementSpec& p) {
  auto all = guests_of_vm(s, p.system);
  if (p.mode != PlacementMode::GuestsDirect || p.guests.empty()) return all;
  std::vector<const GuestSpec*> out;
  for (const auto* g : all)
    if (listed(p.guests, g->name)) out.push_back(g);
  return out;
}

std::vector<const GuestSpec*> guests_at_dr(const Scenario& s) {
  std::vector<const GuestSpec*> out;
  for (const auto& g : s.production.guests) {
    const PlacementSpec* p = find_placement(s, g.vm);
    if (p == nullptr) continue;
    if (p->mode != PlacementMode::GuestsDirect || p->guests.empty() || listed(p->guests, g.name))
      out.push_back(&g);
  }
  return out;
}

bool system_at_dr(const Scenario& s, const std::string& name) {
  const PlacementSpec* p = find_placement(s, name);
  if (p == nullptr) return false;
  return p->mode != PlacementMode::GuestsDirect || !guests_moved(s, *p).empty();
}

double working_set(const GuestSpec& g, const ModelParams& params) {
  return g.working_set_bytes.value_or(params.paging.linux_ws_fraction * g.virtual_bytes);
}

namespace {

/// plan_starts with the index: the same answer without a pass over the steps.
bool indexed_plan_starts(const CheckIndex& ix, const GuestSpec& g) {
  if (ix.autologged_by_name(g.name) || ix.autologged_all_of(g.vm)) return true;
  const PlacementSpec* p = ix.placement(g.vm);
  return p != nullptr && p->mode == PlacementMode::GuestsDirect && ix.autologged_all_of(p->lpar);
}

}  // namespace

bool plan_starts(const Scenario& s, const GuestSpec& g) {
  if (const CheckIndex* ix = index_of(s)) return indexed_plan_starts(*ix, g);
  for (const auto& step : s.plan.steps) {
    if (step.action != StepAction::Xautolog) continue;
    if (listed(step.guests, g.name)) return true;
    if (listed(step.guests, "*") && step_vm_hosts(s, step, g)) return true;
  }
  return false;
}

bool plan_ipls(const Scenario& s, const std::string& name) {
  if (const CheckIndex* ix = index_of(s)) return ix->ipled(name);
  for (const auto& step : s.plan.steps)
    if (step.action == StepAction::Ipl && listed(step.systems, name)) return true;
  return false;
}

bool plan_brings_up(const Scenario& s, const GuestSpec& g) {
  const PlacementSpec* p = find_placement(s, g.vm);
  if (p == nullptr || !plan_starts(s, g)) return false;
  if (p->mode == PlacementMode::GuestsDirect) return p->guests.empty() || listed(p->guests, g.name);
  return plan_ipls(s, g.vm);
}

std::string child_pointer(const std::string& base, const std::string& key) {
  return base.empty() ? std::string() : base + "/" + key;
}

std::string join_names(const std::vector<std::string>& names, std::size_t max) {
  if (names.empty()) return "";
  std::size_t shown = names.size() > max ? max : names.size();
  std::string out = names[0];
  for (std::size_t i = 1; i < shown; ++i)
    out += (i + 1 == shown && shown == names.size() ? " and " : ", ") + names[i];
  if (shown < names.size()) out += " and " + std::to_string(names.size() - shown) + " more";
  return out;
}

std::vector<std::string> names_of(const std::vector<const GuestSpec*>& guests) {
  std::vector<std::string> out;
  out.reserve(guests.size());
  for (const auto* g : guests) out.push_back(g->name);
  return out;
}

std::string memory_text(std::optional<double> memory, std::optional<double> xstor) {
  if (!memory) return "memory not stated";
  std::string out = units::format_size(*memory);
  if (!xstor) return out + ", Xstor not stated";
  if (*xstor <= 0) return out + ", no Xstor";
  return out + " + " + units::format_size(*xstor) + " Xstor";
}

Finding make_finding(const char* code, Severity sev, const std::string& subject) {
  Finding f;
  f.code = code;
  f.severity = sev;
  f.subject = subject;
  return f;
}

}  // namespace drsim::check_util
