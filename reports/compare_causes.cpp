#include "reports/compare_causes.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "reports/duration_format.hpp"

namespace drsim::reports {
namespace {

constexpr double kMinChange = 60;  ///< seconds: smaller changes are noise in a DR week

struct CauseDelta {
  std::string cause;
  double delta = 0;
  std::map<std::string, double> by_what;  ///< resource (detail) -> delta
};

void add(std::vector<CauseDelta>& out, const SystemAccount& a, double sign) {
  for (const auto& c : a.causes) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const CauseDelta& d) { return d.cause == c.cause; });
    if (it == out.end()) it = out.insert(out.end(), CauseDelta{c.cause, 0, {}});
    it->delta += sign * c.s;
    it->by_what[c.detail.empty() ? c.resource : c.detail] += sign * c.s;
  }
}

/// The resource or holder whose change went furthest in the cause's direction.
std::string main_contributor(const CauseDelta& d) {
  std::string best;
  double best_v = 0;
  for (const auto& [what, v] : d.by_what)
    if (!what.empty() && v * d.delta > best_v) best = what, best_v = v * d.delta;
  return best;
}

}  // namespace

std::map<std::string, SystemAccount> accounts_by_name(const nlohmann::json& doc) {
  std::map<std::string, SystemAccount> out;
  if (!has_attribution(doc)) return out;
  try {
    for (auto& a : read_accounts(doc, "")) out.emplace(a.name, std::move(a));
  } catch (const std::exception&) {
    out.clear();  // a malformed attribution only loses the explanation, not the comparison
  }
  return out;
}

std::string cause_changes(const SystemAccount& base, const SystemAccount& cur, size_t limit) {
  std::vector<CauseDelta> deltas;
  add(deltas, cur, +1);
  add(deltas, base, -1);
  std::erase_if(deltas, [](const CauseDelta& d) { return std::fabs(d.delta) < kMinChange; });
  std::stable_sort(deltas.begin(), deltas.end(), [](const CauseDelta& a, const CauseDelta& b) {
    return std::fabs(a.delta) > std::fabs(b.delta);
  });
  std::string out;
  for (size_t i = 0; i < deltas.size() && i < limit; ++i) {
    const CauseDelta& d = deltas[i];
    out += (i ? ", " : "") + cause_label(d.cause) + " " + format_delta(d.delta);
    std::string who = main_contributor(d);
    if (!who.empty()) out += " (" + who + ")";
  }
  return out;
}

}  // namespace drsim::reports
