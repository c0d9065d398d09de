// Memory rules of the configuration check: memory-shortfall and no-expanded-storage.

#include <cstdio>
#include <optional>

#include "models/config_check_util.hpp"
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

std::string ratio_text(double ratio) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fx", ratio);
  return buf;
}

std::string zvm_paging_consequence(const Scenario& s, const SystemSpec& sys, double real) {
  const auto* p = find_placement(s, sys.name);
  auto guests = p ? guests_moved(s, *p) : std::vector<const GuestSpec*>{};
  double ws = working_sets(s, guests);
  if (ws <= real)
    return "z/VM has less real storage for its guests than at home; paging starts as soon as "
           "their working sets grow";
  return "the working sets of " + count_noun(static_cast<double>(guests.size()), "guest") + " (" +
         format_size(ws) + ") are " + ratio_text(ws / real) + " the " + format_size(real) +
         " of real storage: z/VM pages them to DASD; expect paging in the thousands of pages/s "
         "and Linux response times in seconds";
}

void add_shortfall(const Scenario& s, const SystemSpec& sys, const DrStorage& d,
                   std::vector<Finding>& out) {
  Finding f = make_finding(code::kMemoryShortfall, Severity::Error, sys.name);
  f.production = memory_text(sys.memory_bytes, sys.xstor_bytes);
  f.dr = memory_text(d.memory, d.xstor) + " (" + d.where + ")";
  int pct = static_cast<int>(100 * *d.memory / sys.memory_bytes);
  f.message = sys.name + " gets " + format_size(*d.memory) + " at the DR site, " +
              std::to_string(pct) + "% of the " + format_size(sys.memory_bytes) +
              " it has in production";
  bool vm = sys.kind == SystemKind::Zvm;
  f.consequence = vm ? zvm_paging_consequence(s, sys, *d.memory + d.xstor.value_or(0))
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

void check_placed_system(const Scenario& s, const SystemSpec& sys, const PlacementSpec& p,
                         std::vector<Finding>& out) {
  auto d = dr_storage(s, p);
  if (!d) return;
  if (d->memory && *d->memory < sys.memory_bytes) add_shortfall(s, sys, *d, out);
  if (sys.xstor_bytes > 0 && d->xstor && *d->xstor <= 0) add_no_xstor(sys, *d, out);
}

/// Guests-direct: the moved guests' working sets must fit the vendor's z/VM LPAR.
void check_direct_guests(const Scenario& s, const SystemSpec& sys, const PlacementSpec& p,
                         std::vector<Finding>& out) {
  const DrLparSpec* lpar = find_lpar(s, p.lpar);
  if (p.mode != PlacementMode::GuestsDirect || lpar == nullptr || lpar->memory_bytes <= 0) return;
  auto guests = guests_moved(s, p);
  double ws = working_sets(s, guests);
  if (ws <= lpar->memory_bytes) return;
  Finding f = make_finding(code::kMemoryShortfall, Severity::Error, sys.name);
  f.production = count_noun(static_cast<double>(guests.size()), "guest") + ", " + format_size(ws) +
                 " working set";
  f.dr = format_size(lpar->memory_bytes) + " in the vendor's z/VM " + lpar->name;
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
void check_vendor_vm(const Scenario& s, const DrLparSpec& lpar, std::vector<Finding>& out) {
  std::vector<std::string> hosted;
  double demand = 0;
  for (const auto& p : s.dr_site.placements) {
    if (p.lpar != lpar.name || p.mode == PlacementMode::Lpar) continue;
    hosted.push_back(p.system);
    demand += demand_on(s, p);
  }
  if (hosted.size() < 2 || lpar.memory_bytes <= 0 || demand <= lpar.memory_bytes) return;
  Finding f = make_finding(code::kMemoryShortfall, Severity::Error, lpar.name);
  f.production = join_names(hosted) + ": " + format_size(demand) + " together";
  f.dr = format_size(lpar.memory_bytes) + " in " + lpar.name;
  f.message = "the systems placed under the vendor's z/VM " + lpar.name +
              " need more storage together than the LPAR has";
  f.consequence = lpar.name + " overcommits its storage and pages its guests to DASD";
  f.remedy = "Ask the vendor for " + format_size(demand) + " in " + lpar.name +
             " or move a system into an LPAR of its own";
  f.pointer = child_pointer(lpar.pointer, "memory");
  out.push_back(f);
}

}  // namespace

void add_memory_findings(const Scenario& s, std::vector<Finding>& out) {
  for (const auto& p : s.dr_site.placements) {
    const SystemSpec* sys = find_system(s, p.system);
    if (sys == nullptr) continue;
    check_placed_system(s, *sys, p, out);
    check_direct_guests(s, *sys, p, out);
  }
  for (const auto& lpar : s.dr_site.lpars) check_vendor_vm(s, lpar, out);
}

}  // namespace drsim::check_util
