#include "models/config_check.hpp"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "models/config_check_index.hpp"
#include "models/config_check_util.hpp"
#include "models/wording.hpp"

namespace drsim {

namespace check_util {

namespace {

std::string count_text(std::size_t n, const char* what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

std::vector<std::string> linux_guests(const Scenario& s, const std::string& vm) {
  std::vector<std::string> out;
  for (const auto* g : guests_of_vm(s, vm))
    if (g->kind == GuestKind::Linux) out.push_back(g->name);
  return out;
}

void add_third_level(const Scenario& s, const PlacementSpec& p, std::vector<Finding>& out) {
  auto linux = linux_guests(s, p.system);
  Severity sev = linux.empty() ? Severity::Info : Severity::Error;
  Finding f = make_finding(code::kThirdLevelGuests, sev, p.system);
  f.production = p.system + " in its own LPAR: guests at the 2nd SIE level";
  f.dr = "guest of the vendor's z/VM " + p.lpar + ": its guests at the 3rd SIE level";
  f.pointer = child_pointer(p.pointer, "mode");
  if (linux.empty()) {
    f.message = p.system + " runs under the vendor's z/VM " + p.lpar + "; it has no Linux guests";
    f.consequence = "CMS service machines run acceptably at the 3rd SIE level";
    f.remedy = "none needed while no Linux guest runs under " + p.system;
    out.push_back(f);
    return;
  }
  char mult[32];
  std::snprintf(mult, sizeof mult, "%.3g", s.params.cpu.sie_level3_linux);
  f.message = p.system + " will run as a guest of the vendor's z/VM " + p.lpar + ", so its " +
              count_text(linux.size(), "Linux guest") + " (" + join_names(linux) +
              ") run at the 3rd SIE level";
  f.consequence = std::string(
                      "Linux guests will run at the 3rd SIE level: CP simulates their "
                      "privileged operations (about ") +
                  mult + "x the CPU per unit of work); expect CPU saturation and slow Linux";
  f.remedy = "Option 1: put " + p.system +
             " in a DR LPAR of its own, not under the vendor's VM "
             "(change the OSA addresses for TCPIP and the VSWITCHes; usually costs a little "
             "more). Option 2: run the Linux guests directly under the vendor's VM (the vendor "
             "creates your VSWITCH and guest LANs; easiest for a couple of guests; usually a "
             "little cheaper)";
  out.push_back(f);
}

/// Who competes for the CPs of `lpar`: co-guests of the same VM and busy shared LPARs.
std::vector<std::string> competitors(const Scenario& s, const PlacementSpec& p,
                                     const DrLparSpec& lpar) {
  std::vector<std::string> out;
  if (p.mode != PlacementMode::Lpar)
    for (const auto& q : s.dr_site.placements)
      if (&q != &p && q.lpar == p.lpar && q.mode != PlacementMode::Lpar)
        out.push_back(q.mode == PlacementMode::Guest ? q.system + " (guest of the same VM)"
                                                     : q.system + "'s guests (under the same VM)");
  if (lpar.dedicated) return out;
  for (const auto& other : s.dr_site.lpars) {
    if (other.name == lpar.name || other.dedicated || other.busy_cps <= 0) continue;
    char busy[32];
    std::snprintf(busy, sizeof busy, "%.3g", other.busy_cps);
    out.push_back(other.name + " (" + (other.vendor ? "vendor, " : "") + busy +
                  (other.busy_cps == 1 ? " CP busy)" : " CPs busy)"));
  }
  return out;
}

std::string shared_pool_text(const Scenario& s, const DrLparSpec& lpar) {
  double total = 0;
  for (const auto& l : s.dr_site.lpars)
    if (!l.dedicated) total += l.weight;
  char buf[64];
  std::snprintf(buf, sizeof buf, " (weight %.4g of %.4g)", lpar.weight, total);
  return count_noun(lpar.cps, "shared CP") + " in " + lpar.name + buf;
}

std::string dedicate_target(const SystemSpec& sys, const PlacementSpec& p, const DrLparSpec& lpar) {
  if (p.mode == PlacementMode::Lpar) return "LPAR " + lpar.name;
  if (p.mode == PlacementMode::Guest) return "the " + sys.name + " userid (CP DEDICATE)";
  return "the userids of " + sys.name + "'s guests under " + lpar.name + " (CP DEDICATE)";
}

void add_shared_cpus(const Scenario& s, const SystemSpec& sys, const PlacementSpec& p,
                     const DrLparSpec& lpar, std::vector<Finding>& out) {
  auto rivals = competitors(s, p, lpar);
  bool shares = !lpar.dedicated || (p.mode != PlacementMode::Lpar && !rivals.empty());
  if (!shares || (!sys.dedicated && rivals.empty())) return;
  Severity sev = sys.dedicated ? Severity::Warning : Severity::Info;
  Finding f = make_finding(code::kSharedCpus, sev, sys.name);
  f.production = count_noun(sys.cpus, sys.dedicated ? "dedicated CP" : "shared CP");
  f.dr = lpar.dedicated ? count_noun(lpar.cps, "dedicated CP") + " in " + lpar.name +
                              ", shared with other guests"
                        : shared_pool_text(s, lpar);
  f.message = sys.name +
              (sys.dedicated ? " had dedicated CPs at home; at DR its CPs are shared"
                             : " shares its DR CPs") +
              (rivals.empty() ? "" : " with " + join_names(rivals));
  if (!sys.dedicated) {
    f.consequence =
        "when the others are busy, " + sys.name +
        "'s work waits for CPs; production "
        "shared its CPs too, so this only matters if the others are busier than at home";
    f.remedy = "Ask how busy the others will be during the test; watch the CPU at DR";
  } else {
    f.consequence = "PR/SM (or the vendor's VM) divides the CPs among them: " + sys.name +
                    " no longer has the CPU time it had at home; when the others are busy its "
                    "CPs run at 100% and its work queues (the year-1 test competed with z/OS "
                    "for cycles)";
    f.remedy = "Ask the vendor to dedicate " + count_noun(sys.cpus, "CP") + " to " +
               dedicate_target(sys, p, lpar) + " for the test";
  }
  f.pointer = child_pointer(lpar.pointer, "dedicated");
  out.push_back(f);
}

}  // namespace

void add_cpu_findings(const Scenario& s, std::vector<Finding>& out) {
  for (const auto& p : s.dr_site.placements) {
    const SystemSpec* sys = find_system(s, p.system);
    const DrLparSpec* lpar = find_lpar(s, p.lpar);
    if (sys == nullptr) continue;
    if (sys->kind == SystemKind::Zvm && p.mode == PlacementMode::Guest) add_third_level(s, p, out);
    if (lpar != nullptr) add_shared_cpus(s, *sys, p, *lpar, out);
  }
}

}  // namespace check_util

std::vector<Finding> static_findings(const Scenario& s) {
  check_util::IndexScope index(s);  // name look-ups in O(1) (config_check_index.hpp)
  std::vector<Finding> out;
  check_util::add_memory_findings(s, out);
  check_util::add_cpu_findings(s, out);
  check_util::add_network_findings(s, out);
  check_util::add_scope_findings(s, out);
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    return std::tie(a.subject, a.code, a.message) < std::tie(b.subject, b.code, b.message);
  });
  return out;
}

const char* to_string(DiffVerdict v) {
  switch (v) {
    case DiffVerdict::Better:
      return "better";
    case DiffVerdict::Worse:
      return "worse";
    case DiffVerdict::Changed:
      return "changed";
  }
  return "changed";
}

}  // namespace drsim
