// The Monte Carlo parts of the HTML timeline (result.json "distribution"): the headline,
// each system's P10-P90 whisker on its lane, and the histogram of the all-critical-up time
// against the RTO line, on the same time axis as the lanes.
#include <algorithm>
#include <cmath>

#include "reports/escape.hpp"
#include "reports/html_parts.hpp"
#include "reports/result_io.hpp"

namespace drsim::reports::html {

namespace {

std::string percent(double p) {
  return std::to_string(static_cast<int>(std::lround(p * 100)));
}

std::string at_or_never(const TimeAxis& axis, const std::optional<double>& t) {
  return t ? week_label(axis, *t) : "never";
}

}  // namespace

const char* distribution_css() {
  return ".whisk{left:calc((var(--l) - var(--shift)) * var(--zoom) * 1%);width:calc(var(--w) * "
         "var(--zoom) * 1%);top:calc(50% - 4px);height:8px;box-sizing:border-box;border-left:2px "
         "solid #222;border-right:2px solid #222;background:linear-gradient(#222,#222) "
         "center/100% 2px no-repeat;pointer-events:none}\n"
         ".whisk.open{border-right:0}\n"
         ".verdict.mc{background:#eef3fb;color:#123}\n"
         ".dist .bar{fill:#0072B2}\n"
         ".dist .rto{stroke:#c00;stroke-width:2;stroke-dasharray:6 "
         "3;vector-effect:non-scaling-stroke}\n";
}

std::string distribution_headline(const DistributionView& v) {
  return "RTO met in " + percent(v.probability) + " % of " + thousands(v.replications) +
         " replications (CI " + percent(v.ci_low) + "\u2013" + percent(v.ci_high) + " %)";
}

std::string whisker_html(const TimelineData& d, std::size_t lane) {
  if (!d.distribution || lane >= d.distribution->sys_p10.size()) return {};
  const auto& p10 = d.distribution->sys_p10[lane];
  const auto& p90 = d.distribution->sys_p90[lane];
  if (!p10) return {};
  const double end = p90.value_or(d.axis.duration_s);
  return "<i class=\"whisk" + std::string(p90 ? "" : " open") + "\" " +
         span_style(d.axis, *p10, std::max(*p10, end)) + "></i>";
}

std::string whisker_text(const TimelineData& d, std::size_t lane) {
  if (!d.distribution || lane >= d.distribution->sys_p10.size()) return {};
  const auto& p10 = d.distribution->sys_p10[lane];
  if (!p10) return {};
  return " \u00b7 P10\u2013P90 " + week_label(d.axis, *p10) + "\u2013" +
         at_or_never(d.axis, d.distribution->sys_p90[lane]);
}

void render_distribution_chart(const TimelineData& d, std::string& out) {
  if (!d.distribution) return;
  const DistributionView& v = *d.distribution;
  double top = 1;
  for (double c : v.counts) top = std::max(top, c);
  out +=
      "<div class=\"charts\"><div class=\"row chart dist\" style=\"--h:128px\"><div "
      "class=\"lbl\"><b>All critical up</b> <small>replications per " +
      escape_html(duration_label(v.hist_bin_s)) + "; P10 " + at_or_never(d.axis, v.p10) + ", P50 " +
      at_or_never(d.axis, v.p50) + ", P90 " + at_or_never(d.axis, v.p90) +
      (v.never_share > 0 ? ", never in " + percent(v.never_share) + " %" : "") +
      "</small><span class=\"ymax\">" + thousands(top) +
      "</span><span class=\"ymin\">0</span></div><div class=\"trk\"><svg class=\"plot\" "
      "style=\"--l:0;--w:100\" viewBox=\"0 0 1000 100\" preserveAspectRatio=\"none\" "
      "role=\"img\" aria-label=\"distribution of the all-critical-up time\">";
  for (std::size_t i = 0; i < v.counts.size(); ++i) {
    if (!(v.counts[i] > 0)) continue;
    const double t0 = v.hist_start_s + static_cast<double>(i) * v.hist_bin_s;
    const double x0 = time_to_percent(d.axis, t0) * 10;
    const double w = std::max(0.8, span_percent(d.axis, t0, t0 + v.hist_bin_s) * 10);
    const double h = v.counts[i] / top * 96;
    out += "<rect class=\"bar\" x=\"" + num(x0) + "\" y=\"" + num(100 - h) + "\" width=\"" +
           num(w) + "\" height=\"" + num(h) + "\"/>";
  }
  if (d.recovery.rto_s) {
    const double x = time_to_percent(d.axis, *d.recovery.rto_s) * 10;
    out += "<line class=\"rto\" x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"0\" y2=\"100\"/>";
  }
  out += "</svg></div></div></div>\n";
}

}  // namespace drsim::reports::html
