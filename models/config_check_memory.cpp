// Memory rules of the configuration check: memory-shortfall and no-expanded-storage.

#include <cstdio>
#include <optional>

#include "models/config_check_util.hpp"
#include "models/topology.hpp"
#include "models/units.hpp"
#include "models/wording.hpp"

namespace drsim::check_util {

namespace {

using units::format_size;

/// The storage a production system gets at DR, as the scenario states it.
struct DrStorage {
  std::optional<double> memory;
  std::optional<double> xstor;
  std::string where;  ///< "in DR LPAR VMDR", "as a guest of VNDVM"
  std::string memory_pointer;
  std::string xstor_pointer;
};

std::optional<DrStorage> dr_storage(const Scenario& s, const PlacementSpec& p) {
  DrStorage d;
  if (p.mode == PlacementMode::Lpar) {
    const DrLparSpec* lpar = find_lpar(s, p.lpar);
    if (lpar == nullptr) return std::nullopt;
    if (lpar->memory_bytes > 0) d.memory = lpar->memory_bytes;
    d.xstor = lpar->xstor_bytes;
    d.where = "in DR LPAR " + lpar->name;
    d.memory_pointer = child_pointer(lpar->pointer, "memory");
    d.xstor_pointer = child_pointer(lpar->pointer, "xstor");
    return d;
  }
  if (p.mode != PlacementMode::Guest) return std::nullopt;
  d.memory = p.memory_bytes;
  d.xstor = p.xstor_bytes;
  d.where = "as a guest of the vendor's z/VM " + p.lpar;
  d.memory_pointer = child_pointer(p.pointer, "memory");
  d.xstor_pointer = child_pointer(p.pointer, "xstor");
  return d;
}

double working_sets(const Scenario& s, const std::vector<const GuestSpec*>& guests) {
  double sum = 0;
  for (const auto* g : guests) sum += working_set(*g, s.params);
  return sum;
}

/// Working sets of the guests among `guests` that the plan brings up.
double planned_working_sets(const Scenario& s, const std::vector<const GuestSpec*>& guests) {
  double sum = 0;
  for (const auto* g : guests)
    if (plan_brings_up(s, *g)) sum += working_set(*g, s.params);
  return sum;
}

/// A z/VM at DR as the topology resolved it: storage after the vendor LPAR's overcommit, and
/// whether the guests the plan brings up will page (working sets above real + Xstor).
struct VmFit {
  double real = 0, xstor = 0, ws = 0;
  bool pages() const { return ws > real + xstor; }
};

VmFit vm_fit(const Scenario& s, const Topology& t, const std::string& zvm_name,
             const std::vector<const GuestSpec*>& guests) {
  VmFit f;
  auto it = t.zvm_index.find(zvm_name);
  if (it == t.zvm_index.end()) return f;
  const ZvmNode& z = t.zvms[static_cast<size_t>(it->second)];
  f.real = z.real_bytes, f.xstor = z.xstor_bytes, f.ws = planned_working_sets(s, guests);
  return f;
}

std::string ratio_text(double ratio) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fx", ratio);
  return buf;
}

std::string zvm_paging_consequence(const VmFit& fit) {
  double real = fit.real + fit.xstor;
  if (!fit.pages())
    return "the working sets of the guests the plan starts (" + format_size(fit.ws) + ") fit the " +
           format_size(real) +
           " it has at DR: no paging at the start; paging starts as soon as their working sets "
           "grow";
  return "the working sets of the guests the plan starts (" + format_size(fit.ws) + ") are " +
         ratio_text(fit.ws / std::max(real, 1.0)) + " the " + format_size(real) +
         " of storage it has at DR: z/VM pages them to DASD; expect paging in the thousands of "
         "pages/s and Linux response times in seconds";
}

void add_shortfall(const Scenario& s, const Topology& t, const SystemSpec& sys, const DrStorage& d,
                   std::vector<Finding>& out) {
  bool vm = sys.kind == SystemKind::Zvm;
  const PlacementSpec* p = find_placement(s, sys.name);
  VmFit fit = vm && p ? vm_fit(s, t, sys.name, guests_moved(s, *p)) : VmFit{};
  // z/VM: an error when the guests will page; z/OS: always (its paging is not simulated)
  Severity sev = !vm || fit.pages() ? Severity::Error : Severity::Warning;
  Finding f = make_finding(code::kMemoryShortfall, sev, sys.name);
  f.production = memory_text(sys.memory_bytes, sys.xstor_bytes);
  f.dr = memory_text(d.memory, d.xstor) + " (" + d.where + ")";
  int pct = static_cast<int>(100 * *d.memory / sys.memory_bytes);
  f.message = sys.name + " gets " + format_size(*d.memory) + " at the DR site, " +
              std::to_string(pct) + "% of the " + format_size(sys.memory_bytes) +
              " it has in production";
  f.consequence = vm ? zvm_paging_consequence(fit)
                     : "z/OS pages to its local page data sets; online and batch work run "
                       "slower than at home";
  f.remedy = "Get the vendor to give " + sys.name + " " + format_size(sys.memory_bytes) +
             " as in production, in the DR contract and in writing; check it when you log on (" +
             (vm ? "CP QUERY STORAGE" : "D M=STOR") + ")";
  f.pointer = d.memory_pointer;
  out.push_back(f);
}

void add_no_xstor(const SystemSpec& sys, const DrStorage& d, std::vector<Finding>& out) {
  Finding f = make_finding(code::kNoExpandedStorage, Severity::Warning, sys.name);
  f.production = format_size(sys.xstor_bytes) + " Xstor";
  f.dr = "no Xstor (" + d.where + ")";
  f.message = sys.name + " has " + format_size(sys.xstor_bytes) +
              " of expanded storage in production and none at the DR site";
  f.consequence =
      "every page-out goes to the paging volumes on DASD: z/VM 5.x uses Xstor as "
      "its fast paging tier, so paging costs an I/O per block instead of "
      "microseconds";
  f.remedy = "Ask the vendor for " + format_size(sys.xstor_bytes) + " of Xstor for " + sys.name +
             " (IBM recommends some Xstor before z/VM 6.3); check it with CP QUERY XSTORE";
  f.pointer = d.xstor_pointer;
  out.push_back(f);
}

void check_placed_system(const Scenario& s, const Topology& t, const SystemSpec& sys,
                         const PlacementSpec& p, std::vector<Finding>& out) {
  auto d = dr_storage(s, p);
  if (!d) return;
  if (d->memory && *d->memory < sys.memory_bytes) add_shortfall(s, t, sys, *d, out);
  if (sys.xstor_bytes > 0 && d->xstor && *d->xstor <= 0) add_no_xstor(sys, *d, out);
}

/// Guests-direct: the moved guests' working sets must fit the vendor's z/VM LPAR.
void check_direct_guests(const Scenario& s, const Topology& t, const SystemSpec& sys,
                         const PlacementSpec& p, std::vector<Finding>& out) {
  const DrLparSpec* lpar = find_lpar(s, p.lpar);
  if (p.mode != PlacementMode::GuestsDirect || lpar == nullptr || lpar->memory_bytes <= 0) return;
  int sharing = 0;  // with others under the same vendor VM, check_vendor_vm speaks for the LPAR
  for (const auto& q : s.dr_site.placements)
    sharing += q.lpar == p.lpar && q.mode != PlacementMode::Lpar ? 1 : 0;
  auto guests = guests_moved(s, p);
  VmFit fit = vm_fit(s, t, lpar->name, guests);
  if (!fit.pages() || sharing > 1) return;
  Finding f = make_finding(code::kMemoryShortfall, Severity::Error, sys.name);
  f.production = count_noun(guests.size(), "guest") + ", " + format_size(fit.ws) +
                 " working set (those the plan starts)";
  f.dr = format_size(fit.real) + " of " + format_size(lpar->memory_bytes) +
         " left for them in the vendor's z/VM " + lpar->name;
  f.message = "the guests of " + sys.name + " that move under " + lpar->name +
              " need more storage than that LPAR has";
  f.consequence = "the vendor's z/VM pages the guests to DASD; expect slow Linux";
  f.remedy = "Move fewer guests (only the critical ones) or ask the vendor for more storage in " +
             lpar->name;
  f.pointer = child_pointer(lpar->pointer, "memory");
  out.push_back(f);
}

double demand_on(const Scenario& s, const PlacementSpec& p) {
  if (p.mode == PlacementMode::GuestsDirect) return working_sets(s, guests_moved(s, p));
  const SystemSpec* sys = find_system(s, p.system);
  return p.memory_bytes.value_or(sys ? sys->memory_bytes : 0);
}

/// A vendor z/VM hosting several placed systems: their storage must fit its LPAR together.
void check_vendor_vm(const Scenario& s, const Topology& t, const DrLparSpec& lpar,
                     std::vector<Finding>& out) {
  std::vector<std::string> hosted, paging;
  double demand = 0;
  for (const auto& p : s.dr_site.placements) {
    if (p.lpar != lpar.name || p.mode == PlacementMode::Lpar) continue;
    hosted.push_back(p.system);
    demand += demand_on(s, p);
    const SystemSpec* sys = find_system(s, p.system);
    if (sys == nullptr || sys->kind != SystemKind::Zvm) continue;
    std::string zvm = p.mode == PlacementMode::GuestsDirect ? lpar.name : p.system;
    VmFit fit = vm_fit(s, t, zvm, guests_moved(s, p));
    if (fit.pages())
      paging.push_back(p.system + " (" + format_size(fit.ws) + " of working sets in " +
                       format_size(fit.real + fit.xstor) + ")");
  }
  if (hosted.size() < 2 || lpar.memory_bytes <= 0 || demand <= lpar.memory_bytes) return;
  VendorMemory vm = vendor_memory(s, lpar.name);
  Finding f = make_finding(code::kMemoryShortfall,
                           paging.empty() ? Severity::Warning : Severity::Error, lpar.name);
  f.production = join_names(hosted) + ": " + format_size(demand) + " together";
  f.dr = format_size(lpar.memory_bytes) + " in " + lpar.name;
  char pct[16];
  std::snprintf(pct, sizeof pct, "%.0f%%", 100 * vm.factor);
  f.message = "the systems placed under the vendor's z/VM " + lpar.name + " (" +
              join_names(hosted) + ") are given " + format_size(demand) + " together, but " +
              lpar.name + " has " + format_size(lpar.memory_bytes) + ": each gets about " + pct +
              " of its storage in real memory";
  f.consequence = paging.empty() ? lpar.name +
                                       " overcommits its storage; the guests the plan starts still "
                                       "fit, so no paging at the start"
                                 : lpar.name + " overcommits its storage: " + join_names(paging) +
                                       " page to DASD";
  f.remedy = "Ask the vendor for " + format_size(demand) + " in " + lpar.name +
             " or move a system into an LPAR of its own";
  f.pointer = child_pointer(lpar.pointer, "memory");
  out.push_back(f);
}

}  // namespace

void add_memory_findings(const Scenario& s, std::vector<Finding>& out) {
  Topology t = resolve_topology(s);
  for (const auto& p : s.dr_site.placements) {
    const SystemSpec* sys = find_system(s, p.system);
    if (sys == nullptr) continue;
    check_placed_system(s, t, *sys, p, out);
    check_direct_guests(s, t, *sys, p, out);
  }
  for (const auto& lpar : s.dr_site.lpars) check_vendor_vm(s, t, lpar, out);
}

}  // namespace drsim::check_util
