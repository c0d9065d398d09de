#include "models/config_check_index.hpp"

namespace drsim::check_util {

namespace {

thread_local const CheckIndex* active = nullptr;

template <typename T, typename Map>
void index_by(const std::vector<T>& items, std::string T::*key, Map& out) {
  out.reserve(items.size());
  for (const auto& x : items) out.emplace(x.*key, &x);  // emplace keeps the first
}

const std::vector<const GuestSpec*> kNoGuests;

}  // namespace

CheckIndex::CheckIndex(const Scenario& s) : s_(&s) {
  index_by(s.production.systems, &SystemSpec::name, systems_);
  index_by(s.dr_site.lpars, &DrLparSpec::name, lpars_);
  index_by(s.production.guests, &GuestSpec::name, guests_);
  index_by(s.dr_site.placements, &PlacementSpec::system, placements_);
  for (const auto& g : s.production.guests) guests_of_vm_[g.vm].push_back(&g);
  for (const auto& step : s.plan.steps) {
    if (step.action == StepAction::Ipl)
      for (const auto& name : step.systems) ipled_.insert(name);
    if (step.action != StepAction::Xautolog) continue;
    for (const auto& name : step.guests) {
      if (name != "*") {
        named_.insert(name);
      } else if (step.vm.empty()) {
        star_any_ = true;
      } else {
        star_vms_.insert(step.vm);
      }
    }
  }
}

const std::vector<const GuestSpec*>& CheckIndex::guests_of_vm(const std::string& vm) const {
  auto it = guests_of_vm_.find(vm);
  return it == guests_of_vm_.end() ? kNoGuests : it->second;
}

IndexScope::IndexScope(const Scenario& s) : previous_(active) {
  if (active != nullptr && &active->scenario() == &s) return;
  own_ = std::make_unique<CheckIndex>(s);
  active = own_.get();
}

IndexScope::~IndexScope() {
  if (own_ != nullptr) active = previous_;
}

const CheckIndex* index_of(const Scenario& s) {
  return active != nullptr && &active->scenario() == &s ? active : nullptr;
}

}  // namespace drsim::check_util
