#include "models/scenario.hpp"

#include "models/scenario_parse.hpp"

namespace drsim {

using nlohmann::json;

namespace {

/// A value's name in its parse table: the one spelling of each scenario enum.
template <typename E>
const char* name_in(const ChoiceTable<E>& table, E value) {
  for (const auto& [name, e] : table)
    if (e == value) return name;
  return "?";
}

}  // namespace

const ChoiceTable<SystemKind>& system_kind_table() {
  static const ChoiceTable<SystemKind> t{{"zos", SystemKind::Zos}, {"zvm", SystemKind::Zvm}};
  return t;
}

const ChoiceTable<GuestKind>& guest_kind_table() {
  static const ChoiceTable<GuestKind> t{{"linux", GuestKind::Linux}, {"cms", GuestKind::Cms}};
  return t;
}

const ChoiceTable<Tier>& tier_table() {
  static const ChoiceTable<Tier> t{
      {"production", Tier::Production}, {"qa", Tier::Qa}, {"dev", Tier::Dev}, {"test", Tier::Test}};
  return t;
}

const ChoiceTable<GuestRole>& guest_role_table() {
  static const ChoiceTable<GuestRole> t{{"tcpip", GuestRole::Tcpip},
                                        {"vswitch-controller", GuestRole::VswitchController},
                                        {"hipersocket-router", GuestRole::HipersocketRouter}};
  return t;
}

const ChoiceTable<PlacementMode>& placement_mode_table() {
  static const ChoiceTable<PlacementMode> t{{"lpar", PlacementMode::Lpar},
                                            {"guest", PlacementMode::Guest},
                                            {"guests-direct", PlacementMode::GuestsDirect}};
  return t;
}

const ChoiceTable<StepAction>& step_action_table() {
  static const ChoiceTable<StepAction> t{
      {"restore", StepAction::Restore},         {"ipl", StepAction::Ipl},
      {"reconfigure", StepAction::Reconfigure}, {"xautolog", StepAction::Xautolog},
      {"distributed", StepAction::Distributed}, {"wait", StepAction::Wait}};
  return t;
}

const ChoiceTable<ConditionKind>& condition_kind_table() {
  static const ChoiceTable<ConditionKind> t{{"paging", ConditionKind::Paging},
                                            {"cpu", ConditionKind::Cpu},
                                            {"finding", ConditionKind::Finding},
                                            {"time", ConditionKind::Time}};
  return t;
}

const ChoiceTable<ActionKind>& action_kind_table() {
  static const ChoiceTable<ActionKind> t{{"force-off", ActionKind::ForceOff},
                                         {"set-memory", ActionKind::SetMemory},
                                         {"define-network", ActionKind::DefineNetwork},
                                         {"dedicate-cpus", ActionKind::DedicateCpus},
                                         {"start", ActionKind::Start}};
  return t;
}

const char* to_string(SystemKind k) {
  return name_in(system_kind_table(), k);
}
const char* to_string(GuestKind k) {
  return name_in(guest_kind_table(), k);
}
const char* to_string(Tier t) {
  return name_in(tier_table(), t);
}
const char* to_string(GuestRole r) {  // no role is no key in a scenario: "none" in reports
  return r == GuestRole::None ? "none" : name_in(guest_role_table(), r);
}
const char* to_string(PlacementMode m) {
  return name_in(placement_mode_table(), m);
}
const char* to_string(StepAction a) {
  return name_in(step_action_table(), a);
}
const char* to_string(ConditionKind k) {
  return name_in(condition_kind_table(), k);
}
const char* to_string(ActionKind k) {
  return name_in(action_kind_table(), k);
}

namespace {

void parse_exercise(const json& v, const std::string& ptr, Diagnostics& d, ExerciseSpec& out) {
  ObjectReader r(v, ptr, d, {"start", "end", "rto", "staff_hours"});
  r.unit("start", units::parse_week_time, out.start_week_s, Bounds{});
  r.unit("end", units::parse_week_time, out.end_week_s, Bounds{});
  r.unit("rto", units::parse_duration, out.rto_s, Bounds{0, 1e15, true});
  const json* hours = r.child("staff_hours");
  if (hours == nullptr) return;
  ObjectReader h(*hours, r.ptr("staff_hours"), d, {"from", "to"});
  h.unit("from", units::parse_time_of_day, out.staff_from_s, Bounds{});
  h.unit("to", units::parse_time_of_day, out.staff_to_s, Bounds{});
}

/// Reads a required section, reporting its absence once.
const json* section(const ObjectReader& r, const char* key) {
  const json* v = r.child(key);
  if (v == nullptr && r.ok())
    r.diags().add(r.ptr(key), "is missing", "this section (it is required)");
  return v;
}

}  // namespace

void parse_machine(const json& v, const std::string& ptr, Diagnostics& d, MachineSpec& out) {
  ObjectReader r(v, ptr, d, {"model", "cps", "ifls", "engine_mips"});
  out.pointer = ptr;
  r.string("model", out.model);
  r.integer("cps", out.cps, Bounds{0, 1000});
  r.integer("ifls", out.ifls, Bounds{0, 1000});
  r.number("engine_mips", out.engine_mips, Bounds{0, 1e6, true});
}

Scenario parse_scenario(const json& doc, Diagnostics& d) {
  Scenario s;
  s.file = d.file();
  ObjectReader r(doc, "", d,
                 {"$schema", "schema_version", "name", "description", "exercise", "production",
                  "dr_site", "backups", "plan", "reactions", "parameters", "risks"});
  if (!r.ok()) return s;
  r.integer("schema_version", s.schema_version, Bounds{1, 1}, Need::Required);
  r.string("name", s.name, Need::Required);
  r.string("description", s.description, Need::Optional, false);
  std::string schema_uri;  // "$schema": for editors; drsim reads nothing from it
  r.string("$schema", schema_uri, Need::Optional, false);
  if (const json* v = r.child("exercise")) parse_exercise(*v, r.ptr("exercise"), d, s.exercise);
  if (const json* v = section(r, "production"))
    parse_production(*v, r.ptr("production"), d, s.production);
  if (const json* v = section(r, "dr_site")) parse_dr_site(*v, r.ptr("dr_site"), d, s.dr_site);
  if (const json* v = section(r, "backups")) parse_backups(*v, r.ptr("backups"), d, s.backups);
  if (const json* v = section(r, "plan")) parse_plan(*v, r.ptr("plan"), d, s.plan);
  if (const json* v = r.child("reactions")) parse_reactions(*v, r.ptr("reactions"), d, s.reactions);
  if (const json* v = r.child("parameters")) parse_params(*v, r.ptr("parameters"), d, s.params);
  if (const json* v = r.child("risks")) parse_risks(*v, r.ptr("risks"), d, s);
  return s;
}

}  // namespace drsim
