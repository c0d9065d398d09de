// "Don't assume you have what you did last time": the DR-site differences between two tests.

#include <algorithm>
#include <cstdio>
#include <functional>

#include "models/config_check.hpp"
#include "models/config_check_util.hpp"
#include "models/units.hpp"
#include "models/wording.hpp"

namespace drsim {

namespace {

using check_util::child_pointer;

constexpr const char* kNone = "(none)";

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string size_text(double v) {
  return units::format_size(v);
}

/// Collects the differences of one pair of scenarios.
class Differ {
 public:
  explicit Differ(std::vector<ConfigDiff>& out) : out_(out) {}

  void add(const std::string& subject, const std::string& item, std::string last,
           std::string current, DiffVerdict v, const std::string& pointer) {
    out_.push_back({subject, item, std::move(last), std::move(current), v, pointer});
  }
  /// A number where more (or, with higher_better false, less) is better.
  void number(const std::string& subject, const std::string& item, double last, double current,
              bool higher_better, const std::string& pointer,
              const std::function<std::string(double)>& fmt = number_text) {
    if (last == current) return;
    bool up = current > last;
    add(subject, item, fmt(last), fmt(current),
        up == higher_better ? DiffVerdict::Better : DiffVerdict::Worse, pointer);
  }
  void text(const std::string& subject, const std::string& item, const std::string& last,
            const std::string& current, const std::string& pointer) {
    if (last != current) add(subject, item, last, current, DiffVerdict::Changed, pointer);
  }
  /// A yes/no where `good` is the better value.
  void flag(const std::string& subject, const std::string& item, bool last, bool current, bool good,
            const std::string& pointer) {
    if (last == current) return;
    add(subject, item, last ? "yes" : "no", current ? "yes" : "no",
        current == good ? DiffVerdict::Better : DiffVerdict::Worse, pointer);
  }

 private:
  std::vector<ConfigDiff>& out_;
};

template <typename T, typename Key>
std::vector<std::string> union_keys(const std::vector<T>& a, const std::vector<T>& b, Key key) {
  std::vector<std::string> out;
  for (const auto* list : {&a, &b})
    for (const auto& x : *list)
      if (std::find(out.begin(), out.end(), key(x)) == out.end()) out.push_back(key(x));
  return out;
}

template <typename T, typename Key>
const T* by_key(const std::vector<T>& items, const std::string& k, Key key) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return key(x) == k; });
  return it == items.end() ? nullptr : &*it;
}

void diff_machine(Differ& d, const MachineSpec& a, const MachineSpec& b) {
  d.text("machine", "model", a.model, b.model, b.pointer);
  d.number("machine", "CPs", a.cps, b.cps, true, child_pointer(b.pointer, "cps"));
  d.number("machine", "engine MIPS", a.engine_mips, b.engine_mips, true,
           child_pointer(b.pointer, "engine_mips"));
}

/// True when the customer's work runs in `lpar` (its own LPAR, or a vendor z/VM hosting it).
bool customer_uses(const Scenario& s, const DrLparSpec& lpar) {
  if (!lpar.vendor) return true;
  const auto& ps = s.dr_site.placements;
  return std::any_of(ps.begin(), ps.end(), [&](const auto& p) { return p.lpar == lpar.name; });
}

/// A neighbour LPAR's CPs and weight compete with ours: more of them is worse.
void diff_lpar(Differ& d, const DrLparSpec& a, const DrLparSpec& b, bool ours) {
  auto ptr = [&](const char* k) { return child_pointer(b.pointer, k); };
  d.number(b.name, "CPs", a.cps, b.cps, ours, ptr("cps"));
  d.flag(b.name, "dedicated", a.dedicated, b.dedicated, ours, ptr("dedicated"));
  d.number(b.name, "weight", a.weight, b.weight, ours, ptr("weight"));
  d.flag(b.name, "capped", a.capped, b.capped, false, ptr("capped"));
  d.number(b.name, "memory", a.memory_bytes, b.memory_bytes, true, ptr("memory"), size_text);
  d.number(b.name, "xstor", a.xstor_bytes, b.xstor_bytes, true, ptr("xstor"), size_text);
  d.number(b.name, "vendor CPs busy", a.busy_cps, b.busy_cps, false, ptr("busy_cps"));
  d.number(b.name, "paging volumes", a.paging_volumes, b.paging_volumes, true,
           ptr("paging_volumes"));
}

