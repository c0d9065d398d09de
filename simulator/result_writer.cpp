#include "simulator/result_writer.hpp"

#include <cmath>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "models/units.hpp"
#include "simulator/json_writer.hpp"
#include "simulator/result_writer_parts.hpp"

namespace drsim {
namespace result_text {

void Writer::phase(const PhaseRecord& p) {
  w_.begin_object();
  w_.key("end_at"), w_.value(at(p.end_s));
  w_.key("end_s"), w_.value(r3(p.end_s));
  w_.key("note"), w_.text_or_null(p.note);
  w_.key("phase"), w_.value(to_string(p.phase));
  w_.key("start_at"), w_.value(at(p.start_s));
  w_.key("start_s"), w_.value(r3(p.start_s));
  w_.end_object();
}

void Writer::system(const SystemResult& s, std::size_t i) {
  w_.begin_object();
  if (r_.attribution && i < r_.attribution->accounts.size()) {
    w_.key("attribution");
    account(r_.attribution->accounts[i], r_.attribution->until[i]);
  }
  w_.key("blocked_by"), w_.text_or_null(s.blocked_by);
  w_.key("critical"), w_.value(s.critical);
  w_.key("forced_off");
  if (s.forced_off) {
    w_.begin_object();
    w_.key("by"), w_.value(s.forced_off->by);
    w_.key("off_at"), w_.value(at(s.forced_off->off_s));
    w_.key("off_s"), w_.value(r3(s.forced_off->off_s));
    w_.key("up_from_at"), at_or_null(s.forced_off->up_from_s);
    w_.key("up_from_s"), time_or_null(s.forced_off->up_from_s);
    w_.end_object();
  } else {
    w_.null();
  }
  w_.key("host"), w_.text_or_null(s.host);
  w_.key("kind"), w_.value(s.kind);
  w_.key("lpar"), w_.text_or_null(s.lpar);
  w_.key("machine"), w_.text_or_null(s.machine);
  w_.key("missing"), w_.begin_array();
  for (const auto& [code, reason] : s.missing) {
    w_.begin_object();
    w_.key("code"), w_.value(code);
    w_.key("reason"), w_.value(reason);
    w_.end_object();
  }
  w_.end_array();
  w_.key("name"), w_.value(s.name);
  w_.key("out_of_scope"), w_.text_or_null(s.out_of_scope);
  w_.key("phases"), w_.begin_array();
  for (const auto& p : s.phases) phase(p);
  w_.end_array();
  w_.key("planned"), w_.value(s.planned);
  w_.key("reason"), w_.text_or_null(s.reason);
  w_.key("role"), w_.text_or_null(s.role);
  w_.key("sie_level");
  if (s.sie_level > 0)
    w_.value(s.sie_level);
  else
    w_.null();
  w_.key("status"), w_.value(to_string(s.status));
  w_.key("tier"), w_.value(s.tier);
  w_.key("up_at"), at_or_null(s.up_s);
  w_.key("up_s"), time_or_null(s.up_s);
  w_.end_object();
}

void Writer::finding(const Finding& f) {
  w_.begin_object();
  w_.key("at"), w_.value(at(f.t_s));
  w_.key("code"), w_.value(f.code);
  w_.key("consequence"), w_.text_or_null(f.consequence);
  w_.key("dr"), w_.text_or_null(f.dr);
  w_.key("message"), w_.value(f.message);
  w_.key("production"), w_.text_or_null(f.production);
  w_.key("remedy"), w_.text_or_null(f.remedy);
  w_.key("severity"), w_.value(to_string(f.severity));
  w_.key("subject"), w_.value(f.subject);
  w_.key("t_s"), w_.value(r3(f.t_s));
  w_.end_object();
}

void Writer::exercise() {
  w_.begin_object();
  w_.key("duration_s"), w_.value(r_.duration_s);
  w_.key("end"), w_.value(at(r_.duration_s));
  w_.key("staff_hours");
  if (r_.staff_from_s && r_.staff_to_s) {
    w_.begin_object();
    w_.key("from"), w_.value(units::format_week_time(*r_.staff_from_s).substr(4));
    w_.key("to"), w_.value(units::format_week_time(*r_.staff_to_s).substr(4));
    w_.end_object();
  } else {
    w_.null();
  }
  w_.key("start"), w_.value(at(0));
  w_.key("start_week_s"), w_.value(r_.start_week_s);
  w_.end_object();
}

void Writer::recovery() {
  w_.begin_object();
  w_.key("all_up_s"), time_or_null(r_.all_up_s);
  w_.key("critical_up_at"), at_or_null(r_.critical_up_s);
  w_.key("critical_up_s"), time_or_null(r_.critical_up_s);
  w_.key("first_zos_up_s"), time_or_null(r_.first_zos_up_s);
  w_.key("out_of_scope"), w_.begin_array();
  for (const auto& o : r_.out_of_scope) {
    w_.begin_object();
    w_.key("reason"), w_.value(o.reason);
    w_.key("system"), w_.value(o.system);
    w_.end_object();
  }
  w_.end_array();
  w_.key("rto_met"), w_.value(r_.rto_met);
  w_.key("rto_rule"), w_.value("all critical systems in scope up at the same time within the RTO");
  w_.key("rto_s"), w_.value(r_.rto_s);
  w_.key("rto_target_h"), w_.value(r3(r_.rto_s / 3600.0));
  w_.end_object();
}

void Writer::rounded_map(const std::map<std::string, double>& m) {
  w_.begin_object();
  for (const auto& [k, v] : m) w_.key(k), w_.value(r3(v));
  w_.end_object();
}

void Writer::metrics() {
  w_.begin_object();
  w_.key("cpu_utilisation"), rounded_map(r_.cpu_mean);
  w_.key("events"), w_.value(static_cast<std::int64_t>(r_.sim_events));
  w_.key("peak_cpu_utilisation"), rounded_map(r_.cpu_peak);
  w_.key("peak_paging_by_vm"), rounded_map(r_.peak_paging_by_vm);
  w_.key("peak_paging_pages_per_s"), w_.value(r3(r_.peak_paging));
  w_.key("restore_bytes"), w_.value(r_.restore_bytes);
  w_.key("restores_done_s"), time_or_null(r_.restores_done_s);
  w_.key("tape_drive_utilisation"), w_.value(r3(r_.tape_utilisation));
  w_.key("tape_drives"), w_.value(r_.tape_drives);
  w_.key("vm_ipls"), w_.begin_object();
  for (const auto& [k, v] : r_.vm_ipls) w_.key(k), w_.value(v);
  w_.end_object();
  w_.key("volumes_restored"), w_.value(r_.volumes_restored);
  w_.end_object();
}

void Writer::series_map(const std::map<std::string, std::vector<double>>& m) {
  w_.begin_object();
  for (const auto& [k, values] : m) {
    w_.key(k), w_.begin_array();
    for (double x : values) w_.value(r3(x));
    w_.end_array();
  }
  w_.end_object();
}

void Writer::series() {
  w_.begin_object();
  w_.key("cpu_utilisation"), series_map(r_.cpu_series);
  w_.key("paging_pages_per_s"), series_map(r_.paging_series);
  w_.key("step_s"), w_.value(r_.step_s);
  w_.end_object();
}

// The attribution as models/attribution_result.cpp builds it (account_json, path_json,
// drivers_json), written member by member: building those trees was half of this text's cost
// at 5,000 guests.

void Writer::document(const nlohmann::json& extra) {
  using Part = std::pair<std::string_view, std::function<void()>>;
  const bool attributed = r_.attribution.has_value();
  const std::vector<Part> parts = {
      {"critical_path", [&] { critical_path(); }},
      {"drsim_version", [&] { w_.value(DRSIM_VERSION); }},
      {"events",
       [&] {
         w_.begin_array();
         for (const auto& e : r_.events) {
           w_.begin_object();
           w_.key("at"), w_.value(at(e.t_s));
           w_.key("kind"), w_.value(e.kind);
           w_.key("message"), w_.value(e.message);
           w_.key("subject"), w_.value(e.subject);
           w_.key("t_s"), w_.value(r3(e.t_s));
           w_.end_object();
         }
         w_.end_array();
       }},
      {"exercise", [&] { exercise(); }},
      {"findings",
       [&] {
         w_.begin_array();
         for (const auto& f : r_.findings) finding(f);
         w_.end_array();
       }},
      {"metrics", [&] { metrics(); }},
      {"milestones",
       [&] {
         w_.begin_array();
         for (const auto& m : r_.milestones) {
           w_.begin_object();
           w_.key("at"), w_.value(at(m.t_s));
           w_.key("id"), w_.value(m.id);
           w_.key("label"), w_.value(m.label);
           w_.key("t_s"), w_.value(r3(m.t_s));
           w_.end_object();
         }
         w_.end_array();
       }},
      {"recovery", [&] { recovery(); }},
      {"rto_drivers", [&] { rto_drivers(); }},
      {"scenario",
       [&] {
         w_.begin_object();
         w_.key("description"), w_.value(r_.description);
         w_.key("file"), w_.value(r_.scenario_file);
         w_.key("name"), w_.value(r_.scenario_name);
         w_.key("sha256"), w_.value(r_.scenario_sha256);
         w_.end_object();
       }},
      {"seed", [&] { w_.value(static_cast<std::uint64_t>(r_.seed)); }},
      {"series", [&] { series(); }},
      {"systems",
       [&] {
         w_.begin_array();
         for (std::size_t i = 0; i < r_.systems.size(); ++i)
           system(r_.systems[i], i), maybe_flush();
         w_.end_array();
       }},
  };
  w_.begin_object();
  auto more = extra.begin();
  for (const auto& [name, write] : parts) {
    if (!attributed && (name == "critical_path" || name == "rto_drivers")) continue;
    for (; more != extra.end() && more.key() < name; ++more) w_.key(more.key()), w_.value(*more);
    if (more != extra.end() && more.key() == name)
      throw std::logic_error("result_json_text: the result has \"" + more.key() + "\" already");
    w_.key(name);
    write();
    maybe_flush();
  }
  for (; more != extra.end(); ++more) w_.key(more.key()), w_.value(*more);
  w_.end_object();
}

}  // namespace result_text

std::string result_json_text(const Result& r, bool pretty, const nlohmann::json& extra) {
  std::string out;
  out.reserve(4096 + r.systems.size() * (pretty ? 5000 : 2500));  // ~2,100 compact at 5,000 guests
  result_text::Writer(out, pretty, r).document(extra);
  out += '\n';
  return out;
}

void write_result_json(const Result& r, bool pretty, const nlohmann::json& extra,
                       const ResultSink& sink) {
  std::string piece;
  piece.reserve(result_text::Writer::kPieceBytes + (64 << 10));
  result_text::Writer(piece, pretty, r, &sink).document(extra);
  piece += '\n';
  sink(piece);
}

}  // namespace drsim
