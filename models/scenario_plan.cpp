#include "models/scenario_parse.hpp"

namespace drsim {
namespace {

using nlohmann::json;

StepSpec parse_step(const json& v, const std::string& ptr, Diagnostics& d) {
  StepSpec s;
  s.pointer = ptr;
  ObjectReader r(v, ptr, d,
                 {"id", "action", "systems", "vm", "guests", "after", "stagger", "duration",
                  "not_before", "by"});
  r.string("id", s.id, Need::Required);
  r.choice("action", s.action, step_action_table(), Need::Required);
  bool on_systems = s.action == StepAction::Restore || s.action == StepAction::Ipl ||
                    s.action == StepAction::Reconfigure;
  bool xautolog = s.action == StepAction::Xautolog;
  r.strings("systems", s.systems, on_systems ? Need::Required : Need::Optional);
  r.string("vm", s.vm, xautolog ? Need::Required : Need::Optional);
  r.strings("guests", s.guests, xautolog ? Need::Required : Need::Optional);
  r.strings("after", s.after);
  r.unit("stagger", units::parse_duration, s.stagger_s, kNonNegative);
  r.unit("duration", units::parse_duration, s.duration_s, kNonNegative);
  r.unit("not_before", units::parse_week_time, s.not_before_week_s, kNonNegative);
  if (r.has("by")) r.choice("by", s.by.emplace(), performer_table());
  if (r.has("systems") && !on_systems)
    d.add(r.ptr("systems"), std::string("does not apply to action \"") + to_string(s.action) + "\"",
          "\"systems\" only with restore, ipl or reconfigure");
  for (const char* key : {"vm", "guests", "stagger"}) {
    if (r.has(key) && !xautolog)
      d.add(r.ptr(key), std::string("does not apply to action \"") + to_string(s.action) + "\"",
            std::string("\"") + key + "\" only with xautolog");
  }
  return s;
}

void parse_condition(const json& v, const std::string& ptr, Diagnostics& d, ReactionSpec& out) {
  ObjectReader r(v, ptr, d, {"kind", "subject", "above", "for", "at", "after_reaction"});
  r.choice("kind", out.when, condition_kind_table(), Need::Required);
  bool timed = out.when == ConditionKind::Time;
  r.string("subject", out.subject, timed ? Need::Optional : Need::Required);
  Bounds above = out.when == ConditionKind::Cpu ? Bounds{0, 1} : kNonNegative;
  r.number("above", out.above, above,
           out.when == ConditionKind::Finding || timed ? Need::Optional : Need::Required);
  r.unit("for", units::parse_duration, out.for_s, kNonNegative);
  r.unit("at", units::parse_week_time, out.at_week_s, kNonNegative);
  if (timed && !r.has("at") && r.ok())
    d.add(r.ptr("at"), "is missing", "a week time such as \"Tue 08:00\" (kind time)");
  if (!timed && r.has("at")) d.add(r.ptr("at"), "only applies to kind \"time\"", "no \"at\" here");
  r.string("after_reaction", out.after_reaction);
}

void parse_action(const json& v, const std::string& ptr, Diagnostics& d, ReactionSpec& out) {
  ObjectReader r(v, ptr, d,
                 {"kind", "target", "tiers", "guests", "keep", "memory", "xstor", "cpus"});
  r.choice("kind", out.action, action_kind_table(), Need::Required);
  r.string("target", out.target, Need::Required);
  for_each_element(r, "tiers", [&](const json& e, const std::string& p) {
    for (const auto& [name, value] : tier_table())
      if (e.is_string() && e.get_ref<const std::string&>() == name)
        return out.tiers.push_back(value);
    d.add(p, "is not a tier", "one of: production, qa, dev, test");
  });
  r.strings("guests", out.guests);
  r.strings("keep", out.keep);
  r.unit("memory", units::parse_size, out.memory_bytes, Bounds{0, 1e15, true});
  r.unit("xstor", units::parse_size, out.xstor_bytes, kNonNegative);
  r.integer("cpus", out.cpus, Bounds{1, 1000});
  if (out.action == ActionKind::SetMemory && !r.has("memory") && !r.has("xstor") && r.ok())
    d.add(ptr, "set-memory changes nothing", "\"memory\" and/or \"xstor\"");
  if (out.action == ActionKind::DedicateCpus && !r.has("cpus") && r.ok())
    d.add(r.ptr("cpus"), "is missing", "the number of CPs to dedicate (kind dedicate-cpus)");
}

ReactionSpec parse_reaction(const json& v, const std::string& ptr, Diagnostics& d) {
  ReactionSpec s;
  s.pointer = ptr;
  ObjectReader r(v, ptr, d, {"id", "when", "action", "lead_time", "by"});
  r.string("id", s.id, Need::Required);
  if (const json* w = r.child("when"))
    parse_condition(*w, r.ptr("when"), d, s);
  else if (r.ok())
    d.add(r.ptr("when"), "is missing", "the condition {kind, subject, above, for}");
  if (const json* a = r.child("action"))
    parse_action(*a, r.ptr("action"), d, s);
  else if (r.ok())
    d.add(r.ptr("action"), "is missing", "the action {kind, target, ...}");
  r.unit("lead_time", units::parse_duration, s.lead_time_s, kNonNegative);
  if (r.has("by")) r.choice("by", s.by.emplace(), performer_table());
  return s;
}

}  // namespace

OutOfScopeSpec parse_out_of_scope(const json& v, const std::string& ptr, Diagnostics& d) {
  OutOfScopeSpec o;
  o.pointer = ptr;
  ObjectReader r(v, ptr, d, {"system", "reason"});
  r.string("system", o.system, Need::Required);
  r.string("reason", o.reason, Need::Required);
  return o;
}

void parse_plan(const json& v, const std::string& ptr, Diagnostics& d, PlanSpec& out) {
  ObjectReader r(v, ptr, d, {"steps", "out_of_scope"});
  if (r.ok() && !r.has("steps")) d.add(r.ptr("steps"), "is missing", "an array of plan steps");
  for_each_element(r, "steps", [&](const json& e, const std::string& p) {
    out.steps.push_back(parse_step(e, p, d));
  });
  for_each_element(r, "out_of_scope", [&](const json& e, const std::string& p) {
    out.out_of_scope.push_back(parse_out_of_scope(e, p, d));
  });
}

void parse_reactions(const json& v, const std::string& ptr, Diagnostics& d,
                     std::vector<ReactionSpec>& out) {
  if (!v.is_array()) return d.add(ptr, "is not an array", "an array of reactions");
  for (size_t i = 0; i < v.size(); ++i)
    out.push_back(parse_reaction(v[i], pointer_join(ptr, i), d));
}

}  // namespace drsim