std::string lpar_text(const DrLparSpec& l) {
  return std::string(l.vendor ? "vendor" : "customer") + " LPAR, " +
         count_noun(l.cps, l.dedicated ? "dedicated CP" : "shared CP");
}

void diff_lpars(Differ& d, const Scenario& last, const Scenario& cur) {
  auto key = [](const DrLparSpec& l) { return l.name; };
  for (const auto& name : union_keys(last.dr_site.lpars, cur.dr_site.lpars, key)) {
    const auto* a = by_key(last.dr_site.lpars, name, key);
    const auto* b = by_key(cur.dr_site.lpars, name, key);
    if (a && b)
      diff_lpar(d, *a, *b, customer_uses(cur, *b) || customer_uses(last, *a));
    else if (a)
      d.add(name, "LPAR", lpar_text(*a), kNone, DiffVerdict::Changed, "/dr_site/lpars");
    else
      d.add(name, "LPAR", kNone, lpar_text(*b), DiffVerdict::Changed, b->pointer);
  }
}

/// Rank of a placement for its system: 3rd-level Linux is the worst case of all.
int mode_rank(const Scenario& s, const PlacementSpec& p) {
  const SystemSpec* sys = check_util::find_system(s, p.system);
  bool vm = sys != nullptr && sys->kind == SystemKind::Zvm;
  if (p.mode == PlacementMode::Guest) return vm ? 0 : 1;
  return 2;
}

std::optional<double> placed_memory(const Scenario& s, const PlacementSpec& p) {
  if (p.mode == PlacementMode::Guest) return p.memory_bytes;
  const DrLparSpec* l = check_util::find_lpar(s, p.lpar);
  if (p.mode == PlacementMode::Lpar && l && l->memory_bytes > 0) return l->memory_bytes;
  return std::nullopt;
}

std::string placement_text(const PlacementSpec& p) {
  switch (p.mode) {
    case PlacementMode::Lpar:
      return "own LPAR " + p.lpar;
    case PlacementMode::Guest:
      return "guest of " + p.lpar;
    case PlacementMode::GuestsDirect:
      return "guests directly under " + p.lpar;
  }
  return p.lpar;
}

void diff_placement(Differ& d, const Scenario& last, const PlacementSpec& a, const Scenario& cur,
                    const PlacementSpec& b) {
  auto ptr = [&](const char* k) { return child_pointer(b.pointer, k); };
  if (a.mode != b.mode || a.lpar != b.lpar) {
    int ra = mode_rank(last, a), rb = mode_rank(cur, b);
    DiffVerdict v =
        ra == rb ? DiffVerdict::Changed : (rb > ra ? DiffVerdict::Better : DiffVerdict::Worse);
    d.add(b.system, "placement", placement_text(a), placement_text(b), v, ptr("mode"));
  }
  auto ma = placed_memory(last, a), mb = placed_memory(cur, b);
  if (ma && mb) d.number(b.system, "memory at DR", *ma, *mb, true, ptr("memory"), size_text);
  if (a.xstor_bytes && b.xstor_bytes)
    d.number(b.system, "xstor at DR", *a.xstor_bytes, *b.xstor_bytes, true, ptr("xstor"),
             size_text);
  if (a.virtual_cpus && b.virtual_cpus)
    d.number(b.system, "virtual CPs", *a.virtual_cpus, *b.virtual_cpus, true, ptr("virtual_cpus"));
  d.text(b.system, "guests moved", check_util::join_names(a.guests, 50),
         check_util::join_names(b.guests, 50), ptr("guests"));
}

void diff_placements(Differ& d, const Scenario& last, const Scenario& cur) {
  auto key = [](const PlacementSpec& p) { return p.system; };
  for (const auto& name : union_keys(last.dr_site.placements, cur.dr_site.placements, key)) {
    const auto* a = by_key(last.dr_site.placements, name, key);
    const auto* b = by_key(cur.dr_site.placements, name, key);
    if (a && b)
      diff_placement(d, last, *a, cur, *b);
    else if (a)
      d.add(name, "placement", placement_text(*a), kNone, DiffVerdict::Worse, "");
    else
      d.add(name, "placement", kNone, placement_text(*b), DiffVerdict::Better, b->pointer);
  }
}

