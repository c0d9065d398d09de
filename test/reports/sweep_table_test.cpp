// The sweep table: rows from result documents, the Pareto front, CSV and HTML (escaped,
// self-contained, links to each point's timeline).
#pragma GCC diagnostic ignored "-Warray-bounds"
#include "reports/sweep_table.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

json result(double critical_up, int guests_up, std::optional<double> cost) {
  json systems = json::array();
  for (int i = 0; i < 4; ++i)
    systems.push_back({{"name", "G" + std::to_string(i)},
                       {"kind", "linux"},
                       {"status", i < guests_up ? "up" : "not_started"},
                       {"up_s", i < guests_up ? json(1000.0 * (i + 1)) : json(nullptr)}});
  systems.push_back({{"name", "Z<1>"}, {"kind", "zos"}, {"status", "blocked"}, {"up_s", nullptr}});
  json r = {{"exercise", {{"start_week_s", 28800}}},
            {"recovery",
             {{"critical_up_s", critical_up},
              {"all_up_s", critical_up},
              {"rto_s", 172800},
              {"rto_met", true}}},
            {"systems", systems},
            {"findings", {{{"severity", "error"}}, {{"severity", "info"}}}}};
  if (cost) r["cost"] = {{"currency", "USD"}, {"test", *cost}, {"per_year", nullptr}};
  return r;
}

json point(const std::string& id, const std::string& option, json value) {
  return {{"id", id},
          {"index", 0},
          {"key", "k"},
          {"option", option},
          {"settings", {{{"pointer", "/dr_site/tape/drives"}, {"value", value}}}}};
}

}  // namespace

TEST_CASE("a row holds times, guests and systems up, blocked systems, errors and cost", "[sweep]") {
  json row = drsim::reports::sweep_row(result(21600, 3, 1234.5), point("0001", "a", 4));
  CHECK(row["critical_up_s"] == 21600);
  CHECK(row["critical_up_at"] == "Mon 14:00");
  CHECK(row["guests"] == 4);
  CHECK(row["guests_up"] == 3);
  CHECK(row["last_guest_up_s"] == 3000);
  CHECK(row["systems_up"] == 3);
  CHECK(row["blocked"] == json{"Z<1>"});
  CHECK(row["error_findings"] == 1);
  CHECK(row["cost_test"] == 1234.5);
  CHECK(row["currency"] == "USD");
  json none = drsim::reports::sweep_row(result(21600, 3, std::nullopt), point("0002", "a", 6));
  CHECK(none["cost_test"].is_null());  // no contract: no cost, not 0
}

TEST_CASE("the Pareto front keeps points no other beats on time, cost and systems up", "[sweep]") {
  std::vector<json> rows = {
      drsim::reports::sweep_row(result(20000, 4, 900), point("0001", "a", 4)),  // fast, dear
      drsim::reports::sweep_row(result(20000, 2, 500), point("0002", "b", 4)),  // cheaper, fewer up
      drsim::reports::sweep_row(result(30000, 2, 600), point("0003", "b", 6)),  // beaten by 0002
      drsim::reports::sweep_row(result(20000, 4, 950), point("0004", "a", 6)),  // beaten by 0001
  };
  auto front = drsim::reports::pareto_front(rows);
  CHECK(front == std::vector<bool>{true, true, false, false});
}

TEST_CASE("sweep.csv has a column per varied pointer and quotes what needs it", "[sweep]") {
  std::vector<json> rows = {
      drsim::reports::sweep_row(result(21600, 3, 10), point("0001", "a,b", "8GB"))};
  json header = {{"vary", {{{"pointer", "/dr_site/tape/drives"}, {"values", {4}}}}}};
  json doc = drsim::reports::sweep_document(header, rows);
  std::string csv = drsim::reports::render_sweep_csv(doc);
  CHECK(csv.rfind("id,option,/dr_site/tape/drives,critical_up_s,", 0) == 0);
  CHECK(csv.find("\n0001,\"a,b\",8GB,21600,Mon 14:00,") != std::string::npos);
  CHECK(csv.find(",true\n") != std::string::npos);  // alone: on the front
}

TEST_CASE("sweep.html escapes names, links each point and marks the RTO and the front", "[sweep]") {
  std::vector<json> rows = {
      drsim::reports::sweep_row(result(21600, 3, 10), point("0001", "<script>", 4)),
      drsim::reports::sweep_row(result(30000, 3, 20), point("0002", "b", 6))};
  json header = {{"scenario", {{"file", "a&b.json"}}},
                 {"vary", {{{"pointer", "/dr_site/tape/drives"}, {"values", {4, 6}}}}}};
  std::string html =
      drsim::reports::render_sweep_html(drsim::reports::sweep_document(header, rows));
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
  CHECK(html.find("a&amp;b.json") != std::string::npos);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  CHECK(html.find("href=\"points/0001/timeline.html\"") != std::string::npos);
  CHECK(html.find("href=\"points/0002/timeline.html\"") != std::string::npos);
  CHECK(html.find("class=\"rto\"") != std::string::npos);
  CHECK(html.find("class=\"pt front\"") != std::string::npos);
  CHECK(html.find("http") == html.find("http-equiv"));  // no network reference
}
