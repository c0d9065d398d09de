// The charts of the HTML timeline: paging per z/VM and CPU utilisation per LPAR, drawn as
// step lines in SVG on the same time axis as the lanes.
#include <algorithm>
#include <array>
#include <cmath>

#include "reports/escape.hpp"
#include "reports/html_parts.hpp"
#include "reports/result_io.hpp"

namespace drsim::reports::html {

namespace {

constexpr std::array<const char*, 7> kColours{"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                              "#E69F00", "#56B4E9", "#000000"};
constexpr std::array<const char*, 3> kDashes{"", "6 3", "2 2"};

struct ChartSpec {
  std::string title;
  std::string unit;
  double y_max = 1;
  bool percent = false;
};

/// The smallest 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten at or above v (1 for v <= 0).
double nice_ceiling(double v) {
  if (!(v > 0) || !std::isfinite(v)) return 1;
  double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
    if (m * p >= v * (1 - 1e-9)) return m * p;
  return 10 * p;
}

std::string y_text(const ChartSpec& c, double v) {
  if (c.percent) return thousands(v * 100) + " %";
  return v < 10 ? num(v) : thousands(v);
}

/// A step line: value i holds over [i*step, (i+1)*step), in a 1000 x 100 view box. A run of
/// equal values is one H (a flat week is a few bytes, not one H per sample).
std::string step_path(const TimelineData& d, const std::vector<double>& values, double y_max) {
  std::string path;
  double last_y = -1, run_end_x = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    double t0 = static_cast<double>(i) * d.step_s;
    if (t0 >= d.axis.duration_s) break;
    double x0 = time_to_percent(d.axis, t0) * 10;
    double x1 = time_to_percent(d.axis, t0 + d.step_s) * 10;
    double v = std::isfinite(values[i]) ? values[i] : 0;
    double y = 100 - std::clamp(v / y_max, 0.0, 1.0) * 96;
    if (path.empty())
      path = "M" + num(x0) + " " + num(y);
    else if (y != last_y)
      path += "H" + num(run_end_x) + "V" + num(y);
    run_end_x = x1;
    last_y = y;
  }
  if (!path.empty()) path += "H" + num(run_end_x);
  return path;
}

std::string series_key(const TimelineData& d, const SeriesView& s, const ChartSpec& c,
                       std::size_t k) {
  auto peak = std::max_element(s.values.begin(), s.values.end());
  std::string out = "<li style=\"--c:" + std::string(kColours[k % kColours.size()]) +
                    "\"><i class=\"key" + (k >= kColours.size() ? " dashed" : "") + "\"></i>" +
                    escape_html(s.name);
  if (peak == s.values.end()) return out + "</li>";
  if (*peak <= 0) return out + " <small>none</small></li>";
  double t_peak = static_cast<double>(peak - s.values.begin()) * d.step_s;
  out += " <small>peak " + y_text(c, *peak) + " " + week_label(d.axis, t_peak);
  if (c.percent) {
    auto full =
        std::count_if(s.values.begin(), s.values.end(), [](double v) { return v >= 0.995; });
    if (full > 0) out += ", at 100 % for " + duration_label(static_cast<double>(full) * d.step_s);
  }
  return out + "</small></li>";
}

void render_chart(const TimelineData& d, const std::vector<SeriesView>& series, const ChartSpec& c,
                  std::string& out) {
  int height = std::max(128, 44 + 14 * static_cast<int>(series.size()) * (c.percent ? 2 : 1));
  out += "<div class=\"row chart\" style=\"--h:" + std::to_string(height) +
         "px\"><div class=\"lbl\"><b>" + escape_html(c.title) + "</b> <small>" +
         escape_html(c.unit) + "</small><ul class=\"keys\">";
  for (std::size_t k = 0; k < series.size(); ++k) out += series_key(d, series[k], c, k);
  out += "</ul><span class=\"ymax\">" + y_text(c, c.y_max) + "</span><span class=\"ymid\">" +
         y_text(c, c.y_max / 2) +
         "</span><span class=\"ymin\">0</span></div><div class=\"trk\"><svg class=\"plot\" "
         "style=\"--l:0;--w:100\" "
         "viewBox=\"0 0 1000 100\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"" +
         escape_html(c.title) + "\">";
  for (double g : {4.0, 28.0, 52.0, 76.0})
    out +=
        "<line class=\"grid\" x1=\"0\" x2=\"1000\" y1=\"" + num(g) + "\" y2=\"" + num(g) + "\"/>";
  for (std::size_t k = 0; k < series.size(); ++k) {
    std::string dash = kDashes[(k / kColours.size()) % kDashes.size()];
    out += "<path class=\"line\" stroke=\"" + std::string(kColours[k % kColours.size()]) + "\"" +
           (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + " d=\"" +
           step_path(d, series[k].values, c.y_max) + "\"/>";
  }
  out += "</svg></div></div>\n";
}

double series_max(const std::vector<SeriesView>& series) {
  double m = 0;
  for (const SeriesView& s : series)
    for (double v : s.values)
      if (std::isfinite(v)) m = std::max(m, v);
  return m;
}

}  // namespace

void render_charts(const TimelineData& d, std::string& out) {
  if (!(d.step_s > 0) || (d.paging.empty() && d.cpu.empty())) return;
  out += "<div class=\"charts\">";
  out +=
      "<div class=\"row grp chart-head\"><div class=\"lbl\"><span class=\"gl\">Load</span></div>"
      "<div class=\"trk\"><span class=\"gs\">same time axis as the lanes above</span></div></div>";
  if (!d.paging.empty())
    render_chart(d, d.paging,
                 {"Paging", "pages/s per z/VM", nice_ceiling(series_max(d.paging)), false}, out);
  if (!d.cpu.empty()) render_chart(d, d.cpu, {"CPU", "busy, % of each LPAR's CPs", 1.0, true}, out);
  out += "</div>\n";
}

}  // namespace drsim::reports::html
