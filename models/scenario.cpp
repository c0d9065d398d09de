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

Performer step_performer(const StepSpec& s) {
  if (s.by) return *s.by;
  bool person = s.action == StepAction::Reconfigure || s.action == StepAction::Distributed;
  return person ? Performer::Customer : Performer::Operations;
}

Performer reaction_performer(const ReactionSpec& r) {
  if (r.by) return *r.by;
  bool customer = r.action == ActionKind::ForceOff || r.action == ActionKind::Start;
  return customer ? Performer::Customer : Performer::ChangeDesk;
}

CalendarSpec calendar_of(const ExerciseSpec& e, Performer p) {
  switch (p) {
    case Performer::Operations:
      return e.operations;
    case Performer::ChangeDesk:
      return e.change_desk;
    case Performer::Customer:
      break;
  }
  if (e.customer) return *e.customer;
  CalendarSpec c;
  if (e.staff_from_s && e.staff_to_s)
    c.always = false, c.from_s = *e.staff_from_s, c.to_s = *e.staff_to_s;
  return c;
}

const ChoiceTable<Performer>& performer_table() {
  static const ChoiceTable<Performer> t{{"operations", Performer::Operations},
                                        {"customer", Performer::Customer},
                                        {"change-desk", Performer::ChangeDesk}};
  return t;
}

const char* to_string(Performer p) {
  return name_in(performer_table(), p);
}

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

/// "24x7", or {"from": "08:00", "to": "17:00", "days": ["Mon", ... ]} (days default: all).
void parse_calendar(const json& v, const std::string& ptr, Diagnostics& d, CalendarSpec& out) {
  if (v.is_string()) {
    if (v.get_ref<const std::string&>() == "24x7") return void(out = CalendarSpec{});
    return d.add(ptr, "unknown calendar " + quote_for_message(v.get<std::string>()),
                 "\"24x7\" or {\"from\", \"to\", \"days\"}");
  }
  ObjectReader r(v, ptr, d, {"from", "to", "days"});
  if (!r.ok()) return;
  out.always = false;
  r.unit("from", units::parse_time_of_day, out.from_s, Bounds{}, Need::Required);
  r.unit("to", units::parse_time_of_day, out.to_s, Bounds{}, Need::Required);
  if (out.to_s <= out.from_s && r.has("from") && r.has("to"))
    d.add(r.ptr("to"), "is not after \"from\"", "a time of day after \"from\"");
  if (!r.has("days")) return;
  static const char* names[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  out.days.fill(false);
  for_each_element(r, "days", [&](const json& e, const std::string& p) {
    for (int i = 0; i < 7; ++i)
      if (e.is_string() && e.get_ref<const std::string&>() == names[i])
        return void(out.days[i] = true);
    d.add(p, "is not a day", "one of: Mon, Tue, Wed, Thu, Fri, Sat, Sun");
  });
}

void parse_calendars(const json& v, const std::string& ptr, Diagnostics& d, ExerciseSpec& out) {
  ObjectReader r(v, ptr, d, {"operations", "customer", "change_desk"});
  if (const json* c = r.child("operations"))
    parse_calendar(*c, r.ptr("operations"), d, out.operations);
  if (const json* c = r.child("customer"))
    parse_calendar(*c, r.ptr("customer"), d, out.customer.emplace());
  if (const json* c = r.child("change_desk"))
    parse_calendar(*c, r.ptr("change_desk"), d, out.change_desk);
}

void parse_exercise(const json& v, const std::string& ptr, Diagnostics& d, ExerciseSpec& out) {
  ObjectReader r(v, ptr, d, {"start", "end", "rto", "staff_hours", "calendars"});
  r.unit("start", units::parse_week_time, out.start_week_s, Bounds{});
  r.unit("end", units::parse_week_time, out.end_week_s, Bounds{});
  r.unit("rto", units::parse_duration, out.rto_s, Bounds{0, 1e15, true});
  if (const json* c = r.child("calendars")) parse_calendars(*c, r.ptr("calendars"), d, out);
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
  r.number("engine_mips", out.engine_mips, Bounds{1, 1e5});  // a z900 engine ~250, a z16 ~2000
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
