#pragma once
/// \file html_parts.hpp
/// The sections of the HTML timeline page (internal to reports/): each appends its HTML to
/// `out`. Positions on the time axis are CSS variables --l (left) and --w (width) in percent
/// of the whole exercise, so the page's zoom (one day) and print modes only change --zoom
/// and --shift on the timeline.

#include <string>

#include "reports/html_data.hpp"
#include "reports/timeline_layout.hpp"

namespace drsim::reports::html {

/// "12.345" with at most 3 decimals and no trailing zeros.
std::string num(double v);

/// A whole number with thousands separators: "2,800".
std::string thousands(double v);

/// style="--l:..;--w:.." for the interval [start_s, end_s] of the axis.
std::string span_style(const TimeAxis& axis, double start_s, double end_s);

/// "Mon 13:30 (+5 h 30 min)" for a time that happened, else "never".
std::string when(const TimeAxis& axis, const std::optional<double>& t_s);

/// Header: scenario name and description, RTO verdict, recovery times, counts, seed.
void render_summary(const TimelineData& d, std::string& out);

/// The sticky rows above the lanes: day and hour labels, milestones with the RTO, findings
/// and operator actions pinned at their hour.
void render_axis_rows(const TimelineData& d, std::string& out);

/// The calendar under the lanes: day boundaries, night bands, hour ticks; and the vertical
/// lines of the milestones and the RTO over them.
void render_backdrop(const TimelineData& d, std::string& out);

/// The legend of the phase colours, pins and lines.
void render_legend(std::string& out);

/// The system lanes, grouped machine -> LPAR -> VM -> tier, with collapsible groups.
void render_lanes(const TimelineData& d, std::string& out);

/// Paging (pages/s per VM) and CPU utilisation (per LPAR) charts on the same time axis.
void render_charts(const TimelineData& d, std::string& out);

/// The stylesheet of the Monte Carlo parts (added only when the result has a distribution).
const char* distribution_css();

/// "RTO met in 83 % of 1,000 replications (CI 81–85 %)".
std::string distribution_headline(const DistributionView& v);

/// A lane's P10-P90 whisker of its up time (empty without a distribution).
std::string whisker_html(const TimelineData& d, std::size_t lane);

/// " · P10–P90 Mon 13:10–Mon 14:20" for a lane's status text (empty without a distribution).
std::string whisker_text(const TimelineData& d, std::size_t lane);

/// The histogram of the all-critical-up time against the RTO line (Monte Carlo runs only).
void render_distribution_chart(const TimelineData& d, std::string& out);

/// "What set the RTO": the seconds on the critical path per resource class as a stacked bar,
/// the RTO moment and the top three resources (nothing without attribution).
void render_rto_drivers(const TimelineData& d, std::string& out);

/// A lane's stretches of the critical path, highlighted over its phases (empty without
/// attribution or when the path does not pass through it).
std::string critical_path_marks(const TimelineData& d, std::size_t lane);

/// A lane's account for its hover: "why up Mon 12:03" and its largest causes (empty without
/// attribution).
std::string account_text(const TimelineData& d, std::size_t lane);

/// The findings table and the operator actions, in time order.
void render_lists(const TimelineData& d, std::string& out);

/// Appends the page's data for its script, as JSON safe inside <script type="application/json">.
void page_data_json(const TimelineData& d, std::string& out);

/// Where the busy part of the week ends (busy_end_s over phases, milestones, actions and
/// findings but the RTO deadline): the page opens on [0, busy_end].
double busy_end(const TimelineData& d);

/// The page's stylesheet (screen and print).
const char* page_css();

/// The page's script (tooltips, collapsing, zoom, per-day printing).
const char* page_js();

}  // namespace drsim::reports::html
