#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "reports/duration_format.hpp"
#include "reports/escape.hpp"
#include "reports/result_io.hpp"
#include "reports/sweep_table.hpp"

namespace drsim::reports {
namespace {

using nlohmann::json;

constexpr double kW = 760, kH = 390, kLeft = 70, kRight = 30, kTop = 34, kBottom = 50;

std::string num(double v) {
  if (!std::isfinite(v)) return "0";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string esc(const json& v) {
  if (v.is_null()) return "";
  return escape_html(v.is_string() ? v.get<std::string>() : v.dump());
}

/// "39,013" for axis ticks.
std::string whole_money(double v) {
  std::string m = format_money(std::round(v));
  return m.substr(0, m.size() - 3);
}

std::string money(const json& v) {
  return v.is_number() ? format_money(v.get<double>()) : "";
}

std::string settings_text(const json& row) {
  std::string s = row.at("option").get<std::string>();
  for (const auto& st : row.at("settings"))
    s += (s.empty() ? "" : ", ") + st.at("pointer").get<std::string>() + "=" +
         (st.at("value").is_string() ? st.at("value").get<std::string>() : st.at("value").dump());
  return s;
}

struct Scale {
  double lo = 0, hi = 1, px_lo = 0, px_hi = 1;
  double at(double v) const { return px_lo + (v - lo) / (hi - lo) * (px_hi - px_lo); }
};

/// The chart: cost across, hours to all-critical-up upward; RTO line; Pareto front marked.
std::string chart(const json& points, const std::vector<double>& costs) {
  double cmin = std::numeric_limits<double>::infinity(), cmax = -cmin, tmax = 0, rto = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    if (!std::isnan(costs[i])) cmin = std::min(cmin, costs[i]), cmax = std::max(cmax, costs[i]);
    double t = row_time(points[i]);
    if (std::isfinite(t)) tmax = std::max(tmax, t);
    if (points[i].at("rto_s").is_number()) rto = std::max(rto, points[i].at("rto_s").get<double>());
  }
  bool have_cost = std::isfinite(cmin);
  if (!have_cost) cmin = 0, cmax = static_cast<double>(points.size());
  double pad = std::max((cmax - cmin) * 0.08, std::max(cmax * 0.02, 1.0));
  Scale x{cmin - pad, cmax + pad, kLeft, kW - kRight};
  double top_h = std::max(tmax, rto) / 3600 * 1.12 + 1;
  Scale y{0, top_h, kH - kBottom, kTop};
  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + num(kW) + " " + num(kH) +
                    "\" role=\"img\" aria-label=\"time to all critical systems up against cost\">";
  svg += "<line class=\"axis\" x1=\"" + num(kLeft) + "\" y1=\"" + num(kH - kBottom) + "\" x2=\"" +
         num(kW - kRight) + "\" y2=\"" + num(kH - kBottom) + "\"/><line class=\"axis\" x1=\"" +
         num(kLeft) + "\" y1=\"" + num(kTop) + "\" x2=\"" + num(kLeft) + "\" y2=\"" +
         num(kH - kBottom) + "\"/>";
  for (int k = 0; k <= 4; ++k) {
    double h = top_h * k / 4;
    svg += "<text class=\"tick\" x=\"" + num(kLeft - 6) + "\" y=\"" + num(y.at(h) + 4) +
           "\" text-anchor=\"end\">" + num(h) + " h</text>";
    if (have_cost) {
      double c = x.lo + (x.hi - x.lo) * k / 4;
      svg += "<text class=\"tick\" x=\"" + num(x.at(c)) + "\" y=\"" + num(kH - kBottom + 16) +
             "\" text-anchor=\"middle\">" + escape_html(whole_money(c)) + "</text>";
    }
  }
  svg += "<text class=\"label\" x=\"" + num((kLeft + kW - kRight) / 2) + "\" y=\"" + num(kH - 8) +
         "\" text-anchor=\"middle\">" +
         std::string(have_cost ? "cost (per year when the contract says, else this test)"
                               : "point (no contract: no cost)") +
         "</text><text class=\"label\" x=\"8\" y=\"" + num(kTop - 18) +
         "\">hours to all critical up</text>";
  if (rto > 0)
    svg += "<line class=\"rto\" x1=\"" + num(kLeft) + "\" y1=\"" + num(y.at(rto / 3600)) +
           "\" x2=\"" + num(kW - kRight) + "\" y2=\"" + num(y.at(rto / 3600)) +
           "\"/><text class=\"rto-label\" x=\"" + num(kW - kRight - 4) + "\" y=\"" +
           num(y.at(rto / 3600) - 5) + "\" text-anchor=\"end\">RTO " + num(rto / 3600) +
           " h</text>";
  for (size_t i = 0; i < points.size(); ++i) {
    const json& p = points[i];
    double t = row_time(p);
    double cx =
        x.at(have_cost ? (std::isnan(costs[i]) ? x.lo : costs[i]) : static_cast<double>(i) + 0.5);
    double cy = std::isfinite(t) ? y.at(t / 3600) : kTop;
    bool front = p.value("pareto", false);
    std::string id = p.at("id").get<std::string>();
    svg += "<a href=\"points/" + escape_html(id) + "/timeline.html\"><circle class=\"pt" +
           std::string(front ? " front" : "") + "\" cx=\"" + num(cx) + "\" cy=\"" + num(cy) +
           "\" r=\"" + (front ? "7" : "5") + "\"><title>" + escape_html(id) + " " +
           escape_html(settings_text(p)) + ": all critical up " +
           (p.at("critical_up_at").is_string() ? esc(p.at("critical_up_at")) : "never") + ", " +
           std::to_string(p.at("systems_up").get<int>()) + " systems up" +
           (std::isnan(costs[i]) ? "" : ", " + escape_html(format_money(costs[i]))) +
           "</title></circle></a><text class=\"ptl\" x=\"" + num(cx > kW / 2 ? cx - 9 : cx + 9) +
           "\" text-anchor=\"" + (cx > kW / 2 ? "end" : "start") + "\" y=\"" +
           num(cy + (i % 2 == 0 ? -8.0 : 16.0)) + "\">" + escape_html(id) + " " +
           escape_html(p.at("option").get<std::string>()) + ": " +
           std::to_string(p.at("guests_up").get<int>()) + " guests</text>";
  }
  return svg + "</svg>";
}

std::string cell(const std::string& text, const std::string& sort_key) {
  return "<td data-sort=\"" + escape_html(sort_key) + "\">" + text + "</td>";
}

std::string key_num(const json& v) {
  return v.is_number() ? num(v.get<double>()) : "1e99";
}

std::string pct(const json& v) {
  return v.is_number() ? std::to_string(static_cast<int>(std::lround(v.get<double>() * 100))) + " %"
                       : "";
}

std::string table(const json& sweep) {
  const bool mc = sweep.value("replications", 1) > 1;
  std::string out = "<table id=\"points\"><thead><tr><th>point</th><th>option</th>";
  for (const auto& a : sweep.value("vary", json::array()))
    out += "<th>" + esc(a.at("pointer")) + "</th>";
  out += std::string(mc ? "<th>critical up P50</th><th>critical up P90</th><th>RTO probability</th>"
                        : "") +
         "<th>all critical up</th><th>all up</th><th>RTO</th><th>guests up</th><th>last guest "
         "up</th><th>systems up</th><th>blocked</th><th>errors</th><th>cost (test)</th><th>cost "
         "(year)</th><th>Pareto</th></tr></thead><tbody>";
  for (const auto& p : sweep.at("points")) {
    std::string id = p.at("id").get<std::string>();
    out += std::string("<tr") + (p.value("pareto", false) ? " class=\"front\"" : "") + ">";
    out += cell(
        "<a href=\"points/" + escape_html(id) + "/timeline.html\">" + escape_html(id) + "</a>", id);
    out += cell(esc(p.at("option")), p.at("option").get<std::string>());
    for (const auto& s : p.at("settings"))
      out += cell(esc(s.at("value")), s.at("value").is_number() ? num(s.at("value").get<double>())
                                                                : esc(s.at("value")));
    if (mc) {
      auto start_free = [](const json& v) {
        return v.is_number() ? format_duration(v.get<double>()) : "never";
      };
      out += cell("+" + start_free(p.at("critical_up_s_p50")), key_num(p.at("critical_up_s_p50")));
      out +=
          cell(p.at("critical_up_p90_at").is_string() ? esc(p.at("critical_up_p90_at")) : "never",
               key_num(p.at("critical_up_s_p90")));
      out += cell(pct(p.at("rto_probability")), key_num(p.at("rto_probability")));
    }
    out += cell(p.at("critical_up_at").is_string() ? esc(p.at("critical_up_at")) : "never",
                key_num(p.at("critical_up_s")));
    out += cell(p.at("all_up_at").is_string() ? esc(p.at("all_up_at")) : "never",
                key_num(p.at("all_up_s")));
    bool met = p.value("rto_met", false);
    out += cell(met ? "met" : "<b class=\"missed\">missed</b>", met ? "0" : "1");
    out += cell(std::to_string(p.at("guests_up").get<int>()) + " of " +
                    std::to_string(p.at("guests").get<int>()),
                key_num(p.at("guests_up")));
    out += cell(p.at("last_guest_up_at").is_string() ? esc(p.at("last_guest_up_at")) : "",
                key_num(p.at("last_guest_up_s")));
    out += cell(std::to_string(p.at("systems_up").get<int>()) + " of " +
                    std::to_string(p.at("systems").get<int>()),
                key_num(p.at("systems_up")));
    std::string blocked;
    for (const auto& b : p.at("blocked"))
      blocked += (blocked.empty() ? "" : " ") + b.get<std::string>();
    out += cell(escape_html(blocked), std::to_string(p.at("blocked").size()));
    out += cell(std::to_string(p.at("error_findings").get<int>()), key_num(p.at("error_findings")));
    std::string cur = p.at("currency").is_string() ? " " + esc(p.at("currency")) : "";
    out += cell(money(p.at("cost_test")) + (p.at("cost_test").is_number() ? cur : ""),
                key_num(p.at("cost_test")));
    out += cell(money(p.at("cost_per_year")) + (p.at("cost_per_year").is_number() ? cur : ""),
                key_num(p.at("cost_per_year")));
    out += cell(p.value("pareto", false) ? "&#9733;" : "", p.value("pareto", false) ? "0" : "1");
    out += "</tr>";
  }
  return out + "</tbody></table>";
}

const char* kCss =
    "body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}h1{font-size:1.4em}"
    ".chart{width:100%;max-width:900px;border:1px solid #ddd;background:#fff}"
    ".axis{stroke:#444}.tick,.label{font-size:11px;fill:#444}.rto{stroke:#c00;stroke-dasharray:6 4}"
    ".rto-label{fill:#c00;font-size:12px}.ptl{font-size:10px;fill:#333}.pt{fill:#7a9cc6;stroke:#"
    "335}.pt.front{fill:#e8a317;"
    "stroke:#7a4b00;stroke-width:2}"
    "table{border-collapse:collapse;margin-top:1em}th,td{border:1px solid #ccc;padding:3px "
    "7px;text-align:left}"
    "th{background:#eef;cursor:pointer;user-select:none}th:after{content:' \\2195';color:#999}"
    "tr.front td{background:#fff6df}.missed{color:#c00}.note{color:#555;max-width:60em}";

const char* kJs =
    "(function(){var t=document.getElementById('points');if(!t)return;var hs=t.tHead.rows[0].cells;"
    "for(var i=0;i<hs.length;i++)(function(c){var "
    "asc=true;hs[c].addEventListener('click',function(){"
    "var b=t.tBodies[0],r=Array.prototype.slice.call(b.rows);r.sort(function(x,y){"
    "var a=x.cells[c].getAttribute('data-sort'),d=y.cells[c].getAttribute('data-sort');"
    "var na=parseFloat(a),nd=parseFloat(d);var v=(!isNaN(na)&&!isNaN(nd))?na-nd:a.localeCompare(d);"
    "return asc?v:-v;});asc=!asc;r.forEach(function(e){b.appendChild(e);});});})(i);})();";

}  // namespace

std::string render_sweep_html(const json& sweep) {
  const json& points = sweep.at("points");
  std::vector<double> costs;
  for (const auto& p : points) costs.push_back(row_cost(p));
  std::string name = sweep.contains("scenario") ? sweep["scenario"].value("file", "") : "";
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
      "<title>drsim sweep: " +
      escape_html(name) + "</title><style>";
  out += kCss;
  out += "</style></head><body>\n<h1>drsim sweep: " + escape_html(name) + "</h1>\n";
  out += "<p class=\"note\">" + std::to_string(points.size()) + " points, seed " +
         esc(sweep.value("seed", json(1))) +
         ". Marked points (&#9733;) are the Pareto front: no other point is at least as fast to "
         "bring all critical systems up, as cheap and brings up as many systems, and better in "
         "one. Click a point or its id for its timeline; click a column to sort.</p>\n";
  out += chart(points, costs) + "\n" + table(sweep) + "\n<script>";
  out += kJs;
  out += "</script>\n</body></html>\n";
  return out;
}

}  // namespace drsim::reports
