// The time-axis parts of the HTML timeline: header rows, backdrop, legend, system lanes.
#include <algorithm>
#include <array>

#include "reports/escape.hpp"
#include "reports/html_parts.hpp"
#include "reports/result_io.hpp"

namespace drsim::reports::html {

namespace {

constexpr double kTrackPx = 1300.0;  // typical track width, to estimate label widths in percent
constexpr double kCharPx = 6.6;
constexpr std::size_t kNamedPins = 16;  // more findings than this: pins show their number only
/// More systems than this: the systems of each host open collapsed, their lanes kept as text
/// in a <script type="text/html" class="later"> (not parsed, no DOM) that the page's script
/// puts in place when the group is expanded (issue 18: 10,000 lanes drawn at once took
/// seconds to load; the summary row says what is inside). The text cannot end the script
/// early: every text from the result in it is escaped (no '<').
constexpr std::size_t kDeferLanes = 1000;

constexpr std::array<const char*, 13> kPhases{
    "restore", "ipl",     "reconfigure", "logon",      "boot", "app-start", "tsm-restore",
    "waiting", "blocked", "degraded",    "forced-off", "work", "up"};

std::string phase_class(const std::string& phase) {
  for (const char* p : kPhases)
    if (phase == p) return std::string("p-") + p;
  return "p-other";
}

std::string point_style(const TimeAxis& axis, double t_s, int stack_row = -1) {
  std::string row_var = stack_row >= 0 ? ";--r:" + std::to_string(stack_row) : "";
  return "style=\"--l:" + num(time_to_percent(axis, t_s)) + row_var + "\"";
}

double label_width_pct(std::size_t chars) {
  return (static_cast<double>(chars) * kCharPx + 14.0) / kTrackPx * 100.0;
}

std::string row(const std::string& cls, const std::string& label, const std::string& track,
                int stack = 1) {
  return "<div class=\"row " + cls + "\" style=\"--rows:" + std::to_string(std::max(stack, 1)) +
         "\"><div class=\"lbl\">" + label + "</div><div class=\"trk\">" + track + "</div></div>";
}

struct Mark {
  double t_s;
  std::string text;  // already escaped
  std::string cls;
  std::string title;  // already escaped
  std::size_t chars;
};

std::string stacked(const TimeAxis& axis, std::vector<Mark> marks, int& rows) {
  std::stable_sort(marks.begin(), marks.end(),
                   [](const Mark& a, const Mark& b) { return a.t_s < b.t_s; });
  std::vector<double> left, width;
  for (const Mark& m : marks) {
    left.push_back(time_to_percent(axis, m.t_s));
    width.push_back(label_width_pct(m.chars));
  }
  auto r = stack_rows(left, width);
  std::string out;
  rows = 1;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    rows = std::max(rows, r[i] + 1);
    out += "<span class=\"pt " + marks[i].cls + "\" " + point_style(axis, marks[i].t_s, r[i]) +
           " title=\"" + marks[i].title + "\">" + marks[i].text + "</span>";
  }
  return out;
}

std::string axis_track(const TimeAxis& axis) {
  std::string out;
  for (const DayColumn& c : day_columns(axis))
    out += "<span class=\"day\" " + span_style(axis, c.start_s, c.end_s) + "><b>" + c.label +
           "</b></span>";
  for (const HourTick& t : hour_ticks(axis)) {
    if (t.hour == 0) continue;
    out += std::string("<span class=\"pt hr") + (t.hour % 6 == 0 ? " major" : "") + "\" " +
           point_style(axis, t.t_s) + ">" + (t.hour < 10 ? "0" : "") + std::to_string(t.hour) +
           "</span>";
  }
  return out;
}

std::vector<Mark> milestone_marks(const TimelineData& d) {
  std::vector<Mark> marks;
  for (const PinView& m : d.milestones) {
    if (!m.has_time) continue;
    std::string label = m.label.empty() ? m.id : m.label;
    std::string at = week_label(d.axis, m.t_s);
    std::string title = label;
    title += ", ";
    title += at;
    marks.push_back({m.t_s, escape_html(label), "ms", escape_html(title), label.size()});
  }
  if (d.recovery.rto_s) {
    std::string verdict = !d.recovery.rto_met ? "" : (*d.recovery.rto_met ? " met" : " missed");
    std::string target = d.recovery.rto_target_h ? num(*d.recovery.rto_target_h) + " h"
                                                 : duration_label(*d.recovery.rto_s);
    std::string label = "RTO " + target + verdict;
    std::string cls =
        std::string("rto") + (d.recovery.rto_met && !*d.recovery.rto_met ? " missed" : " met");
    marks.push_back({*d.recovery.rto_s, escape_html(label), cls,
                     escape_html("RTO deadline " + week_label(d.axis, *d.recovery.rto_s) + verdict),
                     label.size()});
  }
  return marks;
}

std::vector<Mark> pin_marks(const TimelineData& d, const std::vector<PinView>& pins,
                            bool findings) {
  std::vector<Mark> marks;
  for (std::size_t i = 0; i < pins.size(); ++i) {
    const PinView& p = pins[i];
    if (!p.has_time) continue;
    std::string id = findings ? std::to_string(i + 1) : "A" + std::to_string(i + 1);
    std::string cls = findings ? "pin sev-" + escape_html(p.severity) : "pin act";
    std::string title = "#" + id + " " + week_label(d.axis, p.t_s) + " " +
                        (findings ? p.severity + " " : "") + p.id + " " + p.label + ": " +
                        p.message;
    std::string text = id + (findings && pins.size() <= kNamedPins ? " " + p.id : "");
    marks.push_back({p.t_s, escape_html(text), cls, escape_html(title), text.size() + 2});
  }
  return marks;
}

}  // namespace

