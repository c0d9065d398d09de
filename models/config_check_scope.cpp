// Scope rule of the configuration check: critical-not-planned. A critical system the plan
// never brings up (or that waits for a system the plan never brings up) can never count as
// recovered, unless the scenario leaves it out of this test on purpose (plan.out_of_scope).

#include <algorithm>
#include <map>

#include "models/config_check.hpp"
#include "models/config_check_util.hpp"

namespace drsim {

const OutOfScopeSpec* out_of_scope(const Scenario& s, const std::string& name) {
  for (const auto& o : s.plan.out_of_scope)
    if (o.system == name) return &o;
  return nullptr;
}

namespace check_util {
namespace {

bool has_distributed_step(const Scenario& s) {
  return std::any_of(s.plan.steps.begin(), s.plan.steps.end(),
                     [](const StepSpec& st) { return st.action == StepAction::Distributed; });
}

/// Why the plan never brings production system `name` up, or "" when it does.
std::string system_gap(const Scenario& s, const std::string& name) {
  const PlacementSpec* p = find_placement(s, name);
  if (p == nullptr) return "it is not placed at the DR site";
  if (p->mode == PlacementMode::GuestsDirect)
    return "it is not brought up (its guests run directly under the vendor's z/VM " + p->lpar + ")";
  if (!plan_ipls(s, name)) return "no plan step IPLs it";
  return "";
}

/// Why the plan never brings guest `g` up, and the root system that is missing.
std::pair<std::string, std::string> guest_gap(const Scenario& s, const GuestSpec& g) {
  const PlacementSpec* p = find_placement(s, g.vm);
  if (p == nullptr) return {g.vm, "its z/VM " + g.vm + " is not placed at the DR site"};
  if (p->mode == PlacementMode::GuestsDirect && !p->guests.empty() &&
      std::find(p->guests.begin(), p->guests.end(), g.name) == p->guests.end())
    return {g.name, "it does not move to the vendor's z/VM " + p->lpar};
  if (!plan_starts(s, g)) return {g.name, "no XAUTOLOG step of the plan starts it"};
  if (p->mode != PlacementMode::GuestsDirect && !plan_ipls(s, g.vm))
    return {g.vm, "no plan step IPLs its z/VM " + g.vm};
  for (const auto& z : g.needs.zos)
    if (std::string gap = system_gap(s, z); !gap.empty()) return {z, "it waits for z/OS " + z};
  return {"", ""};
}

struct Root {
  std::string why;                      ///< why the root itself is never up
  std::vector<std::string> dependents;  ///< critical systems waiting for it (not the root)
  bool critical = false;                ///< the root itself is critical and in scope
};

void note(std::map<std::string, Root>& roots, std::vector<std::string>& order,
          const std::string& root, const std::string& why, const std::string& dependent) {
  if (roots.find(root) == roots.end()) order.push_back(root);
  Root& r = roots[root];
  if (r.why.empty()) r.why = why;
  if (dependent == root)
    r.critical = true;
  else
    r.dependents.push_back(dependent);
}

std::string root_why(const Scenario& s, const std::string& root) {
  if (find_system(s, root) != nullptr) return system_gap(s, root);
  if (const GuestSpec* g = find_guest(s, root)) return guest_gap(s, *g).second;
  return "the plan has no distributed step";
}

Finding scope_finding(const Scenario& s, const std::string& name, const Root& r) {
  Finding f = make_finding(code::kCriticalNotPlanned, Severity::Error, name);
  const OutOfScopeSpec* oos = out_of_scope(s, name);
  std::string why = root_why(s, name);
  f.message = name + " is never brought up by the plan: " + why;
  if (r.critical) f.message = "critical system " + f.message;
  if (oos != nullptr) f.message += " (out of scope: " + oos->reason + ")";
  if (!r.dependents.empty())
    f.message += "; critical " + std::string(r.dependents.size() == 1 ? "system " : "systems ") +
                 join_names(r.dependents) + (r.dependents.size() == 1 ? " waits" : " wait") +
                 " for it";
  f.production = "critical: the business needs it (or what waits for it) after a disaster";
  f.dr = why;
  f.consequence =
      "the RTO cannot be met: a critical system that never comes up is not recovered, however "
      "fast the rest is";
  f.remedy = "Add " + name +
             " to the plan (restore, IPL or XAUTOLOG it), or, if this test leaves it out on "
             "purpose, list it in plan.out_of_scope with the reason";
  f.pointer = "/plan/steps";
  return f;
}

}  // namespace

void add_scope_findings(const Scenario& s, std::vector<Finding>& out) {
  std::map<std::string, Root> roots;
  std::vector<std::string> order;
  auto in_scope = [&](const std::string& n) { return out_of_scope(s, n) == nullptr; };
  for (const auto& sys : s.production.systems)
    if (sys.critical && in_scope(sys.name) && !system_gap(s, sys.name).empty())
      note(roots, order, sys.name, system_gap(s, sys.name), sys.name);
  for (const auto& g : s.production.guests) {
    if (!g.critical || !in_scope(g.name)) continue;
    auto [root, why] = guest_gap(s, g);
    if (!root.empty()) note(roots, order, root, why, g.name);
  }
  if (!has_distributed_step(s))
    for (const auto& d : s.production.distributed)
      if (d.critical && in_scope(d.name))
        note(roots, order, d.name, "the plan has no distributed step", d.name);
  for (const auto& name : order) out.push_back(scope_finding(s, name, roots[name]));
}

}  // namespace check_util
}  // namespace drsim
