#include <set>

#include "reports/compare_causes.hpp"
#include "reports/compare_doc.hpp"
#include "reports/duration_format.hpp"

namespace drsim::reports::compare_detail {
namespace {

bool is_blocked(const SystemInfo& s) {
  return s.status == "blocked";
}

std::string state(const SystemInfo& s) {
  if (!is_blocked(s) || s.blocked_by.empty()) return s.status;
  return "blocked by " + s.blocked_by;
}

std::string up_label(const Doc& d, const SystemInfo& s) {
  return s.up_s ? format_exercise_time(d.start_week_s, *s.up_s) : "never";
}

std::string describe(const Doc& d, const SystemInfo& s) {
  std::string up = s.up_s ? "up " + format_exercise_time(d.start_week_s, *s.up_s) : "never up";
  return std::string(s.critical ? "critical" : "not critical") + ", " + state(s) + ", " + up;
}

CompareRow system_row(const Doc& b, const Doc& c, const ToleranceSettings& tol,
                      const std::string& name, const SystemInfo& sb, const SystemInfo& sc) {
  NumericSpec spec{"system", name, Quantity::time, tol.lookup({"system:" + name, "system"})};
  CompareRow r = numeric_row(b, c, spec, sb.up_s, sc.up_s);
  if (sb.status != sc.status) r.message += " (status " + sb.status + " -> " + sc.status + ")";
  return r;
}

std::optional<CompareRow> blocked_row(const std::string& name, const SystemInfo& sb,
                                      const SystemInfo& sc) {
  if (!is_blocked(sb) && !is_blocked(sc)) return std::nullopt;
  CompareRow r = make_row("blocked", name, state(sb), state(sc));
  r.magnitude = sc.critical ? 1 : 0;
  std::string kind = sc.critical ? "critical system" : "system";
  if (!is_blocked(sb)) {
    r.verdict = Verdict::regression;
    r.message = "newly blocked " + kind + (sc.blocked_by.empty() ? "" : " (" + sc.blocked_by + ")");
  } else if (!is_blocked(sc)) {
    r.verdict = Verdict::improvement;
    r.message = "no longer blocked";
  } else {
    r.message =
        sb.blocked_by == sc.blocked_by ? "blocked in both" : "still blocked, for another reason";
  }
  return r;
}

void add_new_system(const Doc& c, const std::string& name, const SystemInfo& s,
                    std::vector<CompareRow>& rows) {
  CompareRow r = make_row("system", name, "-", up_label(c, s));
  r.quantity = Quantity::time;
  r.verdict = Verdict::added;
  r.message = "new system (" + describe(c, s) + ")";
  rows.push_back(std::move(r));
  if (!is_blocked(s) || !s.critical) return;
  CompareRow blocked = make_row("blocked", name, "-", state(s));
  blocked.verdict = Verdict::regression;
  blocked.magnitude = 1;
  blocked.message = "new critical system, blocked";
  rows.push_back(std::move(blocked));
}

CompareRow removed_system(const Doc& b, const std::string& name, const SystemInfo& s) {
  CompareRow r = make_row("system", name, up_label(b, s), "-");
  r.quantity = Quantity::time;
  r.verdict = Verdict::removed;
  r.message = "no longer in the result (was " + describe(b, s) + ")";
  return r;
}

std::string finding_count(const FindingKey& k, int n) {
  if (n == 0) return "-";
  return n == 1 ? k.severity : k.severity + " x" + std::to_string(n);
}

CompareRow finding_row(const FindingKey& k, int nb, int nc, const std::string& message) {
  CompareRow r = make_row("finding", k.subject.empty() ? k.code : k.code + " " + k.subject,
                          finding_count(k, nb), finding_count(k, nc));
  if (nc > nb) {
    r.verdict = k.severity == "error" ? Verdict::regression : Verdict::added;
    r.message = "new " + k.severity + " finding" + (message.empty() ? "" : ": " + message);
  } else if (nc < nb) {
    r.verdict = Verdict::improvement;
    r.message = nc == 0 ? "resolved" : "fewer occurrences";
  } else {
    r.message = "in both";
  }
  return r;
}

/// Appends the causes that changed most to a system row whose time moved.
void add_causes(CompareRow& r, const std::map<std::string, SystemAccount>& base,
                const std::map<std::string, SystemAccount>& cur, const std::string& name) {
  auto ib = base.find(name);
  auto ic = cur.find(name);
  if (ib == base.end() || ic == cur.end() || r.magnitude <= 0) return;
  std::string changes = cause_changes(ib->second, ic->second);
  if (!changes.empty()) r.message += "; causes: " + changes;
}

}  // namespace

void compare_systems(const Doc& b, const Doc& c, const ToleranceSettings& tol,
                     std::vector<CompareRow>& rows) {
  auto base = read_systems(b);
  auto cur = read_systems(c);
  auto base_acc = accounts_by_name(b.j);
  auto cur_acc = accounts_by_name(c.j);
  for (const auto& [name, sb] : base) {
    auto it = cur.find(name);
    if (it == cur.end()) {
      rows.push_back(removed_system(b, name, sb));
      continue;
    }
    rows.push_back(system_row(b, c, tol, name, sb, it->second));
    add_causes(rows.back(), base_acc, cur_acc, name);
    if (auto r = blocked_row(name, sb, it->second)) rows.push_back(std::move(*r));
  }
  for (const auto& [name, sc] : cur) {
    if (!base.contains(name)) add_new_system(c, name, sc, rows);
  }
}

void compare_findings(const Doc& b, const Doc& c, std::vector<CompareRow>& rows) {
  auto base = read_findings(b);
  auto cur = read_findings(c);
  std::set<FindingKey> keys;
  for (const auto& [k, v] : base) keys.insert(k);
  for (const auto& [k, v] : cur) keys.insert(k);
  for (const auto& k : keys) {
    auto ib = base.find(k);
    auto ic = cur.find(k);
    int nb = ib == base.end() ? 0 : ib->second.first;
    int nc = ic == cur.end() ? 0 : ic->second.first;
    std::string message = ic != cur.end() ? ic->second.second : ib->second.second;
    rows.push_back(finding_row(k, nb, nc, message));
  }
}

}  // namespace drsim::reports::compare_detail
