// libFuzzer target: the result reader that `drsim report` and `drsim compare` use, and every
// rendering of what it read: the HTML timeline, and a self-compare as text, JUnit XML and
// Markdown. A bad result must be a ResultFileError (exit 2), never a crash, a hang or a huge
// page.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "reports/compare.hpp"
#include "reports/compare_output.hpp"
#include "reports/html_timeline.hpp"
#include "reports/result_io.hpp"

namespace {

std::optional<double> no_duration(std::string_view) {
  return std::nullopt;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  nlohmann::json doc;
  try {
    doc = drsim::reports::parse_result_text(text, "fuzz.json");
  } catch (const drsim::reports::ResultFileError&) {
    return 0;
  }
  try {
    std::string html = drsim::reports::render_timeline_html(doc);
    if (html.size() > size * 200 + (8u << 20)) __builtin_trap();  // a page out of proportion
  } catch (const drsim::reports::ResultFileError&) {
  }
  try {
    auto tolerances = drsim::reports::parse_tolerances({"5%"}, no_duration);
    auto c = drsim::reports::compare_results({"a.json", doc}, {"b.json", doc}, tolerances);
    (void)drsim::reports::render_compare_text(c, true);
    (void)drsim::reports::render_compare_junit(c);
    (void)drsim::reports::render_compare_markdown(c);
  } catch (const drsim::reports::ResultFileError&) {
  } catch (const drsim::reports::CompareError&) {
  }
  return 0;
}
