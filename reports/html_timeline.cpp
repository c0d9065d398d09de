#include "reports/html_timeline.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "reports/escape.hpp"
#include "reports/html_parts.hpp"
#include "reports/result_io.hpp"

namespace drsim::reports {

namespace html {

std::string num(double v) {
  if (!std::isfinite(v)) return "0";
  char buf[400];  // %.3f of the largest double fits
  auto [end, ec] =
      std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);  // as %.3f, faster
  std::string s(buf, ec == std::errc{} ? end : buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string thousands(double v) {
  // the reader bounds every number (kMaxResultNumber); the clamp keeps llround defined anyway
  long long n = std::isfinite(v) ? std::llround(std::clamp(v, -1e18, 1e18)) : 0;
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string span_style(const TimeAxis& axis, double start_s, double end_s) {
  return "style=\"--l:" + num(time_to_percent(axis, start_s)) +
         ";--w:" + num(span_percent(axis, start_s, end_s)) + "\"";
}

std::string when(const TimeAxis& axis, const std::optional<double>& t_s) {
  if (!t_s) return "never";
  return week_label(axis, *t_s) + " (+" + duration_label(*t_s) + ")";
}

namespace {

std::string count_text(const TimelineData& d) {
  int up = 0, degraded = 0, blocked = 0, other = 0;
  for (const SystemView& s : d.systems) {
    if (s.status == "up")
      ++up;
    else if (s.status == "degraded")
      ++degraded;
    else if (s.status == "blocked")
      ++blocked;
    else
      ++other;
  }
  return std::to_string(d.systems.size()) + (d.systems.size() == 1 ? " system: " : " systems: ") +
         std::to_string(up) + " up, " + std::to_string(degraded) + " degraded, " +
         std::to_string(blocked) + " blocked, " + std::to_string(other) + " not started";
}

std::string verdict(const TimelineData& d) {
  const RecoveryView& r = d.recovery;
  std::string target = r.rto_target_h ? "RTO " + num(*r.rto_target_h) + " h" : "RTO";
  if (!r.rto_met) return "<div class=\"verdict\">" + target + ": no verdict</div>";
  std::string deadline = r.rto_s ? " (deadline " + week_label(d.axis, *r.rto_s) + ")" : "";
  return std::string("<div class=\"verdict ") +
         (*r.rto_met ? "met\">&#10004; " : "missed\">&#10008; ") + target +
         (*r.rto_met ? " met" : " MISSED") + escape_html(deadline) + "</div>";
}

void kpi(std::string& out, const std::string& name, const std::string& value) {
  out += "<div class=\"kpi\"><dt>" + escape_html(name) + "</dt><dd>" + escape_html(value) +
         "</dd></div>";
}

void percentile_kpis(const TimelineData& d, std::string& out) {
  const RecoveryView& r = d.recovery;
  if (r.critical_up_s_p50) kpi(out, "all critical up, P50", when(d.axis, r.critical_up_s_p50));
  if (r.critical_up_s_p90) kpi(out, "all critical up, P90", when(d.axis, r.critical_up_s_p90));
  if (r.all_up_s_p50) kpi(out, "all up, P50", when(d.axis, r.all_up_s_p50));
  if (r.all_up_s_p90) kpi(out, "all up, P90", when(d.axis, r.all_up_s_p90));
}

std::string severity_class(const std::string& severity) {
  if (severity == "error" || severity == "warning" || severity == "info") return severity;
  return "other";
}

}  // namespace

void render_summary(const TimelineData& d, std::string& out) {
  out += "<header class=\"summary\"><div class=\"title\"><h1>" + escape_html(d.scenario_name) +
         "</h1>";
  out += "<p class=\"desc\" title=\"click: the whole description\">" + escape_html(d.description) +
         "</p></div>";
  out += verdict(d);
  if (d.distribution)
    out += "<div class=\"verdict mc\">" + escape_html(distribution_headline(*d.distribution)) +
           " <small>(the lanes show the median replication)</small></div>";
  out += "<dl class=\"kpis\">";
  kpi(out, "first z/OS up", when(d.axis, d.recovery.first_zos_up_s));
  kpi(out, "all critical up", when(d.axis, d.recovery.critical_up_s));
  kpi(out, "all systems up", when(d.axis, d.recovery.all_up_s));
  percentile_kpis(d, out);
  kpi(out, "exercise", week_label(d.axis, 0) + " to " + week_label(d.axis, d.axis.duration_s));
  kpi(out, "systems", count_text(d));
  if (d.peak_paging) kpi(out, "peak paging", thousands(*d.peak_paging) + " pages/s");
  out += "</dl><p class=\"meta\">seed " + escape_html(d.seed.empty() ? "?" : d.seed) +
         " &middot; " + escape_html(d.scenario_file) + " &middot; drsim " + escape_html(d.version) +
         "</p></header>\n";
}

void render_lists(const TimelineData& d, std::string& out) {
  out += "<section class=\"lists\"><h2>Findings</h2>";
  if (d.findings.empty())
    out += "<p>No findings.</p>";
  else
    out +=
        "<table "
        "class=\"findings\"><thead><tr><th>#</th><th>when</th><th>severity</th><th>finding</th>"
        "<th>subject</th><th>what "
        "happened</th><th>consequence</th><th>remedy</th></tr></thead><tbody>";
  for (std::size_t i = 0; i < d.findings.size(); ++i) {
    const PinView& f = d.findings[i];
    out += "<tr class=\"sev-" + severity_class(f.severity) + "\"><td><span class=\"pin sev-" +
           severity_class(f.severity) + "\">" + std::to_string(i + 1) + "</span></td><td>" +
           (f.has_time ? week_label(d.axis, f.t_s) : "") + "</td><td>" + escape_html(f.severity) +
           "</td><td><code>" + escape_html(f.id) + "</code></td><td>" + escape_html(f.label) +
           "</td><td>" + escape_html(f.message) + "</td><td>" + escape_html(f.consequence) +
           "</td><td>" + escape_html(f.remedy) + "</td></tr>";
  }
  if (!d.findings.empty()) out += "</tbody></table>";
  out += "<h2>Operator actions</h2>";
  if (d.events.empty())
    out += "<p>None.</p>";
  else
    out +=
        "<table "
        "class=\"events\"><thead><tr><th>#</th><th>when</th><th>action</th><th>what</th></tr></"
        "thead><tbody>";
  for (std::size_t i = 0; i < d.events.size(); ++i) {
    const PinView& e = d.events[i];
    out += "<tr><td><span class=\"pin act\">A" + std::to_string(i + 1) + "</span></td><td>" +
           (e.has_time ? week_label(d.axis, e.t_s) : "") + "</td><td><code>" +
           escape_html(e.label) + "</code></td><td>" + escape_html(e.message) + "</td></tr>";
  }
  if (!d.events.empty()) out += "</tbody></table>";
  out += "</section>\n";
}

double busy_end(const TimelineData& d) {
  std::vector<double> times;
  for (const SystemView& s : d.systems)
    for (const PhaseView& p : s.phases) times.push_back(p.start_s);
  for (const auto* pins : {&d.milestones, &d.events, &d.findings})
    for (const PinView& p : *pins)
      if (p.has_time && p.id != "rto-missed") times.push_back(p.t_s);  // a deadline, not an event
  return busy_end_s(d.axis, times);
}

void page_data_json(const TimelineData& d, std::string& out) {
  out += "{\"start_week_s\":" + num(d.axis.start_week_s) +
         ",\"duration_s\":" + num(d.axis.duration_s) + ",\"busy\":[0," + num(busy_end(d)) +
         "],\"days\":[";
  auto days = day_columns(d.axis);
  for (std::size_t i = 0; i < days.size(); ++i)
    out += std::string(i ? "," : "") + "[" + num(days[i].start_s) + "," + num(days[i].end_s) + "," +
           escape_json_in_html(days[i].label) + "]";
  out += "],\"lanes\":[";
  // appended piece by piece: a temporary string per `+` was a third of the block's cost at
  // 5,000 guests (issue 18)
  for (std::size_t i = 0; i < d.systems.size(); ++i) {
    const SystemView& s = d.systems[i];
    std::string account = account_text(d, i);
    out += i ? ",\n{\"n\":" : "{\"n\":";
    out += escape_json_in_html(s.name);
    if (!account.empty()) {
      out += ",\"a\":";
      out += escape_json_in_html(account);
    }
    out += ",\"p\":[";
    for (std::size_t j = 0; j < s.phases.size(); ++j) {
      const PhaseView& p = s.phases[j];
      out += j ? ",[" : "[";
      out += escape_json_in_html(p.phase);
      out += ',';
      out += num(p.start_s);
      out += ',';
      out += num(p.end_s);
      out += ',';
      out += escape_json_in_html(p.note);
      out += p.open_end ? ",true]" : ",false]";
    }
    out += "]}";
  }
  out += "]}";
}

namespace {

void render_controls(const TimelineData& d, std::string& out) {
  double end = busy_end(d);
  bool busy = end < d.axis.duration_s;
  out += "<nav class=\"controls\"><span>Show:</span>";
  if (busy)
    out +=
        "<button type=\"button\" class=\"on\" data-zoom=\"busy\" title=\"from the start to "
        "the last event, and a margin (the page opens here)\">" +
        week_label(d.axis, 0) + " \u2013 " + week_label(d.axis, end) + "</button>";
  out += std::string("<button type=\"button\"") + (busy ? "" : " class=\"on\"") +
         " data-zoom=\"week\" title=\"link: #day=all\">whole exercise</button>";
  auto days = day_columns(d.axis);
  for (std::size_t i = 0; i < days.size(); ++i)
    out += "<button type=\"button\" data-zoom=\"" + std::to_string(i) +
           "\" title=\"link: #day=" + days[i].label + "\">" + days[i].label + "</button>";
  out +=
      "<span class=\"sep\"></span><button type=\"button\" data-act=\"collapse\">collapse "
      "all</button>"
      "<button type=\"button\" data-act=\"expand\">expand all</button><span class=\"sep\"></span>"
      "<button type=\"button\" data-act=\"print-week\">print: week</button>"
      "<button type=\"button\" data-act=\"print-days\">print: a page a day</button></nav>\n";
}

}  // namespace
}  // namespace html

std::string render_timeline_html(const nlohmann::json& result) {
  return render_timeline_html(read_timeline_data(result));
}

std::string render_timeline_html(const TimelineData& d) {
  std::string out;
  // ~1,100 bytes a system at 1,000-5,000 guests: room for all of it, so the page is never
  // copied into a doubled buffer (pages reserved and not written cost no memory)
  out.reserve(4096 + d.systems.size() * 1400);
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'; "
      "script-src 'unsafe-inline'; img-src data:\">"
      "<title>drsim timeline: " +
      escape_html(d.scenario_name) + "</title><style>";
  out += html::page_css();
  if (d.distribution) out += html::distribution_css();
  out += "</style></head><body>\n";
  html::render_summary(d, out);
  html::render_controls(d, out);
  html::render_legend(out);
  // the page opens on the busy part of the week (the script keeps it; this is for no script)
  double end = html::busy_end(d);
  out += "<main id=\"tl\" class=\"tl" + std::string(end < d.axis.duration_s ? " busy" : "") +
         "\" style=\"--zoom:" + html::num(d.axis.duration_s > 0 ? d.axis.duration_s / end : 1) +
         ";--shift:0\">";
  html::render_backdrop(d, out);
  html::render_axis_rows(d, out);
  html::render_lanes(d, out);
  html::render_charts(d, out);
  html::render_distribution_chart(d, out);
  out += "</main>\n";
  html::render_rto_drivers(d, out);
  html::render_lists(d, out);
  out +=
      "<div id=\"tip\" class=\"tip\" hidden></div>\n<script type=\"application/json\" "
      "id=\"drsim-data\">";
  html::page_data_json(d, out);  // into the page: no second copy of the block (issue 18)
  out += "</script>\n<script>";
  out += html::page_js();
  out += "</script>\n</body></html>\n";
  return out;
}

}  // namespace drsim::reports
