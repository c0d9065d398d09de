#include <array>
#include <string>
#include <vector>

#include "models/param_table.hpp"
#include "models/scenario_parse.hpp"

namespace drsim {
namespace {

using nlohmann::json;

void read_field(ObjectReader& r, const ParamInfo& p, double& out) {
  switch (p.kind) {
    case ParamKind::Duration:
      return r.unit(p.key, units::parse_duration, out, p.bounds);
    case ParamKind::Rate:
      return r.unit(p.key, units::parse_rate, out, p.bounds);
    case ParamKind::Size:
      return r.unit(p.key, units::parse_size, out, p.bounds);
    case ParamKind::Number:
      return r.number(p.key, out, p.bounds);
    case ParamKind::Curve:
      return;
  }
}

/// Reads a 4-number curve array: strictly increasing (ratios) or non-increasing (factors).
void read_curve(ObjectReader& r, const char* key, double* out, bool increasing) {
  const json* v = r.child(key);
  if (v == nullptr) return;
  const char* expected =
      increasing
          ? "4 increasing numbers from 1 to 1000, e.g. [1.0, 1.2, 1.5, 2.0]"
          : "4 non-increasing numbers in [0.001, 1] starting at 1, e.g. [1.0, 0.45, 0.35, 0.25]";
  bool ok = v->is_array() && v->size() == 4;
  std::array<double, 4> vals{};
  for (size_t i = 0; ok && i < 4; ++i) {
    ok = (*v)[i].is_number();
    vals[i] = number_value((*v)[i]);
  }
  ok = ok && vals[0] == 1.0;
  for (size_t i = 1; ok && i < 4; ++i)
    ok = increasing ? (vals[i] > vals[i - 1] && vals[i] <= 1000)
                    : (vals[i] <= vals[i - 1] && vals[i] >= 1e-3);
  if (!ok) return r.diags().add(r.ptr(key), "is not a usable curve", expected);
  for (size_t i = 0; i < 4; ++i) out[i] = vals[i];
}

/// Reads one group (/parameters/tape, ...): exactly the keys of the table's rows of `group`.
void parse_group(const json& v, const std::string& ptr, Diagnostics& d, const std::string& group,
                 ModelParams& out) {
  std::vector<const ParamInfo*> rows;
  std::vector<std::string> keys;
  for (const auto& p : param_table()) {
    if (p.group != group) continue;
    rows.push_back(&p);
    keys.push_back(p.key);
  }
  ObjectReader r(v, ptr, d, keys);
  for (const ParamInfo* p : rows) {
    if (p->kind == ParamKind::Curve)
      read_curve(r, p->key, p->field(out), std::string(p->key) == "curve_ratio");
    else
      read_field(r, *p, *p->field(out));
  }
}

}  // namespace

void parse_params(const json& v, const std::string& ptr, Diagnostics& d, ModelParams& out) {
  std::vector<std::string> keys = param_groups();
  keys.push_back("uncertainty");  // Monte Carlo spreads and incidents: their own parser
  ObjectReader r(v, ptr, d, keys);
  for (const auto& group : param_groups())
    if (const json* g = r.child(group.c_str()))
      parse_group(*g, r.ptr(group.c_str()), d, group, out);
  if (const json* g = r.child("uncertainty"))
    parse_uncertainty(*g, r.ptr("uncertainty"), d, out.uncertainty);
}

}  // namespace drsim
