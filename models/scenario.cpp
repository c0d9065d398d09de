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
