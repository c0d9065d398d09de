#include "models/scenario.hpp"

#include "models/scenario_parse.hpp"

namespace drsim {

using nlohmann::json;

const char* to_string(SystemKind k) {
  return k == SystemKind::Zos ? "zos" : "zvm";
}
const char* to_string(GuestKind k) {
  return k == GuestKind::Linux ? "linux" : "cms";
}

const char* to_string(Tier t) {
  switch (t) {
    case Tier::Production:
      return "production";
    case Tier::Qa:
      return "qa";
    case Tier::Dev:
      return "dev";
    case Tier::Test:
      return "test";
  }
  return "?";
}

const char* to_string(GuestRole r) {
  switch (r) {
    case GuestRole::None:
      return "none";
    case GuestRole::Tcpip:
      return "tcpip";
    case GuestRole::VswitchController:
      return "vswitch-controller";
    case GuestRole::HipersocketRouter:
      return "hipersocket-router";
  }
  return "?";
}

const char* to_string(PlacementMode m) {
  switch (m) {
    case PlacementMode::Lpar:
      return "lpar";
    case PlacementMode::Guest:
      return "guest";
    case PlacementMode::GuestsDirect:
      return "guests-direct";
  }
  return "?";
}

const char* to_string(Performer p) {
  switch (p) {
    case Performer::Operations:
      return "operations";
    case Performer::Customer:
      return "customer";
    case Performer::ChangeDesk:
      return "change-desk";
  }
  return "?";
}

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

const char* to_string(StepAction a) {
  switch (a) {
    case StepAction::Restore:
      return "restore";
    case StepAction::Ipl:
      return "ipl";
    case StepAction::Reconfigure:
      return "reconfigure";
    case StepAction::Xautolog:
      return "xautolog";
    case StepAction::Distributed:
      return "distributed";
    case StepAction::Wait:
      return "wait";
  }
  return "?";
}

const char* to_string(ConditionKind k) {
  switch (k) {
    case ConditionKind::Paging:
      return "paging";
    case ConditionKind::Cpu:
      return "cpu";
    case ConditionKind::Finding:
      return "finding";
    case ConditionKind::Time:
      return "time";
  }
  return "?";
}

const char* to_string(ActionKind k) {
  switch (k) {
    case ActionKind::ForceOff:
      return "force-off";
    case ActionKind::SetMemory:
      return "set-memory";
    case ActionKind::DefineNetwork:
      return "define-network";
    case ActionKind::DedicateCpus:
      return "dedicate-cpus";
    case ActionKind::Start:
      return "start";
  }
  return "?";
}

const ChoiceTable<SystemKind>& system_kind_table() {
  static const ChoiceTable<SystemKind> t{{"zos", SystemKind::Zos}, {"zvm", SystemKind::Zvm}};
  return t;
}

const ChoiceTable<Tier>& tier_table() {
  static const ChoiceTable<Tier> t{
      {"production", Tier::Production}, {"qa", Tier::Qa}, {"dev", Tier::Dev}, {"test", Tier::Test}};
  return t;
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
