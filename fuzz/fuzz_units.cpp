// libFuzzer target: the units parser (sizes, rates, durations, week times, times of day) and
// the formatters of what it parsed, plus the reports' escaping kit on the same bytes. Parsed
// values are finite and non-negative; escaped XML holds only characters XML 1.0 allows.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "models/units.hpp"
#include "reports/escape.hpp"

namespace {

void check(const drsim::units::Parsed& p) {
  if (!p.value) return;
  if (!std::isfinite(*p.value) || *p.value < 0) __builtin_trap();
  (void)drsim::units::format_duration(*p.value);
  (void)drsim::units::format_size(*p.value);
  (void)drsim::units::format_week_time(*p.value);
}

/// No control character other than tab, LF and CR, no U+FFFE/U+FFFF, no raw '<' or '&'.
void check_xml(const std::string& xml) {
  for (size_t i = 0; i < xml.size(); ++i) {
    auto c = static_cast<unsigned char>(xml[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') __builtin_trap();
    if (c == '<') __builtin_trap();
    if (c == 0xEF && i + 2 < xml.size() && static_cast<unsigned char>(xml[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(xml[i + 2]) == 0xBE ||
         static_cast<unsigned char>(xml[i + 2]) == 0xBF))
      __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check(drsim::units::parse_size(text));
  check(drsim::units::parse_rate(text));
  check(drsim::units::parse_duration(text));
  check(drsim::units::parse_week_time(text));
  check(drsim::units::parse_time_of_day(text));
  check_xml(drsim::reports::escape_xml(text));
  check_xml(drsim::reports::escape_xml(text, drsim::reports::XmlPlace::content));
  for (char c : drsim::reports::escape_terminal(text))
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) __builtin_trap();
  (void)drsim::reports::escape_markdown(text);
  (void)drsim::reports::escape_html(text);
  (void)drsim::reports::escape_json_in_html(text);
  return 0;
}
