#pragma once
/// \file config_check_index.hpp
/// Name indexes of one scenario for the configuration check's look-ups (config_check_util):
/// systems, LPARs, guests and placements by name, the guests of each z/VM, and what the plan
/// IPLs and XAUTOLOGs. Without them a site of thousands of guests and LPARs costs the check
/// a scan of every placement per guest per plan step (issue 18: 30 % of a 5,000-guest run
/// with 1,100 LPARs). Internal to models/.

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "models/scenario.hpp"

namespace drsim::check_util {

/// The indexes of one scenario, built once; valid while the scenario is neither changed
/// nor moved. The first of several specs with one name wins, as a linear scan finds it.
class CheckIndex {
 public:
  explicit CheckIndex(const Scenario& s);

  const Scenario& scenario() const { return *s_; }
  const SystemSpec* system(const std::string& name) const { return find(systems_, name); }
  const DrLparSpec* lpar(const std::string& name) const { return find(lpars_, name); }
  const GuestSpec* guest(const std::string& name) const { return find(guests_, name); }
  const PlacementSpec* placement(const std::string& system) const {
    return find(placements_, system);
  }
  /// The guests of production z/VM `vm`, in scenario order.
  const std::vector<const GuestSpec*>& guests_of_vm(const std::string& vm) const;
  /// Some XAUTOLOG step lists guest `name` by name.
  bool autologged_by_name(const std::string& name) const { return named_.contains(name); }
  /// Some XAUTOLOG step lists "*" for `vm` (or for every VM: a step with no vm).
  bool autologged_all_of(const std::string& vm) const {
    return star_any_ || star_vms_.contains(vm);
  }
  /// Some IPL step lists production system `name`.
  bool ipled(const std::string& name) const { return ipled_.contains(name); }

 private:
  template <typename T>
  using ByName = std::unordered_map<std::string_view, const T*>;
  template <typename T>
  static const T* find(const ByName<T>& m, const std::string& name) {
    auto it = m.find(name);
    return it == m.end() ? nullptr : it->second;
  }

  const Scenario* s_;
  ByName<SystemSpec> systems_;
  ByName<DrLparSpec> lpars_;
  ByName<GuestSpec> guests_;
  ByName<PlacementSpec> placements_;
  std::unordered_map<std::string_view, std::vector<const GuestSpec*>> guests_of_vm_;
  std::unordered_set<std::string_view> named_, star_vms_, ipled_;
  bool star_any_ = false;
};

/// While alive, the check's look-ups of `s` (config_check_util.hpp) use a CheckIndex built
/// here; nested scopes of the same scenario share the outermost one. Entry points of the check
/// (static_findings, vendor_questions, resolve_dr_networks) open one; a look-up outside any
/// scope scans, as before. Per thread.
class IndexScope {
 public:
  explicit IndexScope(const Scenario& s);
  ~IndexScope();
  IndexScope(const IndexScope&) = delete;
  IndexScope& operator=(const IndexScope&) = delete;

 private:
  const CheckIndex* previous_;
  std::unique_ptr<CheckIndex> own_;
};

/// The index of the innermost scope when it is `s`'s, else null.
const CheckIndex* index_of(const Scenario& s);

}  // namespace drsim::check_util