void render_axis_rows(const TimelineData& d, std::string& out) {
  out += "<div class=\"head\">";
  out += row("axis", "<span class=\"hint\">time at the DR site</span>", axis_track(d.axis));
  int rows = 1;
  std::string track = stacked(d.axis, milestone_marks(d), rows);
  out += row("marks", "milestones", track, rows);
  track = stacked(d.axis, pin_marks(d, d.findings, true), rows);
  out += row("marks pins", "findings <small>(list below)</small>", track, rows);
  if (!d.events.empty()) {
    track = stacked(d.axis, pin_marks(d, d.events, false), rows);
    out += row("marks pins", "operator actions", track, rows);
  }
  out += "</div>\n";
}

void render_backdrop(const TimelineData& d, std::string& out) {
  out += "<div class=\"bg\" aria-hidden=\"true\">";
  if (d.staff_from_s && d.staff_to_s)
    for (const Band& b : night_bands(d.axis, *d.staff_from_s, *d.staff_to_s))
      out += "<i class=\"night\" " + span_style(d.axis, b.start_s, b.end_s) + "></i>";
  for (const HourTick& t : hour_ticks(d.axis)) {
    const char* cls = t.hour == 0 ? "dayline" : (t.hour % 6 == 0 ? "tick major" : "tick");
    out += std::string("<i class=\"") + cls + "\" " + point_style(d.axis, t.t_s) + "></i>";
  }
  out += "</div><div class=\"fg\" aria-hidden=\"true\">";
  for (const PinView& m : d.milestones)
    if (m.has_time) out += "<i class=\"mline\" " + point_style(d.axis, m.t_s) + "></i>";
  if (d.recovery.rto_s) {
    bool missed = d.recovery.rto_met && !*d.recovery.rto_met;
    out += std::string("<i class=\"rtoline") + (missed ? " missed" : "") + "\" " +
           point_style(d.axis, *d.recovery.rto_s) + "></i>";
  }
  out += "</div>\n";
}

void render_legend(std::string& out) {
  out += "<section class=\"legend\"><h2>Legend</h2><ul>";
  for (const char* p : kPhases)
    out += std::string("<li><i class=\"sw ph p-") + p + "\"></i>" + p + "</li>";
  out +=
      "<li><i class=\"sw night\"></i>night (outside staff hours)</li>"
      "<li><i class=\"sw mline\"></i>milestone</li><li><i class=\"sw rtoline missed\"></i>RTO "
      "deadline</li>"
      "<li><span class=\"pin sev-error\">1</span>error</li><li><span class=\"pin "
      "sev-warning\">2</span>warning</li>"
      "<li><span class=\"pin sev-info\">3</span>info</li><li><span class=\"pin "
      "act\">A1</span>operator action</li>"
      "<li><b class=\"crit\">&#9679;</b>critical system</li>"
      "<li><i class=\"sw cpsw\"></i>critical path</li></ul></section>\n";
}

