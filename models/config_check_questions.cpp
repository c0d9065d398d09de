// "Ask the vendor": the questions for the DR coordinator, from the findings and from what the
// scenario leaves unstated.

#include <algorithm>

#include "models/config_check.hpp"
#include "models/config_check_index.hpp"
#include "models/config_check_util.hpp"
#include "models/units.hpp"
#include "models/wording.hpp"

namespace drsim {

namespace {

using namespace check_util;
using units::format_size;

template <typename T>
const T* named(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.name == name; });
  return it == items.end() ? nullptr : &*it;
}

std::string hipersocket_question(const Scenario& s, const Finding& f) {
  const HipersocketSpec* h = named(s.production.networks.hipersockets, f.subject);
  std::string chpid =
      h ? "IQD CHPID " + h->chpid + " (Hipersocket " + f.subject + ")" : "Hipersocket " + f.subject;
  return "Will " + chpid + " be defined in your IOCDS, shared by the LPARs of " +
         (h ? join_names(h->members) : std::string("our systems")) + "?";
}

std::string vswitch_question(const Scenario& s, const Finding& f) {
  const VswitchSpec* v = named(s.production.networks.vswitches, f.subject);
  const PlacementSpec* p = v ? find_placement(s, v->vm) : nullptr;
  if (p != nullptr && p->mode != PlacementMode::GuestsDirect) return "";
  return "Will your z/VM have VSWITCH controller userids (DTCVSW1, DTCVSW2) defined for " +
         f.subject + "?";
}

std::string third_level_question(const Scenario& s, const Finding& f) {
  if (f.severity != Severity::Error) return "";
  const PlacementSpec* p = find_placement(s, f.subject);
  std::string host = p ? p->lpar : std::string("your z/VM");
  return "Can " + f.subject + " run in a DR LPAR of its own instead of under your z/VM " + host +
         "? If not, can our Linux guests run directly under your z/VM?";
}

std::string finding_question(const Scenario& s, const Finding& f) {
  if (f.code == code::kMemoryShortfall)
    return "Can " + f.subject + " get " + f.production + " at the DR site? The plan gives it " +
           f.dr + ".";
  if (f.code == code::kNoExpandedStorage)
    return "Can " + f.subject + " get " + f.production + "? The plan gives it none.";
  if (f.code == code::kThirdLevelGuests) return third_level_question(s, f);
  if (f.code == code::kSharedCpus && f.severity == Severity::Warning)
    return "Can " + f.subject +
           "'s CPs be dedicated for the test? Who else uses them, and how "
           "busy will they be?";
  if (f.code == code::kMissingHipersockets) return hipersocket_question(s, f);
  if (f.code == code::kMissingVswitchController) return vswitch_question(s, f);
  if (f.code == code::kDeviceAddressChange)
    return "Confirm the DR device numbers of " + f.subject + " (" + f.dr +
           ") and that they will not change before the test.";
  return "";
}

void placement_questions(const Scenario& s, const PlacementSpec& p, const SystemSpec& sys,
                         std::vector<std::string>& out) {
  const DrLparSpec* lpar = find_lpar(s, p.lpar);
  std::string prod = " (production: " + memory_text(sys.memory_bytes, sys.xstor_bytes) + ")?";
  if (p.mode == PlacementMode::Guest) {
    if (!p.memory_bytes) out.push_back("How much storage will your z/VM give " + sys.name + prod);
    if (!p.xstor_bytes && sys.xstor_bytes > 0)
      out.push_back("Will " + sys.name + " get expanded storage" + prod);
    if (!p.virtual_cpus)
      out.push_back("How many virtual CPs will " + sys.name + " get, and will they be dedicated?");
  } else if (p.mode == PlacementMode::Lpar && lpar && lpar->memory_bytes <= 0) {
    out.push_back("How much storage will DR LPAR " + lpar->name + " have for " + sys.name + prod);
  } else if (p.mode == PlacementMode::GuestsDirect && lpar && lpar->memory_bytes <= 0) {
    out.push_back("How much storage does your z/VM " + lpar->name + " have for our " +
                  count_noun(static_cast<double>(guests_moved(s, p).size()), "guest") + "?");
  }
}

void osa_questions(const Scenario& s, std::vector<std::string>& out) {
  for (const auto& o : s.production.networks.osas) {
    const PlacementSpec* p = find_placement(s, o.system);
    if (p == nullptr || p->mode == PlacementMode::GuestsDirect) continue;
    if (named(s.dr_site.networks.osas, o.name) != nullptr) continue;
    out.push_back("Which OSA device numbers will " + o.system + " get at DR for " + o.name +
                  " (production " + o.devices + ")?");
  }
}

void unstated_questions(const Scenario& s, std::vector<std::string>& out) {
  if (s.dr_site.machine.model.empty() || s.dr_site.machine.cps <= 0)
    out.push_back("Which machine will the test run on (model, number of CPs)?");
  for (const auto& p : s.dr_site.placements) {
    const SystemSpec* sys = find_system(s, p.system);
    if (sys != nullptr) placement_questions(s, p, *sys, out);
  }
  osa_questions(s, out);
}

}  // namespace

std::vector<std::string> vendor_questions(const Scenario& s, const std::vector<Finding>& findings) {
  check_util::IndexScope index(s);  // name look-ups in O(1) (config_check_index.hpp)
  std::vector<std::string> out;
  for (const auto& f : findings) {
    std::string q = finding_question(s, f);
    if (!q.empty()) out.push_back(q);
  }
  unstated_questions(s, out);
  std::vector<std::string> unique;
  for (auto& q : out)
    if (std::find(unique.begin(), unique.end(), q) == unique.end()) unique.push_back(q);
  return unique;
}

}  // namespace drsim
