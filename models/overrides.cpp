#include "models/overrides.hpp"

#include <nlohmann/json.hpp>

#include "models/text_guard.hpp"

namespace drsim {
namespace {

using nlohmann::json;

OverrideResult malformed(std::string pointer, std::string message, std::string expected) {
  return OverrideResult{OverrideStatus::Malformed, std::move(pointer), std::move(message),
                        std::move(expected)};
}

/// Whether ptr names an existing value: every array index must be a number below the size.
bool exists(const json& doc, const json::json_pointer& ptr) {
  try {
    return doc.contains(ptr);
  } catch (const json::exception&) {
    return false;
  }
}

}  // namespace

OverrideResult apply_override(json& doc, const std::string& argument) {
  const std::string usage =
      "/json/pointer=JSON, e.g. /dr_site/tape/drives=6 or '/name=\"what-if\"'";
  size_t eq = argument.find('=');
  if (eq == std::string::npos) return malformed("", "--set \"" + argument + "\" has no '='", usage);
  std::string pointer = argument.substr(0, eq);
  std::string text = argument.substr(eq + 1);
  if (pointer.empty() || pointer[0] != '/')
    return malformed(pointer, "--set pointer \"" + pointer + "\" does not start with '/'", usage);
  json::json_pointer ptr;
  try {
    ptr = json::json_pointer(pointer);
  } catch (const json::exception&) {
    return malformed(pointer, "--set pointer \"" + pointer + "\" is not an RFC 6901 JSON Pointer",
                     "'/' separated keys, with '~0' for '~' and '~1' for '/'");
  }
  json value;
  std::string problem;
  if (!parse_json_text(text, value, problem))
    return malformed(pointer, "--set value '" + text + "' is not JSON (" + problem + ")",
                     "a JSON value: 6, true, \"text\" (with the quotes), [..] or {..}");
  if (!exists(doc, ptr))
    return OverrideResult{
        OverrideStatus::Missing, pointer, "--set: nothing at " + pointer + " in the scenario",
        "a pointer to a value that exists (--set replaces values, it does not add them)"};
  doc.at(ptr) = std::move(value);
  return OverrideResult{OverrideStatus::Applied, pointer, {}, {}};
}

}  // namespace drsim