namespace {

std::string bar_text(const SystemView& s, const PhaseView& p) {
  if (p.phase == "blocked") {
    std::string why = p.note.empty() ? s.reason : p.note;  // this phase's own reason first
    return (s.blocked_by.empty() ? "blocked" : "blocked: " + s.blocked_by) +
           (why.empty() ? "" : " \u2014 " + why);
  }
  if (p.phase == "forced-off")  // the note usually says "forced off by ...": say it once
    return p.note.rfind("forced off", 0) == 0
               ? p.note
               : "forced off" + (p.note.empty() ? "" : " \u2014 " + p.note);
  if (p.phase == "degraded") return "degraded" + (p.note.empty() ? "" : " \u2014 " + p.note);
  return {};
}

std::string status_text(const TimeAxis& axis, const SystemView& s) {
  if (s.status == "up" || s.status == "degraded")
    return s.up_s ? s.status + " " + week_label(axis, *s.up_s) : s.status;
  if (s.status == "forced_off") return "forced off";
  return s.status == "not_started" ? "not started" : s.status;
}

std::string lane_title(const SystemView& s) {
  std::string t = s.name + " \u00b7 " + s.kind;
  if (!s.role.empty()) t += " (" + s.role + ")";
  if (!s.tier.empty()) t += " \u00b7 " + s.tier;
  if (!s.host.empty()) t += " \u00b7 on " + s.host;
  if (s.sie_level > 0) t += " \u00b7 SIE level " + std::to_string(s.sie_level);
  if (!s.reason.empty()) t += " \u00b7 " + s.reason;
  return t;
}

void render_lane(const TimelineData& d, std::size_t i, std::string& out) {
  const SystemView& s = d.systems[i];
  std::string st = s.status.empty() ? "unknown" : s.status;
  out += "<div class=\"row lane st-" + escape_html(st) + "\" data-i=\"" + std::to_string(i) +
         "\"><div class=\"lbl\" title=\"" + escape_html(lane_title(s)) + "\"><span class=\"nm\">" +
         escape_html(s.name) + "</span>" +
         (s.critical ? "<b class=\"crit\" title=\"critical\">&#9679;</b>" : "") +
         "<span class=\"st\">" + escape_html(status_text(d.axis, s) + whisker_text(d, i)) +
         "</span></div><div class=\"trk\">";
  for (std::size_t j = 0; j < s.phases.size(); ++j) {
    const PhaseView& p = s.phases[j];
    std::string text = bar_text(s, p);
    out += "<i class=\"ph " + phase_class(p.phase) + "\" " +
           span_style(d.axis, p.start_s, p.end_s) + " data-j=\"" + std::to_string(j) + "\">" +
           (text.empty() ? "" : "<span>" + escape_html(text) + "</span>") + "</i>";
  }
  out += critical_path_marks(d, i) + whisker_html(d, i) + "</div></div>\n";
}

void count_statuses(const TimelineData& d, const LaneGroup& g, std::array<int, 6>& n) {
  for (std::size_t i : g.lanes) {
    const std::string& st = d.systems[i].status;
    ++n[st == "up"            ? 0
        : st == "degraded"    ? 1
        : st == "blocked"     ? 2
        : st == "not_started" ? 3
        : st == "forced_off"  ? 4
                              : 5];
  }
  for (const LaneGroup& c : g.children) count_statuses(d, c, n);
}

std::string group_summary(const TimelineData& d, const LaneGroup& g) {
  std::array<int, 6> n{};
  count_statuses(d, g, n);
  int total = n[0] + n[1] + n[2] + n[3] + n[4] + n[5];
  std::string out = std::to_string(total) + (total == 1 ? " system" : " systems");
  static const std::array<const char*, 6> names{"up",          "degraded",   "blocked",
                                                "not started", "forced_off", "other"};
  for (std::size_t k = 0; k < n.size(); ++k)
    if (n[k] > 0)
      out += std::string(" \u00b7 <b class=\"c") + std::to_string(k) + "\">" +
             std::to_string(n[k]) + " " + names[k] + "</b>";
  return out;
}

std::size_t lane_count(const LaneGroup& g) {
  std::size_t n = g.lanes.size();
  for (const LaneGroup& c : g.children) n += lane_count(c);
  return n;
}

/// may_defer: the site is large and no enclosing group is deferred. Machines and LPARs stay
/// open (their structure is the overview); a host's group, or any group of lanes only, waits.
void render_group(const TimelineData& d, const LaneGroup& g, std::string& out, bool may_defer) {
  const bool deferred = may_defer && (g.level >= 2 || g.children.empty()) && lane_count(g) > 1;
  out += "<section class=\"group lv" + std::to_string(g.level) + (deferred ? " collapsed" : "") +
         "\"><div class=\"row grp\"><div class=\"lbl\">"
         "<button type=\"button\" class=\"tog\" aria-expanded=\"" +
         (deferred ? "false" : "true") +
         "\" title=\"collapse or "
         "expand\"></button>"
         "<span class=\"gl\">" +
         escape_html(g.label) + "</span></div><div class=\"trk\"><span class=\"gs\">" +
         group_summary(d, g) + (g.detail.empty() ? "" : " \u00b7 " + escape_html(g.detail)) +
         "</span></div></div><div class=\"body\">" +
         (deferred ? "<script type=\"text/html\" class=\"later\">" : "") + "\n";
  for (std::size_t i : g.lanes) render_lane(d, i, out);
  for (const LaneGroup& c : g.children) render_group(d, c, out, may_defer && !deferred);
  out += std::string(deferred ? "</script>" : "") + "</div></section>\n";
}

}  // namespace

void render_lanes(const TimelineData& d, std::string& out) {
  std::vector<LaneKey> keys;
  keys.reserve(d.systems.size());
  for (const SystemView& s : d.systems)
    keys.push_back({s.name, s.kind, s.tier, s.machine, s.lpar, s.host, s.sie_level, s.critical,
                    s.phases.empty() ? 1e300 : s.phases.front().start_s});
  out += "<div class=\"lanes\">\n";
  const bool large = d.systems.size() > kDeferLanes;
  for (const LaneGroup& g : group_lanes(keys)) render_group(d, g, out, large);
  if (d.systems.empty()) out += row("empty", "no systems in this result", "");
  out += "</div>\n";
}

}  // namespace drsim::reports::html
