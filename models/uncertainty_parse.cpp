// parameters.uncertainty and risks (scenarios/README.md "Uncertainty").
#include <algorithm>
#include <string>
#include <vector>

#include "models/scenario_parse.hpp"
#include "models/uncertainty_table.hpp"

namespace drsim {
namespace {

using nlohmann::json;

const Bounds kProbability{0, 1};
const Bounds kFactor{0, 100};

void parse_spread(const json& v, const std::string& ptr, Diagnostics& d, Spread& out) {
  if (v.is_string() && v.get<std::string>() == "fixed") {
    out = Spread::fixed();
    return;
  }
  ObjectReader r(v, ptr, d, {"dist", "cv", "p95_ratio", "low", "high"});
  if (!r.ok()) return;
  std::string dist;
  r.string("dist", dist, Need::Required);
  double cv = -1, p95 = -1, low = -1, high = -1;
  r.number("cv", cv, Bounds{0, 10});
  r.number("p95_ratio", p95, Bounds{1, 1000});
  r.number("low", low, kFactor);
  r.number("high", high, kFactor);
  if (dist == "fixed") {
    out = Spread::fixed();
  } else if (dist == "lognormal") {
    if ((cv >= 0) == (p95 >= 1))
      return d.add(ptr, "needs exactly one of cv and p95_ratio",
                   "{\"dist\": \"lognormal\", \"cv\": 0.3} or {\"dist\": \"lognormal\", "
                   "\"p95_ratio\": 3}");
    out = cv >= 0 ? Spread::lognormal_cv(cv) : Spread::lognormal_p95(p95);
  } else if (dist == "uniform" || dist == "triangular") {
    bool tri = dist == "triangular";
    bool ok = low >= 0 && high >= 0 && low <= high && (!tri || (low <= 1 && high >= 1));
    if (!ok)
      return d.add(ptr,
                   "needs low and high factors with low <= high" +
                       std::string(tri ? " around the mode 1" : ""),
                   tri ? "{\"dist\": \"triangular\", \"low\": 0.8, \"high\": 1.5}"
                       : "{\"dist\": \"uniform\", \"low\": 0.6, \"high\": 1.0}");
    out = tri ? Spread::triangular(low, high) : Spread::uniform(low, high);
  } else if (!dist.empty()) {
    d.add(pointer_join(ptr, "dist"), "unknown distribution " + quote_for_message(dist),
          "one of: fixed, lognormal, uniform, triangular");
  }
}

}  // namespace

void parse_uncertainty(const json& v, const std::string& ptr, Diagnostics& d,
                       UncertaintyParams& out) {
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    if (s == "none")
      out.enabled = false;
    else if (s != "default")
      d.add(ptr, "unknown value " + quote_for_message(s),
            "\"none\", \"default\" or an object of spreads and incident probabilities");
    return;
  }
  std::vector<std::string> keys;
  for (const auto& f : uncertainty_table()) keys.emplace_back(f.key);
  ObjectReader r(v, ptr, d, keys);
  if (!r.ok()) return;
  for (const auto& f : uncertainty_table()) {
    if (f.kind == UncertaintyKind::Spread) {
      if (const json* s = r.child(f.key)) parse_spread(*s, r.ptr(f.key), d, out.*(f.spread));
    } else if (f.kind == UncertaintyKind::Probability) {
      r.number(f.key, out.*(f.number), kProbability);
    } else {
      r.unit(f.key, units::parse_duration, out.*(f.number), kNonNegative);
    }
  }
  if (out.ipl_fix_max_s < out.ipl_fix_min_s)
    d.add(r.ptr("ipl_fix_max"), "is shorter than ipl_fix_min", "a duration >= ipl_fix_min");
}

void parse_risks(const json& v, const std::string& ptr, Diagnostics& d, Scenario& s) {
  if (!v.is_array()) return d.add(ptr, "wrong type", "an array of risks");
  const NetworkSpec& dr = s.dr_site.networks;
  std::vector<std::string> names;
  for (const auto& h : dr.hipersockets) names.push_back(h.name);
  for (const auto& o : dr.osas) names.push_back(o.name);
  for (const auto& w : dr.vswitches) names.push_back(w.name);
  for (size_t i = 0; i < v.size(); ++i) {
    std::string p = pointer_join(ptr, i);
    ObjectReader r(v[i], p, d, {"id", "probability", "forget", "note"});
    if (!r.ok()) continue;
    RiskSpec rs;
    rs.pointer = p;
    r.string("id", rs.id, Need::Required);
    r.number("probability", rs.probability, kProbability, Need::Required);
    r.string("forget", rs.forget, Need::Required);
    std::string note;
    r.string("note", note, Need::Optional, false);
    if (!rs.forget.empty() && std::find(names.begin(), names.end(), rs.forget) == names.end())
      d.add(r.ptr("forget"), "names no DR network definition " + quote_for_message(rs.forget),
            names.empty() ? "a DR-site Hipersocket, OSA or VSWITCH name (the DR site defines none)"
                          : name_list(names));
    s.risks.push_back(rs);
  }
}

}  // namespace drsim
