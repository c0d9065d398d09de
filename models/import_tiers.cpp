// The tiers CSV: '#' comment lines, a header row starting with "name", comma-separated cells
// (no quoting: no value needs a comma). Each value is checked against its column's kind.

#include "models/import_tiers.hpp"

#include <algorithm>
#include <cctype>

#include "models/units.hpp"

namespace drsim::import {
namespace {

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  size_t i = 0;
  while (true) {
    size_t j = line.find(',', i);
    out.push_back(trim(line.substr(i, j == std::string::npos ? std::string::npos : j - i)));
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return out;
}

bool is_int(const std::string& v) {
  return !v.empty() && v.size() < 7 && std::all_of(v.begin(), v.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

bool is_number(const std::string& v) {
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  return !v.empty() && end != nullptr && *end == '\0' && d >= 0;
}

bool one_of(const std::string& v, std::initializer_list<const char*> xs) {
  return std::any_of(xs.begin(), xs.end(), [&](const char* x) { return v == x; });
}

/// What a column expects, or "" when `v` is fine.
std::string check(const std::string& col, const std::string& v) {
  if (col == "kind")
    return one_of(v, {"zos", "zvm", "linux", "cms"}) ? "" : "zos, zvm, linux or cms";
  if (col == "tier")
    return one_of(v, {"production", "qa", "dev", "test"}) ? "" : "production, qa, dev or test";
  if (col == "critical" || col == "dedicated")
    return one_of(v, {"true", "false"}) ? "" : "true or false";
  if (col == "role")
    return one_of(v, {"none", "tcpip", "vswitch-controller", "hipersocket-router"})
               ? ""
               : "none, tcpip, vswitch-controller or hipersocket-router";
  if (col == "memory" || col == "xstor" || col == "working_set")
    return units::parse_size(v).value ? "" : "a size such as \"12GB\" or \"512MiB\"";
  if (col == "boot" || col == "app_start")
    return units::parse_duration(v).value ? "" : "a duration such as \"240s\" or \"4min\"";
  if (col == "cpus" || col == "paging_volumes" || col == "cps" || col == "ifls" || col == "volumes")
    return is_int(v) ? "" : "a whole number";
  if (col == "steady_cpu" || col == "engine_mips") return is_number(v) ? "" : "a number >= 0";
  if (col == "volume_model")
    return one_of(v, {"3390-3", "3390-9", "3390-27", "3390-54"})
               ? ""
               : "3390-3, 3390-9, 3390-27 or 3390-54";
  return "";
}

}  // namespace

const std::string* TiersRow::get(const std::string& column) const {
  auto it = cells.find(column);
  return it == cells.end() ? nullptr : &it->second;
}

const TiersRow* Tiers::find(const std::string& name) const {
  for (const auto& r : rows)
    if (r.name == name) return &r;
  return nullptr;
}

const std::vector<std::string>& tiers_columns() {
  static const std::vector<std::string> c = {
      "name",           "kind",        "tier", "critical",    "role",
      "memory",         "xstor",       "cpus", "dedicated",   "steady_cpu",
      "paging_volumes", "working_set", "boot", "app_start",   "needs_zos",
      "router",         "cps",         "ifls", "engine_mips", "volumes",
      "volume_model",   "dr_lpar"};
  return c;
}

Tiers parse_tiers(const SourceText& src, Messages& msgs) {
  Tiers t;
  std::vector<std::string> header;
  auto lines = split_lines(src.text);
  for (size_t i = 0; i < lines.size(); ++i) {
    Pos p{src.path, static_cast<int>(i + 1)};
    std::string l = trim(lines[i]);
    if (l.empty() || l[0] == '#') continue;
    auto c = cells(l);
    if (header.empty()) {
      header = c;
      if (header[0] != "name")
        msgs.error(p, "the header's first column is '" + header[0] + "'", "name");
      for (const auto& h : header)
        if (std::find(tiers_columns().begin(), tiers_columns().end(), h) == tiers_columns().end())
          msgs.error(
              p, "unknown column '" + h + "'",
              "columns among name, kind, tier, critical, role, memory, ... (docs/import.md)");
      continue;
    }
    if (c.size() > header.size()) {
      msgs.error(
          p, std::to_string(c.size()) + " cells for " + std::to_string(header.size()) + " columns",
          "at most one cell per column of the header");
      continue;
    }
    TiersRow r;
    r.pos = p;
    r.name = upper(c[0]);
    for (size_t k = 1; k < c.size(); ++k) {
      if (c[k].empty()) continue;
      std::string want = check(header[k], c[k]);
      if (!want.empty())
        msgs.error(p, "column " + header[k] + ": '" + c[k] + "' is not valid", want);
      else
        r.cells[header[k]] = c[k];
    }
    if (t.find(r.name) != nullptr)
      msgs.error(p, "a second row for " + r.name, "one row per system or guest");
    else
      t.rows.push_back(r);
  }
  return t;
}

}  // namespace drsim::import
