#include "reports/sweep_table.hpp"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>

#include "reports/duration_format.hpp"

namespace drsim::reports {
namespace {

using nlohmann::json;

constexpr double kInf = std::numeric_limits<double>::infinity();

std::optional<double> number_at(const json& doc, const char* section, const char* key) {
  const auto s = doc.find(section);
  if (s == doc.end() || !s->is_object()) return std::nullopt;
  const auto v = s->find(key);
  if (v == s->end() || !v->is_number()) return std::nullopt;
  return v->get<double>();
}

json time_or_null(const std::optional<double>& t) {
  return t ? json(*t) : json(nullptr);
}

json at_or_null(const std::optional<double>& start_week_s, const std::optional<double>& t) {
  return t ? json(format_exercise_time(start_week_s, *t)) : json(nullptr);
}

bool is_guest(const json& s) {
  std::string kind = s.value("kind", "");
  return kind == "linux" || kind == "cms";
}

struct Counts {
  int systems = 0, systems_up = 0, guests = 0, guests_up = 0;
  std::optional<double> last_guest_up_s;
  json blocked = json::array();
};

Counts count_systems(const json& result) {
  Counts c;
  for (const auto& s : result.value("systems", json::array())) {
    bool up = s.value("status", "") == "up" || s.value("status", "") == "degraded";
    ++c.systems;
    c.systems_up += up ? 1 : 0;
    if (s.value("status", "") == "blocked") c.blocked.push_back(s.value("name", ""));
    if (!is_guest(s)) continue;
    ++c.guests;
    if (!up) continue;
    ++c.guests_up;
    if (s.contains("up_s") && s["up_s"].is_number())
      c.last_guest_up_s = std::max(c.last_guest_up_s.value_or(0.0), s["up_s"].get<double>());
  }
  return c;
}

int error_findings(const json& result) {
  int n = 0;
  for (const auto& f : result.value("findings", json::array()))
    n += f.value("severity", "") == "error" ? 1 : 0;
  return n;
}

/// With replications: P50/P90 of the critical and all-up times and the RTO probability;
/// null columns for a single run.
void add_distribution(const json& result, const std::optional<double>& start, json& row) {
  for (const char* k : {"critical_up_s_p50", "critical_up_s_p90", "all_up_s_p50", "all_up_s_p90"})
    row[k] = time_or_null(number_at(result, "recovery", k));
  row["critical_up_p90_at"] = at_or_null(start, number_at(result, "recovery", "critical_up_s_p90"));
  row["replications"] = number_at(result, "recovery", "replications").value_or(1);
  row["rto_probability"] = nullptr;
  if (const auto d = result.find("distribution"); d != result.end() && d->is_object())
    row["rto_probability"] = d->value("/rto/probability"_json_pointer, json(nullptr));
}

}  // namespace

json sweep_row(const json& result, const json& point) {
  auto start = number_at(result, "exercise", "start_week_s");
  auto critical = number_at(result, "recovery", "critical_up_s");
  auto all = number_at(result, "recovery", "all_up_s");
  Counts c = count_systems(result);
  json row = {{"id", point.at("id")},
              {"option", point.at("option")},
              {"settings", point.at("settings")},
              {"critical_up_s", time_or_null(critical)},
              {"critical_up_at", at_or_null(start, critical)},
              {"all_up_s", time_or_null(all)},
              {"all_up_at", at_or_null(start, all)},
              {"rto_s", time_or_null(number_at(result, "recovery", "rto_s"))},
              {"rto_met", result.value("/recovery/rto_met"_json_pointer, false)},
              {"systems", c.systems},
              {"systems_up", c.systems_up},
              {"guests", c.guests},
              {"guests_up", c.guests_up},
              {"last_guest_up_s", time_or_null(c.last_guest_up_s)},
              {"last_guest_up_at", at_or_null(start, c.last_guest_up_s)},
              {"blocked", c.blocked},
              {"error_findings", error_findings(result)},
              {"currency", nullptr},
              {"cost_test", nullptr},
              {"cost_per_year", nullptr}};
  add_distribution(result, start, row);
  if (const auto cost = result.find("cost"); cost != result.end() && cost->is_object()) {
    row["currency"] = cost->value("currency", "");
    row["cost_test"] = cost->value("test", json(nullptr));
    row["cost_per_year"] = cost->value("per_year", json(nullptr));
  }
  return row;
}

double row_time(const json& row) {
  if (row.contains("critical_up_s_p90") && row.at("critical_up_s_p90").is_number())
    return row.at("critical_up_s_p90").get<double>();
  const auto& t = row.at("critical_up_s");
  return t.is_number() ? t.get<double>() : kInf;
}

double row_cost(const json& row) {
  if (row.at("cost_per_year").is_number()) return row.at("cost_per_year").get<double>();
  if (row.at("cost_test").is_number()) return row.at("cost_test").get<double>();
  return std::numeric_limits<double>::quiet_NaN();
}

std::vector<bool> pareto_front(const std::vector<json>& rows) {
  std::vector<bool> front(rows.size(), true);
  for (size_t i = 0; i < rows.size(); ++i) {
    double ti = row_time(rows[i]), ci = row_cost(rows[i]);
    int ui = rows[i].at("systems_up").get<int>();
    for (size_t j = 0; j < rows.size() && front[i]; ++j) {
      if (i == j) continue;
      double tj = row_time(rows[j]), cj = row_cost(rows[j]);
      int uj = rows[j].at("systems_up").get<int>();
      bool costs_known = !std::isnan(ci) && !std::isnan(cj);
      bool no_worse = tj <= ti && uj >= ui && (!costs_known || cj <= ci);
      bool better = tj < ti || uj > ui || (costs_known && cj < ci);
      if (no_worse && better) front[i] = false;
    }
  }
  return front;
}

json sweep_document(const json& header, std::vector<json> rows) {
  std::vector<bool> front = pareto_front(rows);
  json doc = header;
  doc["points"] = json::array();
  for (size_t i = 0; i < rows.size(); ++i) {
    rows[i]["pareto"] = static_cast<bool>(front[i]);
    doc["points"].push_back(std::move(rows[i]));
  }
  return doc;
}

}  // namespace drsim::reports
