#include "models/scenario_io.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <new>

#include "models/overrides.hpp"
#include "models/scenario_parse.hpp"
#include "models/schema.hpp"
#include "models/sha256.hpp"
#include "models/text_guard.hpp"

namespace drsim {
namespace {

using nlohmann::json;

LoadResult unreadable(const std::string& file, std::string message, std::string expected = {}) {
  LoadResult r;
  r.status = LoadStatus::Unreadable;
  r.failure = "cannot read the file";
  r.errors.push_back(ScenarioError{file, "", std::move(message), std::move(expected)});
  return r;
}

/// A result.json handed where a scenario belongs (check --against last year's result).
bool is_result_document(const json& doc) {
  return doc.is_object() && !doc.contains("schema_version") && doc.contains("drsim_version") &&
         doc.contains("recovery") && doc.contains("systems");
}

/// Whether `inner` is `outer` or lies below it.
bool covers(const std::string& outer, const std::string& inner) {
  return inner.compare(0, outer.size(), outer) == 0 &&
         (inner.size() == outer.size() || inner[outer.size()] == '/');
}

/// Adds each of `more` unless an error at the same place (or one enclosing it) is already listed.
void merge(std::vector<ScenarioError>& errors, const std::vector<ScenarioError>& more) {
  size_t known = errors.size();
  for (const auto& e : more) {
    bool dup = false;
    for (size_t i = 0; i < known && !dup; ++i)
      dup = covers(errors[i].pointer, e.pointer) || covers(e.pointer, errors[i].pointer);
    if (!dup) errors.push_back(e);
  }
}

/// Applies the overrides; returns false when one of them is malformed (exit 2).
bool apply_overrides(LoadResult& r, const std::string& file,
                     const std::vector<std::string>& overrides) {
  for (const auto& arg : overrides) {
    OverrideResult o = apply_override(r.document, arg);
    if (o.status == OverrideStatus::Applied) continue;
    r.errors.push_back(ScenarioError{file, o.pointer, o.message, o.expected});
    if (o.status == OverrideStatus::Malformed) {
      r.status = LoadStatus::Unreadable;
      r.failure = "malformed --set";
      return false;
    }
    r.status = LoadStatus::Invalid;
    r.failure = "invalid scenario";
  }
  return true;
}

/// Parses and checks the document: C++ parser and semantic checks first (their messages say
/// what was expected), then the schema for anything they did not already report.
void check_document(LoadResult& r, const std::string& file) {
  // over-long strings first, before the parser or the schema's regular expressions see them
  auto long_strings = find_long_strings(r.document, kMaxStringChars);
  for (const auto& [pointer, size] : long_strings)
    r.errors.push_back(ScenarioError{file, pointer,
                                     "a text of " + std::to_string(size) + " characters",
                                     "at most " + std::to_string(kMaxStringChars) + " characters"});
  if (!long_strings.empty()) {
    r.status = LoadStatus::Invalid;
    return;
  }
  Diagnostics parsed(file);
  r.scenario = parse_scenario(r.document, parsed);
  r.scenario.file = file;
  std::vector<ScenarioError> errors = parsed.errors();
  Diagnostics semantic(file);
  validate_scenario(r.scenario, semantic);
  merge(errors, semantic.errors());
  merge(errors, check_against_schema(r.document, file));
  merge(r.errors, errors);
  if (!r.errors.empty()) {
    r.status = LoadStatus::Invalid;
    r.failure = "invalid scenario";
  }
}

LoadResult load_text(const std::string& text, const std::string& file,
                     const std::vector<std::string>& overrides) {
  if (text.size() > kMaxFileBytes)
    return unreadable(file, "file is " + std::to_string(text.size()) + " bytes",
                      "a scenario under " + std::to_string(kMaxFileBytes) + " bytes");
  LoadResult r;
  r.sha256 = sha256_hex(text);
  std::string problem;
  if (!parse_json_text(text, r.document, problem))
    return unreadable(file, "not JSON: " + problem,
                      "a scenario: one JSON object (see drsim schema)");
  if (is_result_document(r.document)) {
    LoadResult bad = unreadable(file, "this is a drsim result (result.json), not a scenario",
                                "a scenario file; compare two results with drsim compare");
    bad.failure = "a drsim result, not a scenario";
    return bad;
  }
  if (!apply_overrides(r, file, overrides)) return r;
  check_document(r, file);
  return r;
}

}  // namespace

std::string ScenarioError::to_string() const {
  std::string out = file + ": " + (pointer.empty() ? "(document)" : pointer) + ": " + message;
  if (!expected.empty()) out += "; expected " + expected;
  return out;
}

LoadResult load_scenario_text(const std::string& text, const std::string& file,
                              const std::vector<std::string>& overrides) {
  try {
    return load_text(text, file, overrides);
  } catch (const std::bad_alloc&) {
    return unreadable(file, "out of memory while reading the scenario",
                      "a scenario of sensible size");
  } catch (const std::exception& e) {
    return unreadable(file, std::string("cannot read the scenario: ") + e.what());
  }
}

LoadResult load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  // stat first: opening a FIFO without a writer would block, and a device has no size
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return unreadable(path, std::string("cannot open: ") + std::strerror(errno), "a readable file");
  if (S_ISDIR(st.st_mode)) return unreadable(path, "is a directory", "a scenario file");
  if (!S_ISREG(st.st_mode))
    return unreadable(path, "is not a regular file (a device, FIFO or socket)", "a scenario file");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return unreadable(path, std::string("cannot open: ") + std::strerror(errno), "a readable file");
  // the cap holds while reading: the file may grow after the stat
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxFileBytes)
      return unreadable(path, "file is over " + std::to_string(kMaxFileBytes) + " bytes",
                        "a scenario under " + std::to_string(kMaxFileBytes) + " bytes");
  }
  if (in.bad()) return unreadable(path, "read error", "a readable file");
  return load_scenario_text(text, path, overrides);
}

}  // namespace drsim
