// Large sites (issue 18): past 1,000 systems the guests of each host open collapsed, their
// lanes waiting as text (<script type="text/html" class="later">) for the page's script;
// small sites are drawn as before.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "reports/html_timeline.hpp"
#include "reports/result_io.hpp"
#include "test/unit_helpers.hpp"

using drsim::reports::render_timeline_html;
using drsim::test::count;
using drsim::test::sample_year1;
using nlohmann::json;

namespace {

const std::string kLater = "<script type=\"text/html\" class=\"later\">";

json with_systems(int n) {
  json doc = sample_year1();
  json systems = json::array();
  const json& model = doc.at("systems");
  for (int i = 0; i < n; ++i) {
    json s = model[static_cast<std::size_t>(i) % model.size()];
    s["name"] = s.at("name").get<std::string>() + "-" + std::to_string(i);
    if (!s.at("host").is_null() && s.at("kind") == "linux")
      s["host"] = "VM" + std::to_string(i % 12);
    systems.push_back(std::move(s));
  }
  doc["systems"] = std::move(systems);
  return doc;
}

/// The part of the page between the lanes' start and the charts.
std::string lanes_part(const std::string& html) {
  auto from = html.find("<div class=\"lanes\">");
  return html.substr(from, html.find("<div class=\"charts\">") - from);
}

}  // namespace

TEST_CASE("a small site draws every lane open, nothing waiting", "[html][large]") {
  for (int n : {26, 1000}) {
    const std::string lanes = lanes_part(render_timeline_html(with_systems(n)));
    INFO(n << " systems");
    CHECK(count(lanes, kLater) == 0);
    CHECK(count(lanes, " collapsed\"") == 0);
    CHECK(count(lanes, "aria-expanded=\"false\"") == 0);
    CHECK(count(lanes, "class=\"row lane ") == static_cast<std::size_t>(n));
  }
}

TEST_CASE("past 1,000 systems the guests of each host wait collapsed, as text", "[html][large]") {
  const std::string html = render_timeline_html(with_systems(1200));
  const std::string lanes = lanes_part(html);
  CHECK(count(lanes, "class=\"row lane ") == 1200);  // all still in the page, for the script
  const std::size_t templates = count(lanes, kLater);
  CHECK(templates == count(lanes, "</script>"));
  CHECK(templates >= 13);  // every "guests of z/VM" group at least
  CHECK(count(lanes, " collapsed\"") == templates);
  CHECK(count(lanes, "group lv2 collapsed\"") >= 13);
  for (auto open = lanes.find(kLater); open != std::string::npos;) {  // none nested
    auto close = lanes.find("</script>", open);
    auto next = lanes.find(kLater, open + 1);
    CHECK((next == std::string::npos || next > close));
    open = next;
  }
  CHECK(count(lanes, "aria-expanded=\"false\"") == templates);
  // a collapsed group still says what it holds
  auto g = lanes.find(">guests of z/VM VM0<");
  REQUIRE(g != std::string::npos);
  auto gs = lanes.find("class=\"gs\">", g);
  const std::string summary = lanes.substr(gs, lanes.find("</span></div></div>", gs) - gs);
  CHECK(summary.find(" systems \u00b7 <b class=") != std::string::npos);
  // the single lane of a z/VM's own group stays in view
  auto own = lanes.find("systems in LPAR");
  if (own != std::string::npos) {
    auto section = lanes.rfind("<section", own);
    CHECK(lanes.substr(section, own - section).find("collapsed") == std::string::npos);
  }
}

TEST_CASE("a name that is markup cannot end a waiting script early", "[html][large]") {
  json doc = with_systems(1200);
  for (auto& s : doc["systems"])
    if (s.at("kind") == "linux") s["reason"] = "</script><script>alert(1)</script><!--";
  doc["systems"][40]["name"] = "</SCRIPT><b>x</b>";
  const std::string lanes = lanes_part(render_timeline_html(doc));
  CHECK(count(lanes, "</script>") == count(lanes, kLater));  // only the blocks' own ends
  CHECK(lanes.find("</SCRIPT>") == std::string::npos);
  CHECK(lanes.find("<!--") == std::string::npos);
  CHECK(lanes.find("&lt;/script&gt;&lt;script&gt;alert(1)") != std::string::npos);
}
