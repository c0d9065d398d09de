#include "models/sweep_plan.hpp"

#include <cctype>
#include <charconv>

#include "models/json_reader.hpp"
#include "models/overrides.hpp"
#include "models/sha256.hpp"
#include "models/text_guard.hpp"

namespace drsim {
namespace {

using nlohmann::json;

constexpr size_t kMaxAxisValues = 10000;
constexpr size_t kMaxPoints = 1000000;

json value_of(const std::string& text) {
  json v;
  std::string problem;
  if (parse_json_text(text, v, problem)) return v;
  return json(text);  // 8GB, Mon 08:00: a bare string
}

bool parse_int(const std::string& text, long long& out) {
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && p == end;
}

/// "2..8" or "2..8:2" as integers; false when the text is not a range at all.
bool parse_range(const std::string& text, std::vector<json>& values, std::string& error) {
  size_t dots = text.find("..");
  if (dots == std::string::npos || text.find(',') != std::string::npos) return false;
  std::string lo_text = text.substr(0, dots), rest = text.substr(dots + 2), step_text = "1";
  if (size_t colon = rest.find(':'); colon != std::string::npos) {
    step_text = rest.substr(colon + 1);
    rest = rest.substr(0, colon);
  }
  long long lo = 0, hi = 0, step = 0;
  if (!parse_int(lo_text, lo) || !parse_int(rest, hi) || !parse_int(step_text, step)) {
    error = "range \"" + text + "\" is not A..B or A..B:STEP with integers";
    return true;
  }
  if (step <= 0 || hi < lo) {
    error = "range \"" + text + "\" is empty (expected A <= B and a step above 0)";
    return true;
  }
  if ((hi - lo) / step + 1 > static_cast<long long>(kMaxAxisValues)) {
    error = "range \"" + text + "\" has more than " + std::to_string(kMaxAxisValues) + " values";
    return true;
  }
  for (long long v = lo; v <= hi; v += step) values.emplace_back(v);
  return true;
}

std::string settings_text(const SweepPoint& p) {
  std::string s = p.option.empty() ? "" : "option " + p.option;
  for (const auto& [ptr, v] : p.settings)
    s += (s.empty() ? "" : ", ") + ptr + "=" + setting_text(v);
  return s;
}

std::string pad_id(int index, size_t count) {
  std::string n = std::to_string(index + 1);
  size_t width = std::max<size_t>(4, std::to_string(count).size());
  return std::string(width > n.size() ? width - n.size() : 0, '0') + n;
}

}  // namespace

std::string SweepError::to_string() const {
  std::string s = where;
  if (!pointer.empty()) s += ": " + pointer;
  return s + ": " + message;
}

std::vector<std::string> split_top_level(const std::string& text) {
  std::vector<std::string> parts(1);
  int depth = 0;
  bool quoted = false, escaped = false;
  for (char c : text) {
    if (quoted) {
      quoted = !(c == '"' && !escaped);
      escaped = c == '\\' && !escaped;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 0) {
      parts.emplace_back();
      continue;
    }
    parts.back() += c;
  }
  return parts;
}

std::optional<SweepAxis> parse_vary(const std::string& argument, std::string& error) {
  size_t eq = argument.find('=');
  if (eq == std::string::npos || eq == 0 || argument[0] != '/') {
    error = "--vary " + quote_for_message(argument) + " is not /pointer=V1,V2,... or /pointer=A..B";
    return std::nullopt;
  }
  SweepAxis axis;
  axis.pointer = argument.substr(0, eq);
  try {
    (void)json::json_pointer(axis.pointer);
  } catch (const json::exception&) {
    error = "--vary pointer \"" + axis.pointer + "\" is not an RFC 6901 JSON Pointer";
    return std::nullopt;
  }
  std::string list = argument.substr(eq + 1);
  if (parse_range(list, axis.values, error)) {
    if (!error.empty()) return std::nullopt;
    return axis;
  }
  for (const auto& item : split_top_level(list)) {
    if (item.empty()) {
      error = "--vary " + axis.pointer + " has an empty value in \"" + list + "\"";
      return std::nullopt;
    }
    axis.values.push_back(value_of(item));
  }
  if (axis.values.size() > kMaxAxisValues) {
    error =
        "--vary " + axis.pointer + " has more than " + std::to_string(kMaxAxisValues) + " values";
    return std::nullopt;
  }
  return axis;
}

std::string check_option(const SweepOption& option) {
  if (option.name.empty() || option.name.size() > 64)
    return "an option needs a name of 1 to 64 characters";
  for (char c : option.name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      return "option name \"" + option.name + "\" may only have letters, digits, '-', '_' and '.'";
  if (!option.patch.is_object())
    return "option " + option.name + ": the patch is not a JSON object (RFC 7396 merge patch)";
  return {};
}

std::string point_key(const json& document, unsigned long long seed, int replications,
                      const std::string& salt) {
  return sha256_hex(document.dump() + "\nseed=" + std::to_string(seed) +
                    "\nreplications=" + std::to_string(replications) + "\ndrsim=" + salt);
}

std::vector<SweepPoint> plan_points(const json& base, const SweepSpec& spec,
                                    const std::string& salt, std::vector<SweepError>& errors) {
  std::vector<SweepOption> options = spec.options;
  if (options.empty()) options.push_back(SweepOption{"", json::object()});
  size_t count = options.size();
  for (const auto& a : spec.axes) {
    if (a.values.empty() || count > kMaxPoints / a.values.size()) {
      errors.push_back(
          {"--vary " + a.pointer, "",
           a.values.empty() ? "has no values" : "the grid has more than a million points"});
      return {};
    }
    count *= a.values.size();
  }
  std::vector<SweepPoint> points;
  points.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    SweepPoint p;
    p.index = static_cast<int>(i);
    p.id = pad_id(p.index, count);
    size_t rest = i;
    std::vector<size_t> picks(spec.axes.size());
    for (size_t a = spec.axes.size(); a-- > 0;) {
      picks[a] = rest % spec.axes[a].values.size();
      rest /= spec.axes[a].values.size();
    }
    const SweepOption& opt = options[rest];
    p.option = opt.name;
    p.document = base;
    p.document.merge_patch(opt.patch);
    for (size_t a = 0; a < spec.axes.size(); ++a) {
      const auto& v = spec.axes[a].values[picks[a]];
      p.settings.emplace_back(spec.axes[a].pointer, v);
      OverrideResult r = apply_override(p.document, spec.axes[a].pointer + "=" + v.dump());
      if (r.status != OverrideStatus::Applied)
        errors.push_back({"point " + p.id + " (" + settings_text(p) + ")", spec.axes[a].pointer,
                          "nothing there in this point's scenario (--vary replaces values, it "
                          "does not add them)"});
    }
    p.key = point_key(p.document, spec.seed, spec.replications, salt);
    points.push_back(std::move(p));
  }
  return points;
}

std::string sweep_id(const std::vector<SweepPoint>& points) {
  std::string all;
  for (const auto& p : points) all += p.id + " " + p.key + "\n";
  return sha256_hex(all);
}

std::optional<std::pair<int, int>> parse_shard(const std::string& text, std::string& error) {
  size_t slash = text.find('/');
  long long k = 0, n = 0;
  if (slash == std::string::npos || !parse_int(text.substr(0, slash), k) ||
      !parse_int(text.substr(slash + 1), n) || n < 1 || n > 10000 || k < 1 || k > n) {
    error = "--shard \"" + text + "\" is not K/N with 1 <= K <= N <= 10000";
    return std::nullopt;
  }
  return std::make_pair(static_cast<int>(k), static_cast<int>(n));
}

bool in_shard(int index, int k, int n) {
  return index % n == k - 1;
}

std::string setting_text(const json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace drsim
