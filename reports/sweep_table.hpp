#pragma once
/// \file sweep_table.hpp
/// The table of a sweep, read from its points' result documents: one row per point (its
/// settings, critical-up and all-up times, RTO verdict, guests and systems up, blocked systems,
/// error findings, cost), the Pareto front, and the sweep.json / sweep.csv texts
/// (docs/sweep.md). Pure: JSON in, text out.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace drsim::reports {

/// One row of the table from a point's result.json and its point record
/// ({"id", "key", "option", "settings": [{"pointer", "value"}]}).
nlohmann::json sweep_row(const nlohmann::json& result, const nlohmann::json& point);

/// The time a row is judged by: all critical systems up, its P90 with replications (null =
/// never: infinitely late).
double row_time(const nlohmann::json& row);

/// The cost a row is judged by: per year when known, else this test (null = unknown).
double row_cost(const nlohmann::json& row);

/// For each row, whether no other row beats it: at least as fast (row_time), as cheap
/// (row_cost, when both have one) and bringing up as many systems, and better in one.
std::vector<bool> pareto_front(const std::vector<nlohmann::json>& rows);

/// sweep.json: `header` (sweep_id, scenario, seed, replications, options, vary) with the rows,
/// each marked "pareto".
nlohmann::json sweep_document(const nlohmann::json& header, std::vector<nlohmann::json> rows);

/// sweep.csv: a header line and one line per point (RFC 4180 quoting).
std::string render_sweep_csv(const nlohmann::json& sweep);

/// sweep.html: the sortable table, the time-against-cost chart with the RTO line and the
/// Pareto front, each point linking to points/<id>/timeline.html. Self-contained and escaped.
std::string render_sweep_html(const nlohmann::json& sweep);

}  // namespace drsim::reports
