#pragma once
/// \file config_check_util.hpp
/// Look-ups and wording shared by the configuration-check rules (config_check*.cpp).
/// Internal to models/: not part of the check's interface.

#include <optional>
#include <string>
#include <vector>

#include "models/finding.hpp"
#include "models/scenario.hpp"

namespace drsim::check_util {

const SystemSpec* find_system(const Scenario& s, const std::string& name);
const DrLparSpec* find_lpar(const Scenario& s, const std::string& name);
const PlacementSpec* find_placement(const Scenario& s, const std::string& system);
const GuestSpec* find_guest(const Scenario& s, const std::string& name);

/// The guests of production z/VM `vm`, in scenario order.
std::vector<const GuestSpec*> guests_of_vm(const Scenario& s, const std::string& vm);

/// The guests of `vm` that come up at the DR site under `p` (all for lpar/guest modes, the
/// listed ones, or all when none are listed, for guests-direct).
std::vector<const GuestSpec*> guests_moved(const Scenario& s, const PlacementSpec& p);

/// Every guest brought to the DR site, in scenario order.
std::vector<const GuestSpec*> guests_at_dr(const Scenario& s);

/// True when production system `name` or its guests run at the DR site.
bool system_at_dr(const Scenario& s, const std::string& name);

/// The working set of a guest: given, or linux_ws_fraction x its virtual memory.
double working_set(const GuestSpec& g, const ModelParams& params);

/// True when some plan step XAUTOLOGs guest `g` (by name, or "*" of its VM or its DR host).
bool plan_starts(const Scenario& s, const GuestSpec& g);

/// The guest is at DR, the plan XAUTOLOGs it and its z/VM comes up (a plan step IPLs the
/// customer's VM, or the guest runs directly under the vendor's VM, which is always up).
bool plan_brings_up(const Scenario& s, const GuestSpec& g);

/// True when some plan step IPLs production system `name`.
bool plan_ipls(const Scenario& s, const std::string& name);

/// "base/key", or "" when base is empty (hand-built specs carry no pointer).
std::string child_pointer(const std::string& base, const std::string& key);

/// "A, B and C"; beyond `max` names: "A, B, C and 20 more".
std::string join_names(const std::vector<std::string>& names, std::size_t max = 6);

/// Names of guests.
std::vector<std::string> names_of(const std::vector<const GuestSpec*>& guests);

/// "8GB + 2GB Xstor", "3.5GB, no Xstor", "not stated".
std::string memory_text(std::optional<double> memory, std::optional<double> xstor);

/// A finding with its identity filled in; the rule adds the words.
Finding make_finding(const char* code, Severity sev, const std::string& subject);

/// The rules, one per concern; each appends its findings in any order.
void add_memory_findings(const Scenario& s,
                         std::vector<Finding>& out);                  ///< config_check_memory.cpp
void add_cpu_findings(const Scenario& s, std::vector<Finding>& out);  ///< config_check.cpp
void add_network_findings(const Scenario& s,
                          std::vector<Finding>& out);  ///< config_check_network.cpp
void add_scope_findings(const Scenario& s, std::vector<Finding>& out);  ///< config_check_scope.cpp

}  // namespace drsim::check_util
