// The timeline page's view of attribution: what set the RTO as a stacked bar, the critical
// path over the lanes, and each lane's account for its hover (see html_parts.hpp).
#include <algorithm>

#include "reports/duration_format.hpp"
#include "reports/escape.hpp"
#include "reports/html_parts.hpp"

namespace drsim::reports::html {
namespace {

/// The CSS class of a resource class (a fixed set: anything else is "other").
std::string class_css(const std::string& cls) {
  static const char* const kKnown[] = {"tape",    "dasd",   "cps",  "paging",
                                       "network", "people", "plan", "work"};
  for (const char* k : kKnown)
    if (cls == k) return std::string("d-") + k;
  return "d-other";
}

constexpr std::size_t kAccountLines = 6;

}  // namespace

void render_rto_drivers(const TimelineData& d, std::string& out) {
  if (!d.attribution || d.attribution->drivers.system.empty()) return;
  const Drivers& dr = d.attribution->drivers;
  double total = 0;
  for (const auto& c : dr.by_class) total += c.s;
  std::string moment =
      dr.met ? dr.system + ", the last critical system, came up at " + week_label(d.axis, dr.t_s)
             : dr.system + " never came up (the exercise end, " + week_label(d.axis, dr.t_s) + ")";
  out += "<section class=\"drivers\"><h2>What set the RTO</h2><p class=\"dm\">" +
         escape_html(moment) +
         "; time on the critical path from the exercise start:</p><div class=\"stack\">";
  for (const auto& c : dr.by_class) {
    double pct = total > 0 ? 100.0 * c.s / total : 0;
    std::string text = c.label + " " + format_duration(c.s);
    out += "<i class=\"dv " + class_css(c.cls) + "\" style=\"width:" + num(pct) + "%\" title=\"" +
           escape_html(text) + "\"><span>" + escape_html(text) + "</span></i>";
  }
  out += "</div>";
  if (!dr.summary.empty()) out += "<p class=\"top\">top: " + escape_html(dr.summary) + "</p>";
  out += "</section>\n";
}

std::string critical_path_marks(const TimelineData& d, std::size_t lane) {
  if (!d.attribution || lane >= d.systems.size()) return {};
  const std::string& name = d.systems[lane].name;
  std::string out;
  for (const PathLine& p : d.attribution->path) {
    if (p.system != name || p.end_s <= p.start_s) continue;
    out += "<i class=\"cp\" " + span_style(d.axis, p.start_s, p.end_s) + "></i>";
  }
  return out;
}

std::string account_text(const TimelineData& d, std::size_t lane) {
  if (!d.attribution || lane >= d.attribution->accounts.size()) return {};
  const SystemAccount& a = d.attribution->accounts[lane];
  std::string out =
      a.up_s ? "why up " + week_label(d.axis, a.until_s) + " (" + format_duration(a.until_s) + "):"
             : "where its time went (never up):";
  for (std::size_t i = 0; i < a.causes.size() && i < kAccountLines; ++i) {
    const CauseLine& c = a.causes[i];
    std::string what = resource_and_detail(c.resource, c.detail);
    out += '\n';
    out += format_duration(c.s);
    out += "  ";
    out += cause_label(c.cause);
    if (!what.empty()) {
      out += ": ";
      out += what;
    }
  }
  if (a.causes.size() > kAccountLines)
    out += "\n(" + std::to_string(a.causes.size() - kAccountLines) +
           " more: drsim explain RESULT.json " + a.name + ")";
  return out;
}

}  // namespace drsim::reports::html
