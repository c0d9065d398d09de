#pragma once
/// \file sweep_plan.hpp
/// Planning a sweep as pure functions: `--vary` axes (a list or a range), options as named
/// JSON Merge Patches (RFC 7396), the grid of points with their patched scenario documents,
/// each point's key (what resume and the shards rely on) and the slices of `--shard K/N`.
/// Nothing here reads files or runs a simulation (docs/sweep.md).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace drsim {

/// One `--vary /pointer=values`: the values each point takes at `pointer`.
struct SweepAxis {
  std::string pointer;
  std::vector<nlohmann::json> values;
};

/// One `--option NAME=PATCH`: a named merge patch of the base scenario.
struct SweepOption {
  std::string name;
  nlohmann::json patch = nlohmann::json::object();
};

/// What a sweep varies, independent of where it came from (command line or sweep file).
struct SweepSpec {
  std::vector<SweepOption> options;  ///< none: one unnamed option (the base itself)
  std::vector<SweepAxis> axes;       ///< none: one point per option
  unsigned long long seed = 1;
  int replications = 1;
};

/// One point of the grid.
struct SweepPoint {
  int index = 0;       ///< 0-based position in the grid (options outermost, then axes in order)
  std::string id;      ///< "0007": its directory under points/
  std::string option;  ///< option name ("" when the sweep has none)
  std::vector<std::pair<std::string, nlohmann::json>> settings;  ///< pointer -> value
  nlohmann::json document;                                       ///< the patched scenario
  std::string key;  ///< point_key() of document, seed, replications
};

/// A problem with the sweep's arguments or one of its points.
struct SweepError {
  std::string where;  ///< "--vary /dr_site/tape/drives=..." or "point 0003 (own-lpar, ...)"
  std::string pointer;
  std::string message;
  std::string to_string() const;
};

/// Parses "/pointer=4,6,8" (each value JSON, or else a string: 8GB -> "8GB") or
/// "/pointer=2..8" / "2..8:2" (an integer range, both ends included).
std::optional<SweepAxis> parse_vary(const std::string& argument, std::string& error);

/// Splits "4,[1,2],\"a,b\"" at the commas outside brackets, braces and quotes.
std::vector<std::string> split_top_level(const std::string& text);

/// Checks an option's name and patch: a name of letters, digits, '-', '_', '.'; a patch
/// that is a JSON object. Empty string when fine.
std::string check_option(const SweepOption& option);

/// The key of a point: SHA-256 of the canonical patched scenario, seed, replications and
/// `salt` (the drsim version, so a new engine does not reuse old results).
std::string point_key(const nlohmann::json& document, unsigned long long seed, int replications,
                      const std::string& salt);

/// Every point of the grid, patched: option (merge patch) first, then each axis value (a
/// replacement at an existing pointer, like --set). A pointer that names nothing in a point's
/// document is an error of that point; all of them are returned in `errors`.
std::vector<SweepPoint> plan_points(const nlohmann::json& base, const SweepSpec& spec,
                                    const std::string& salt, std::vector<SweepError>& errors);

/// The identity of the whole sweep: SHA-256 over its point keys in order. Shards of one
/// sweep share it; `--merge` refuses directories whose ids differ.
std::string sweep_id(const std::vector<SweepPoint>& points);

/// Parses "K/N" (1 <= K <= N <= 10000). nullopt and `error` when malformed.
std::optional<std::pair<int, int>> parse_shard(const std::string& text, std::string& error);

/// Whether point `index` belongs to shard k of n (1-based k; round-robin, so every shard
/// gets a fair mix of options).
bool in_shard(int index, int k, int n);

/// A setting's value as a short text for tables: 8 -> "8", "8GB" -> "8GB", {...} -> JSON.
std::string setting_text(const nlohmann::json& value);

}  // namespace drsim