void diff_tape(Differ& d, const TapeSpec& a, const TapeSpec& b) {
  auto ptr = [&](const char* k) { return child_pointer(b.pointer, k); };
  d.number("tape", "drives", a.drives, b.drives, true, ptr("drives"));
  d.text("tape", "drive type", a.drive_type, b.drive_type, ptr("drive_type"));
  d.flag("tape", "robot mounts", a.mount == MountKind::Robot, b.mount == MountKind::Robot, true,
         ptr("mount"));
  d.flag("tape", "virtual tape", a.vts, b.vts, false, ptr("vts"));
}

void diff_hipersockets(Differ& d, const NetworkSpec& a, const NetworkSpec& b) {
  auto key = [](const HipersocketSpec& h) { return h.name; };
  for (const auto& name : union_keys(a.hipersockets, b.hipersockets, key)) {
    const auto* x = by_key(a.hipersockets, name, key);
    const auto* y = by_key(b.hipersockets, name, key);
    if (x && y) {
      d.text(name, "IQD CHPID", x->chpid, y->chpid, child_pointer(y->pointer, "chpid"));
      d.text(name, "devices", x->devices, y->devices, child_pointer(y->pointer, "devices"));
    } else if (x) {
      d.add(name, "Hipersocket", "CHPID " + x->chpid, kNone, DiffVerdict::Worse,
            "/dr_site/networks/hipersockets");
    } else {
      d.add(name, "Hipersocket", kNone, "CHPID " + y->chpid, DiffVerdict::Better, y->pointer);
    }
  }
}

void diff_osas(Differ& d, const NetworkSpec& a, const NetworkSpec& b) {
  auto key = [](const OsaSpec& o) { return o.name; };
  for (const auto& name : union_keys(a.osas, b.osas, key)) {
    const auto* x = by_key(a.osas, name, key);
    const auto* y = by_key(b.osas, name, key);
    std::string ptr = y ? child_pointer(y->pointer, "devices") : "/dr_site/networks/osas";
    d.text(name, "OSA devices", x ? x->devices : kNone, y ? y->devices : kNone, ptr);
  }
}

void diff_vswitches(Differ& d, const NetworkSpec& a, const NetworkSpec& b) {
  auto key = [](const VswitchSpec& v) { return v.name; };
  for (const auto& name : union_keys(a.vswitches, b.vswitches, key)) {
    const auto* x = by_key(a.vswitches, name, key);
    const auto* y = by_key(b.vswitches, name, key);
    std::string ptr = y ? child_pointer(y->pointer, "controllers") : "/dr_site/networks/vswitches";
    std::string last = x ? check_util::join_names(x->controllers, 50) : kNone;
    std::string cur = y ? check_util::join_names(y->controllers, 50) : kNone;
    if (x && x->controllers.empty()) last = "no controllers";
    if (y && y->controllers.empty()) cur = "no controllers";
    if (last == cur) continue;
    std::size_t nx = x ? x->controllers.size() : 0, ny = y ? y->controllers.size() : 0;
    DiffVerdict v =
        nx == ny ? DiffVerdict::Changed : (ny > nx ? DiffVerdict::Better : DiffVerdict::Worse);
    d.add(name, "VSWITCH controllers", last, cur, v, ptr);
  }
}

void diff_networks(Differ& d, const NetworkSpec& a, const NetworkSpec& b) {
  diff_hipersockets(d, a, b);
  diff_osas(d, a, b);
  diff_vswitches(d, a, b);
}

}  // namespace

std::vector<ConfigDiff> diff_dr_sites(const Scenario& last, const Scenario& current) {
  std::vector<ConfigDiff> out;
  Differ d(out);
  diff_machine(d, last.dr_site.machine, current.dr_site.machine);
  diff_lpars(d, last, current);
  diff_placements(d, last, current);
  diff_tape(d, last.dr_site.tape, current.dr_site.tape);
  diff_networks(d, last.dr_site.networks, current.dr_site.networks);
  return out;
}

}  // namespace drsim
