// The engine's words reach the HTML report: every phase and status name the result writer
// uses (models/lane_vocabulary.hpp) is styled and explained in the timeline.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "models/lane_vocabulary.hpp"
#include "reports/html_timeline.hpp"
#include "reports/result_io.hpp"
#include "test/unit_helpers.hpp"

using drsim::test::sample_year1;
using nlohmann::json;

namespace {

bool has(const std::string& html, const std::string& what) {
  return html.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("every phase name has its CSS class and its legend entry", "[html][vocabulary]") {
  const std::string html = drsim::reports::render_timeline_html(sample_year1());
  for (const auto& [phase, name] : drsim::kPhaseNames) {
    const std::string n(name);
    INFO("phase " << n);
    CHECK(has(html, ".p-" + n + "{"));
    CHECK(has(html, "<li><i class=\"sw ph p-" + n + "\"></i>" + n + "</li>"));
  }
}

TEST_CASE("every status name is counted under its own label and styled", "[html][vocabulary]") {
  json doc = sample_year1();
  std::size_t k = 0;
  for (json& s : doc.at("systems"))  // every status on some lane
    s["status"] = std::string(drsim::kStatusNames[k++ % drsim::kStatusNames.size()].second);
  const std::string html = drsim::reports::render_timeline_html(doc);
  CHECK_FALSE(has(html, " other</b>"));  // no status fell into the group summaries' "other"
  for (const auto& [status, name] : drsim::kStatusNames) {
    const std::string n(name);
    INFO("status " << n);
    CHECK(has(html, "class=\"row lane st-" + n + "\""));
    const std::string label = status == drsim::Status::NotStarted ? "not started" : n;
    CHECK(has(html, " " + label + "</b>"));
    // not_started lanes keep the default label colour; the others have their own
    if (status != drsim::Status::NotStarted) CHECK(has(html, ".st-" + n + " .st{"));
  }
}
