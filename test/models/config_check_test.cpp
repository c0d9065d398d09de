#include "models/config_check.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "models/config_check_index.hpp"
#include "models/config_check_json.hpp"
#include "models/config_check_util.hpp"
#include "models/dr_networks.hpp"
#include "models/scenario_io.hpp"
#include "models/topology.hpp"
#include "test/unit_helpers.hpp"

using namespace drsim;
using drsim::test::contains;

namespace {

SystemSpec system_spec(const char* name, SystemKind kind, double mem, double xstor, bool ded) {
  SystemSpec s;
  s.name = name;
  s.kind = kind;
  s.memory_bytes = mem;
  s.xstor_bytes = xstor;
  s.cpus = 2;
  s.dedicated = ded;
  return s;
}

GuestSpec guest_spec(const char* name, GuestKind kind, GuestRole role, double virt) {
  GuestSpec g;
  g.name = name;
  g.vm = "VM1";
  g.kind = kind;
  g.role = role;
  g.virtual_bytes = virt;
  return g;
}

DrLparSpec lpar_spec(const char* name, int index, double mem, double xstor, bool ded) {
  DrLparSpec l;
  l.name = name;
  l.cps = 2;
  l.dedicated = ded;
  l.memory_bytes = mem;
  l.xstor_bytes = xstor;
  l.pointer = "/dr_site/lpars/" + std::to_string(index);
  return l;
}

PlacementSpec placement(const char* system, PlacementMode mode, const char* lpar, int index) {
  PlacementSpec p;
  p.system = system;
  p.mode = mode;
  p.lpar = lpar;
  p.pointer = "/dr_site/placements/" + std::to_string(index);
  return p;
}

void add_production(Scenario& s) {
  s.production.systems = {system_spec("ZOS1", SystemKind::Zos, 8e9, 0, false),
                          system_spec("VM1", SystemKind::Zvm, 4e9, 1e9, true)};
  auto router = guest_spec("ROUTER", GuestKind::Linux, GuestRole::HipersocketRouter, 256e6);
  router.needs.hipersocket = "HS1";
  router.needs.vswitch = "VSW1";
  auto linux = guest_spec("LNX1", GuestKind::Linux, GuestRole::None, 1e9);
  linux.needs = {{"ZOS1"}, "HS1", "ROUTER", "VSW1"};
  auto linux2 = linux;
  linux2.name = "LNX2";
  s.production.guests = {guest_spec("DTCVSW1", GuestKind::Cms, GuestRole::VswitchController, 32e6),
                         router, linux, linux2};
  s.production.networks.hipersockets = {{"HS1", "F0", "7000", {"ZOS1", "VM1"}, ""}};
  s.production.networks.osas = {{"OSA1", "2100", "VM1", ""}};
  s.production.networks.vswitches = {{"VSW1", "VM1", "OSA1", {"DTCVSW1"}, ""}};
}

void add_dr_site(Scenario& s) {
  s.dr_site.machine = {"z9 EC", 16, 0, 580, "/dr_site/machine"};
  auto vnd = lpar_spec("VNDVM", 2, 40e9, 0, false);
  vnd.vendor = true;
  vnd.os = SystemKind::Zvm;
  s.dr_site.lpars = {lpar_spec("DRZOS", 0, 8e9, 0, false), lpar_spec("DRVM", 1, 4e9, 1e9, true),
                     vnd};
  s.dr_site.placements = {placement("ZOS1", PlacementMode::Lpar, "DRZOS", 0),
                          placement("VM1", PlacementMode::Lpar, "DRVM", 1)};
  s.dr_site.networks.hipersockets = {{"HS1", "F0", "7000", {}, "/dr_site/networks/hipersockets/0"}};
  s.dr_site.networks.osas = {{"OSA1", "2100", "", "/dr_site/networks/osas/0"}};
  s.dr_site.networks.vswitches = {{"VSW1", "", "", {"DTCVSW1"}, "/dr_site/networks/vswitches/0"}};
  StepSpec start;
  start.id = "autolog";
  start.action = StepAction::Xautolog;
  start.vm = "VM1";
  start.guests = {"*"};
  start.after = {"ipl"};
  StepSpec ipl;
  ipl.id = "ipl";
  ipl.action = StepAction::Ipl;
  ipl.systems = {"ZOS1", "VM1"};
  s.plan.steps = {start, ipl};
}

/// The fixed twin: every rule satisfied.
Scenario fixed() {
  Scenario s;
  s.name = "fixed";
  add_production(s);
  add_dr_site(s);
  return s;
}

const Finding* find(const std::vector<Finding>& fs, const std::string& code,
                    const std::string& subject) {
  for (const auto& f : fs)
    if (f.code == code && f.subject == subject) return &f;
  return nullptr;
}

bool has_code(const std::vector<Finding>& fs, const std::string& code) {
  return std::any_of(fs.begin(), fs.end(), [&](const Finding& f) { return f.code == code; });
}

/// Puts VM1 under the vendor's z/VM as a guest with the given storage.
void vm_as_guest(Scenario& s, double mem, double xstor) {
  auto& p = s.dr_site.placements[1];
  p.mode = PlacementMode::Guest;
  p.lpar = "VNDVM";
  p.memory_bytes = mem;
  p.xstor_bytes = xstor;
}

}  // namespace

TEST_CASE("the fixed twin has no finding", "[config_check]") {
  CHECK(static_findings(fixed()).empty());
}

TEST_CASE("memory-shortfall: a DR LPAR with less memory than production", "[config_check]") {
  Scenario s = fixed();
  s.dr_site.lpars[1].memory_bytes = 2e9;
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kMemoryShortfall, "VM1");
  REQUIRE(f != nullptr);
  CHECK(f->production == "4GB + 1GB Xstor");
  CHECK(contains(f->dr, "2GB"));
  CHECK(f->pointer == "/dr_site/lpars/1/memory");
  CHECK(contains(f->message, "50%"));
  CHECK(contains(f->remedy, "4GB"));
  SECTION("the guests' working sets (1.4GB) fit 2GB + 1GB Xstor: a warning, no paging") {
    CHECK(f->severity == Severity::Warning);
    CHECK(contains(f->consequence, "no paging at the start"));
  }
  SECTION("they do not fit 0.5GB without Xstor: an error, the guests page") {
    s.dr_site.lpars[1].memory_bytes = 0.5e9;
    s.dr_site.lpars[1].xstor_bytes = 0;
    fs = static_findings(s);
    f = find(fs, code::kMemoryShortfall, "VM1");
    REQUIRE(f != nullptr);
    CHECK(f->severity == Severity::Error);
    CHECK(contains(f->consequence, "pages them to DASD"));
  }
}

TEST_CASE("memory-shortfall and no-expanded-storage as a guest of the vendor's VM",
          "[config_check]") {
  Scenario s = fixed();
  vm_as_guest(s, 3.5e9, 0);
  auto fs = static_findings(s);
  const Finding* mem = find(fs, code::kMemoryShortfall, "VM1");
  REQUIRE(mem != nullptr);
  CHECK(mem->dr == "3.5GB, no Xstor (as a guest of the vendor's z/VM VNDVM)");
  CHECK(mem->pointer == "/dr_site/placements/1/memory");
  const Finding* xs = find(fs, code::kNoExpandedStorage, "VM1");
  REQUIRE(xs != nullptr);
  CHECK(xs->severity == Severity::Warning);
  CHECK(xs->pointer == "/dr_site/placements/1/xstor");

  vm_as_guest(s, 4e9, 1e9);
  fs = static_findings(s);
  CHECK_FALSE(has_code(fs, code::kMemoryShortfall));
  CHECK_FALSE(has_code(fs, code::kNoExpandedStorage));
}

TEST_CASE("memory not stated gives no finding but a question", "[config_check]") {
  Scenario s = fixed();
  vm_as_guest(s, 0, 0);
  s.dr_site.placements[1].memory_bytes.reset();
  s.dr_site.placements[1].xstor_bytes.reset();
  auto fs = static_findings(s);
  CHECK_FALSE(has_code(fs, code::kMemoryShortfall));
  CHECK_FALSE(has_code(fs, code::kNoExpandedStorage));
  auto qs = vendor_questions(s, fs);
  CHECK(std::any_of(qs.begin(), qs.end(), [](const std::string& q) {
    return contains(q, "How much storage will your z/VM give VM1");
  }));
  CHECK(std::any_of(qs.begin(), qs.end(),
                    [](const std::string& q) { return contains(q, "expanded storage"); }));
}

TEST_CASE("no-expanded-storage: production Xstor, none in the DR LPAR", "[config_check]") {
  Scenario s = fixed();
  s.dr_site.lpars[1].xstor_bytes = 0;
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kNoExpandedStorage, "VM1");
  REQUIRE(f != nullptr);
  CHECK(f->production == "1GB Xstor");
  CHECK(f->pointer == "/dr_site/lpars/1/xstor");
  CHECK_FALSE(has_code(fs, code::kMemoryShortfall));
}

TEST_CASE("memory-shortfall: guests moved directly under a too small vendor VM", "[config_check]") {
  Scenario s = fixed();
  auto& p = s.dr_site.placements[1];
  p.mode = PlacementMode::GuestsDirect;
  p.lpar = "VNDVM";
  p.guests = {"DTCVSW1", "ROUTER", "LNX1"};
  s.dr_site.lpars[2].memory_bytes = 500e6;  // working sets: 0.6 x 1.288GB = 773MB
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kMemoryShortfall, "VM1");
  REQUIRE(f != nullptr);
  CHECK(contains(f->production, "3 guests"));
  CHECK(f->pointer == "/dr_site/lpars/2/memory");
  CHECK_FALSE(has_code(fs, code::kNoExpandedStorage));

  s.dr_site.lpars[2].memory_bytes = 40e9;
  CHECK_FALSE(has_code(static_findings(s), code::kMemoryShortfall));
}

TEST_CASE("memory-shortfall: systems under one vendor VM overcommit it together",
          "[config_check]") {
  Scenario s = fixed();
  s.dr_site.placements[0] = placement("ZOS1", PlacementMode::Guest, "VNDVM", 0);
  s.dr_site.placements[0].memory_bytes = 8e9;
  s.dr_site.placements[1].mode = PlacementMode::GuestsDirect;
  s.dr_site.placements[1].lpar = "VNDVM";
  s.dr_site.lpars[2].memory_bytes = 8.2e9;
  auto fs = static_findings(s);
  CHECK(find(fs, code::kMemoryShortfall, "VNDVM") != nullptr);
  CHECK(find(fs, code::kMemoryShortfall, "VM1") == nullptr);

  s.dr_site.lpars[2].memory_bytes = 40e9;
  CHECK_FALSE(has_code(static_findings(s), code::kMemoryShortfall));
}

// Issue 11, defect 4b: the check reported an LPAR shortfall (without GB figures) while the run
// gave each guest VM all its stated storage and showed no paging. The topology (used by the
// engine) and the check now share the vendor LPAR's storage the same way.
TEST_CASE("memory-shortfall: a VM and a z/OS under one vendor VM share its storage",
          "[config_check]") {
  Scenario s = fixed();
  s.dr_site.placements[0] = placement("ZOS1", PlacementMode::Guest, "VNDVM", 0);
  s.dr_site.placements[0].memory_bytes = 8e9;
  vm_as_guest(s, 4e9, 0);
  s.dr_site.lpars[2].memory_bytes = 3e9;  // 12GB given, 3GB real: a quarter each
  Topology t = resolve_topology(s);
  const ZvmNode& vm = t.zvms[static_cast<size_t>(t.zvm_index.at("VM1"))];
  CHECK(vm.stated_bytes == Approx(4e9));
  CHECK(vm.real_bytes == Approx(1e9));
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kMemoryShortfall, "VNDVM");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::Error);
  CHECK(contains(f->message, "12GB together"));
  CHECK(contains(f->message, "has 3GB"));
  CHECK(contains(f->message, "25%"));
  CHECK(contains(f->consequence, "VM1"));

  SECTION("room for the guests' working sets: a warning") {
    s.dr_site.lpars[2].memory_bytes = 11e9;
    fs = static_findings(s);
    f = find(fs, code::kMemoryShortfall, "VNDVM");
    REQUIRE(f != nullptr);
    CHECK(f->severity == Severity::Warning);
  }
}

TEST_CASE("third-level-guests: the customer's VM under the vendor's VM", "[config_check]") {
  Scenario s = fixed();
  vm_as_guest(s, 4e9, 1e9);
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kThirdLevelGuests, "VM1");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::Error);
  CHECK(contains(f->message, "3 Linux guests"));
  CHECK(contains(f->consequence, "3rd SIE level"));
  CHECK(contains(f->remedy, "Option 1"));
  CHECK(contains(f->remedy, "Option 2"));
  CHECK(f->pointer == "/dr_site/placements/1/mode");
  CHECK(fs.front().severity == Severity::Error);

  SECTION("the twins: an LPAR of its own, or Linux directly under the vendor's VM") {
    CHECK_FALSE(has_code(static_findings(fixed()), code::kThirdLevelGuests));
    s.dr_site.placements[1].mode = PlacementMode::GuestsDirect;
    CHECK_FALSE(has_code(static_findings(s), code::kThirdLevelGuests));
  }
  SECTION("a VM with CMS guests only is an info") {
    s.production.guests.erase(s.production.guests.begin() + 1, s.production.guests.end());
    fs = static_findings(s);
    const Finding* cms = find(fs, code::kThirdLevelGuests, "VM1");
    REQUIRE(cms != nullptr);
    CHECK(cms->severity == Severity::Info);
  }
}

TEST_CASE("shared-cpus: dedicated at home, shared at DR", "[config_check]") {
  Scenario s = fixed();
  s.dr_site.lpars[1].dedicated = false;
  auto busy = lpar_spec("VNDZOS", 3, 0, 0, false);
  busy.vendor = true;
  busy.busy_cps = 10;
  s.dr_site.lpars.push_back(busy);
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kSharedCpus, "VM1");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::Warning);
  CHECK(contains(f->message, "VNDZOS (vendor, 10 CPs busy)"));
  CHECK(f->production == "2 dedicated CPs");
  CHECK(f->pointer == "/dr_site/lpars/1/dedicated");
  const Finding* zos = find(fs, code::kSharedCpus, "ZOS1");
  REQUIRE(zos != nullptr);
  CHECK(zos->severity == Severity::Info);

  s.dr_site.lpars[1].dedicated = true;
  fs = static_findings(s);
  CHECK(find(fs, code::kSharedCpus, "VM1") == nullptr);
}

TEST_CASE("shared-cpus: a guest of the vendor's VM shares it with the other guests",
          "[config_check]") {
  Scenario s = fixed();
  s.dr_site.lpars[2].dedicated = true;
  vm_as_guest(s, 4e9, 1e9);
  s.dr_site.placements[0] = placement("ZOS1", PlacementMode::Guest, "VNDVM", 0);
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kSharedCpus, "VM1");
  REQUIRE(f != nullptr);
  CHECK(contains(f->message, "ZOS1 (guest of the same VM)"));
}

TEST_CASE("missing-hipersockets: production Hipersocket not defined at DR", "[config_check]") {
  Scenario s = fixed();
  s.dr_site.networks.hipersockets.clear();
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kMissingHipersockets, "HS1");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::Error);
  CHECK(contains(f->message, "3 guests (ROUTER, LNX1 and LNX2)"));
  CHECK(contains(f->consequence, "ZOS1"));
  CHECK(contains(f->remedy, "IQD CHPID F0"));
  CHECK(f->pointer == "/dr_site/networks/hipersockets");

  SECTION("not when none of its members comes to the DR site") {
    s.dr_site.placements.clear();
    CHECK_FALSE(has_code(static_findings(s), code::kMissingHipersockets));
  }
}

TEST_CASE("missing-hipersocket-router: the plan never starts the router", "[config_check]") {
  Scenario s = fixed();
  s.plan.steps[0].guests = {"DTCVSW1", "LNX1", "LNX2"};
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kMissingHipersocketRouter, "ROUTER");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::Error);
  CHECK(contains(f->dr, "no plan step XAUTOLOGs it"));

  s.plan.steps[0].guests.push_back("ROUTER");
  CHECK_FALSE(has_code(static_findings(s), code::kMissingHipersocketRouter));
}

TEST_CASE("missing-hipersocket-router: the router does not move with its guests",
          "[config_check]") {
  Scenario s = fixed();
  auto& p = s.dr_site.placements[1];
  p.mode = PlacementMode::GuestsDirect;
  p.lpar = "VNDVM";
  p.guests = {"LNX1"};
  s.plan.steps[0].vm = "VNDVM";
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kMissingHipersocketRouter, "ROUTER");
  REQUIRE(f != nullptr);
  CHECK(contains(f->dr, "not among the guests"));
  CHECK(f->pointer == "/dr_site/placements/1/guests");

  p.guests = {"LNX1", "ROUTER"};
  CHECK_FALSE(has_code(static_findings(s), code::kMissingHipersocketRouter));
}

TEST_CASE("missing-vswitch-controller: the customer's VM at DR", "[config_check]") {
  Scenario s = fixed();
  SECTION("no controller listed") {
    s.dr_site.networks.vswitches[0].controllers.clear();
  }
  SECTION("a controller userid that does not exist at DR") {
    s.dr_site.networks.vswitches[0].controllers = {"DTCVSW9"};
  }
  SECTION("the plan starts no controller") {
    s.plan.steps[0].guests = {"ROUTER", "LNX1", "LNX2"};
  }
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kMissingVswitchController, "VSW1");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::Warning);
  CHECK(contains(f->message, "3 guests"));
  CHECK(f->blocks == std::vector<std::string>{"ROUTER", "LNX1", "LNX2"});
}

// Issue 11, defect 4a: the engine takes VSW1 and its controllers from the customer's own SYSTEM
// CONFIG, and so must the check (it reported missing-vswitch-controller).
TEST_CASE("the customer's own z/VM brings its VSWITCH: no DR entry needed", "[config_check]") {
  Scenario s = fixed();
  s.dr_site.networks.vswitches.clear();
  auto fs = static_findings(s);
  CHECK_FALSE(has_code(fs, code::kMissingVswitchController));
  CHECK(fs.empty());
  auto nets = resolve_dr_networks(s);
  const DrVswitch* v = nets.vswitch("VSW1");
  REQUIRE(v != nullptr);
  CHECK(v->defined);
  CHECK(v->customer_vm);
  CHECK(v->controllers == std::vector<std::string>{"DTCVSW1"});
  CHECK(v->startable_controllers == std::vector<std::string>{"DTCVSW1"});
  CHECK(v->osa == "OSA1");
  CHECK(v->uplink);
}

// Issue 11, defect 3: with no OSA at DR the uplink is gone; the check said nothing (and the
// device-address-change warning disappeared).
TEST_CASE("missing-osa: the uplink OSA of a VSWITCH has no DR definition", "[config_check]") {
  Scenario s = fixed();
  s.dr_site.networks.osas.clear();
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kMissingOsa, "OSA1");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::Error);
  CHECK(contains(f->message, "uplink of VSWITCH VSW1"));
  CHECK(f->blocks == std::vector<std::string>{"ROUTER", "LNX1", "LNX2"});
  CHECK(f->pointer == "/dr_site/networks/osas");
  CHECK_FALSE(resolve_dr_networks(s).vswitch("VSW1")->uplink);

  SECTION("guests under the vendor's VM use the vendor's uplink unless its VSWITCH names one") {
    auto& p = s.dr_site.placements[1];
    p.mode = PlacementMode::GuestsDirect;
    p.lpar = "VNDVM";
    s.plan.steps[0].vm = "VNDVM";
    CHECK_FALSE(has_code(static_findings(s), code::kMissingOsa));
    s.dr_site.networks.vswitches[0].osa = "OSA1";
    CHECK(has_code(static_findings(s), code::kMissingOsa));
  }
}

// Issue 11, defect 1: a critical system that the plan never starts vanished from the verdict.
TEST_CASE("critical-not-planned: a critical guest the plan never starts", "[config_check]") {
  Scenario s = fixed();
  s.production.guests[2].critical = true;  // LNX1
  s.plan.steps[0].guests = {"DTCVSW1", "ROUTER", "LNX2"};
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kCriticalNotPlanned, "LNX1");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::Error);
  CHECK(contains(f->message, "no XAUTOLOG step"));

  SECTION("out of scope on purpose: no finding") {
    s.plan.out_of_scope = {{"LNX1", "runs elsewhere this year", "/plan/out_of_scope/0"}};
    CHECK_FALSE(has_code(static_findings(s), code::kCriticalNotPlanned));
    CHECK(out_of_scope(s, "LNX1") != nullptr);
  }
  SECTION("a critical z/OS no step IPLs") {
    s.plan.steps[0].guests = {"*"};
    s.plan.steps[1].systems = {"VM1"};
    fs = static_findings(s);
    f = find(fs, code::kCriticalNotPlanned, "ZOS1");
    REQUIRE(f != nullptr);
    CHECK(contains(f->message, "no plan step IPLs it"));
    CHECK(contains(f->message, "LNX1 waits for it"));  // the root, with its dependent
    CHECK(find(fs, code::kCriticalNotPlanned, "LNX1") == nullptr);
  }
  SECTION("the root is named even when only its dependent is critical") {
    s.plan.steps[0].guests = {"*"};
    s.plan.steps[1].systems = {"VM1"};
    s.production.systems[0].critical = false;  // ZOS1
    fs = static_findings(s);
    f = find(fs, code::kCriticalNotPlanned, "ZOS1");
    REQUIRE(f != nullptr);
    CHECK(contains(f->message, "ZOS1 is never brought up"));
    CHECK(contains(f->message, "LNX1 waits for it"));
  }
}

TEST_CASE("missing-vswitch-controller: guests directly under the vendor's VM", "[config_check]") {
  Scenario s = fixed();
  auto& p = s.dr_site.placements[1];
  p.mode = PlacementMode::GuestsDirect;
  p.lpar = "VNDVM";
  p.guests = {"ROUTER", "LNX1"};
  s.dr_site.networks.vswitches[0].controllers.clear();
  auto fs = static_findings(s);
  const Finding* f = find(fs, code::kMissingVswitchController, "VSW1");
  REQUIRE(f != nullptr);
  CHECK(contains(f->remedy, "Ask the vendor"));
  CHECK(f->pointer == "/dr_site/networks/vswitches/0/controllers");

  s.dr_site.networks.vswitches[0].controllers = {"DTCVSW1", "DTCVSW2"};
  CHECK_FALSE(has_code(static_findings(s), code::kMissingVswitchController));
}

TEST_CASE("device-address-change: DR OSA and Hipersocket device numbers differ", "[config_check]") {
  Scenario s = fixed();
  s.dr_site.networks.osas[0].devices = "3100";
  s.dr_site.networks.hipersockets[0].devices = "7100";
  auto fs = static_findings(s);
  const Finding* osa = find(fs, code::kDeviceAddressChange, "OSA1");
  REQUIRE(osa != nullptr);
  CHECK(osa->severity == Severity::Error);  // the plan never re-IPLs VM1 with DR addresses
  CHECK(osa->blocks == std::vector<std::string>{"ROUTER", "LNX1", "LNX2"});
  CHECK(osa->dr == "devices 3100-3102");
  CHECK(contains(osa->production, "2100-2102"));
  CHECK(contains(osa->consequence, "re-IPL"));
  CHECK(contains(osa->remedy, "SET VSWITCH VSW1 RDEV 3100"));
  CHECK(osa->pointer == "/dr_site/networks/osas/0/devices");
  const Finding* hs = find(fs, code::kDeviceAddressChange, "HS1");
  REQUIRE(hs != nullptr);
  CHECK(contains(hs->consequence, "TCPIP PROFILE of ZOS1 names"));
  CHECK_FALSE(contains(hs->consequence, "DEFINE VSWITCH"));
  CHECK(fs.size() == 2);

  SECTION("a planned reconfigure step is named; with a re-IPL after it nothing is blocked") {
    StepSpec r;
    r.id = "reconfigure-vm";
    r.action = StepAction::Reconfigure;
    r.systems = {"VM1"};
    r.after = {"ipl"};
    s.plan.steps.push_back(r);
    auto again = static_findings(s);
    osa = find(again, code::kDeviceAddressChange, "OSA1");
    REQUIRE(osa != nullptr);
    CHECK(contains(osa->consequence, "step 'reconfigure-vm'"));
    CHECK(osa->severity == Severity::Error);
    StepSpec reipl;
    reipl.id = "reipl";
    reipl.action = StepAction::Ipl;
    reipl.systems = {"VM1"};
    reipl.after = {"reconfigure-vm"};
    s.plan.steps.push_back(reipl);
    again = static_findings(s);
    osa = find(again, code::kDeviceAddressChange, "OSA1");
    REQUIRE(osa != nullptr);
    CHECK(osa->severity == Severity::Warning);
    CHECK(osa->blocks.empty());
  }
  SECTION("the twin") {
    CHECK_FALSE(has_code(static_findings(fixed()), code::kDeviceAddressChange));
  }
}

TEST_CASE("findings are ordered by severity, then subject, then code", "[config_check]") {
  Scenario s = fixed();
  vm_as_guest(s, 2e9, 0);
  s.dr_site.networks.hipersockets.clear();
  s.dr_site.networks.osas[0].devices = "3100";
  auto fs = static_findings(s);
  REQUIRE(fs.size() >= 5);
  for (std::size_t i = 1; i < fs.size(); ++i) {
    const auto& a = fs[i - 1];
    const auto& b = fs[i];
    CHECK((a.severity > b.severity ||
           (a.severity == b.severity &&
            (a.subject < b.subject || (a.subject == b.subject && a.code <= b.code)))));
  }
  CHECK(fs.front().subject == "HS1");
  CHECK(static_findings(s).size() == fs.size());
}

TEST_CASE("vendor questions follow the findings", "[config_check]") {
  Scenario s = fixed();
  vm_as_guest(s, 2e9, 0);
  s.dr_site.networks.hipersockets.clear();
  auto qs = vendor_questions(s, static_findings(s));
  auto any = [&](const char* part) {
    return std::any_of(qs.begin(), qs.end(),
                       [&](const std::string& q) { return contains(q, part); });
  };
  CHECK(any("Can VM1 get 4GB + 1GB Xstor"));
  CHECK(any("IQD CHPID F0"));
  CHECK(any("DR LPAR of its own"));
  CHECK(any("How many virtual CPs"));
  CHECK(vendor_questions(fixed(), static_findings(fixed())).empty());
}

namespace {

const ConfigDiff* diff_of(const std::vector<ConfigDiff>& ds, const std::string& subject,
                          const std::string& item) {
  for (const auto& d : ds)
    if (d.subject == subject && d.item == item) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("diff_dr_sites: the same DR site twice has no difference", "[config_check]") {
  CHECK(diff_dr_sites(fixed(), fixed()).empty());
}

TEST_CASE("diff_dr_sites marks what got worse, better, or only changed", "[config_check]") {
  Scenario last = fixed();
  Scenario cur = fixed();
  cur.dr_site.lpars[1].memory_bytes = 2e9;
  cur.dr_site.lpars[1].dedicated = false;
  cur.dr_site.networks.vswitches[0].controllers.clear();
  cur.dr_site.networks.osas[0].devices = "3100";
  cur.dr_site.networks.hipersockets.clear();
  cur.dr_site.tape.drives = 6;
  vm_as_guest(cur, 4e9, 1e9);
  auto ds = diff_dr_sites(last, cur);

  const ConfigDiff* mem = diff_of(ds, "DRVM", "memory");
  REQUIRE(mem != nullptr);
  CHECK(mem->last == "4GB");
  CHECK(mem->current == "2GB");
  CHECK(mem->verdict == DiffVerdict::Worse);
  CHECK(mem->pointer == "/dr_site/lpars/1/memory");
  REQUIRE(diff_of(ds, "DRVM", "dedicated") != nullptr);
  CHECK(diff_of(ds, "DRVM", "dedicated")->verdict == DiffVerdict::Worse);
  const ConfigDiff* place = diff_of(ds, "VM1", "placement");
  REQUIRE(place != nullptr);
  CHECK(place->verdict == DiffVerdict::Worse);
  CHECK(place->current == "guest of VNDVM");
  CHECK(diff_of(ds, "VSW1", "VSWITCH controllers")->verdict == DiffVerdict::Worse);
  CHECK(diff_of(ds, "OSA1", "OSA devices")->verdict == DiffVerdict::Changed);
  CHECK(diff_of(ds, "HS1", "Hipersocket")->verdict == DiffVerdict::Worse);
  CHECK(diff_of(ds, "tape", "drives")->verdict == DiffVerdict::Better);

  auto back = diff_dr_sites(cur, last);
  CHECK(diff_of(back, "DRVM", "memory")->verdict == DiffVerdict::Better);
  CHECK(diff_of(back, "VM1", "placement")->verdict == DiffVerdict::Better);
  CHECK(diff_of(back, "HS1", "Hipersocket")->verdict == DiffVerdict::Better);
  CHECK(to_string(DiffVerdict::Changed) == std::string("changed"));
}

TEST_CASE("check_report_json: findings, questions, summary and the diff", "[config_check]") {
  Scenario s = fixed();
  vm_as_guest(s, 2e9, 0);
  Scenario last = fixed();
  auto j = check_report_json(s, &last);
  CHECK(j.at("scenario").at("name").get<std::string>() == "fixed");
  REQUIRE(j.at("findings").is_array());
  const auto& f = j.at("findings").at(0);
  for (const char* key : {"code", "severity", "subject", "message", "production", "dr",
                          "consequence", "remedy", "pointer"})
    CHECK(f.at(key).is_string());
  CHECK(f.at("blocks").is_array());
  // third-level-guests; the 2GB shortfall is a warning: the guests' 1.4GB working sets fit
  CHECK(j.at("summary").at("errors").get<int>() == 1);
  CHECK(j.at("ask_the_vendor").size() >= 2);
  CHECK(j.at("against").at("summary").at("worse").get<int>() >= 1);
  CHECK(check_report_json(fixed(), nullptr).at("against").is_null());
  CHECK(check_report_json(fixed(), nullptr).at("summary").at("errors").get<int>() == 0);
}

namespace {

std::vector<std::string> shipped_codes(const char* file, Severity at_least = Severity::Warning) {
  LoadResult r = load_scenario(std::string(DRSIM_SCENARIOS) + "/" + file);
  INFO(file << ": " << (r.errors.empty() ? std::string() : r.errors.front().to_string()));
  REQUIRE(r.status == LoadStatus::Ok);
  std::vector<std::string> out;
  for (const auto& f : static_findings(r.scenario))
    if (f.severity >= at_least) out.push_back(std::string(to_string(f.severity)) + " " + f.code);
  return out;
}

bool listed(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

TEST_CASE("the shipped scenarios give the findings of the story", "[config_check][shipped]") {
  auto y1 = shipped_codes("insurance-2007-year1.json");
  for (const char* c : {"error memory-shortfall", "warning no-expanded-storage",
                        "error third-level-guests", "error missing-hipersockets"})
    CHECK(listed(y1, c));
  auto y2 = shipped_codes("insurance-2008-year2.json");
  CHECK(listed(y2, "warning missing-vswitch-controller"));
  CHECK_FALSE(listed(y2, "error third-level-guests"));
  auto y3 = shipped_codes("insurance-2009-year3.json");
  CHECK(listed(y3, "warning device-address-change"));
  CHECK(std::none_of(y3.begin(), y3.end(),
                     [](const std::string& c) { return c.rfind("error ", 0) == 0; }));
  auto pre = shipped_codes("insurance-2006-pre-linux.json");
  CHECK(pre.empty());
}

TEST_CASE("diff_dr_sites: a busier neighbour LPAR is worse, a busier own LPAR better",
          "[config_check]") {
  Scenario last = fixed();
  auto busy = lpar_spec("VNDZOS", 3, 0, 0, false);
  busy.vendor = true;
  busy.weight = 300;
  last.dr_site.lpars.push_back(busy);
  Scenario cur = last;
  cur.dr_site.lpars[3].weight = 800;
  cur.dr_site.lpars[1].weight = 200;
  auto ds = diff_dr_sites(last, cur);
  REQUIRE(diff_of(ds, "VNDZOS", "weight") != nullptr);
  CHECK(diff_of(ds, "VNDZOS", "weight")->verdict == DiffVerdict::Worse);
  CHECK(diff_of(ds, "DRVM", "weight")->verdict == DiffVerdict::Better);
}

namespace {

/// Every look-up the check makes, for every name of `s`, as text: the same with and without
/// the index (config_check_index.hpp).
std::string lookups(const Scenario& s) {
  std::string out;
  auto mark = [&](const void* p, const void* base) {
    out += p == nullptr
               ? "-"
               : std::to_string(static_cast<const char*>(p) - static_cast<const char*>(base));
    out += ' ';
  };
  std::vector<std::string> names = {"", "*", "NONE"};
  for (const auto& x : s.production.systems) names.push_back(x.name);
  for (const auto& x : s.production.guests) names.push_back(x.name);
  for (const auto& x : s.dr_site.lpars) names.push_back(x.name);
  for (const auto& n : names) {
    mark(check_util::find_system(s, n), s.production.systems.data());
    mark(check_util::find_lpar(s, n), s.dr_site.lpars.data());
    mark(check_util::find_guest(s, n), s.production.guests.data());
    mark(check_util::find_placement(s, n), s.dr_site.placements.data());
    out += std::to_string(check_util::guests_of_vm(s, n).size()) + " " +
           (check_util::plan_ipls(s, n) ? "ipl " : "- ");
  }
  for (const auto& g : s.production.guests)
    out += std::string(check_util::plan_starts(s, g) ? "S" : "-") +
           (check_util::plan_brings_up(s, g) ? "U" : "-");
  return out;
}

}  // namespace

TEST_CASE("the check's name index answers as the scans do", "[config_check]") {
  Scenario s = fixed();
  // guests directly under the vendor's VM, started by a "*" step naming that VM; a
  // duplicate guest name (the first wins); a guest XAUTOLOGged by name only
  s.dr_site.placements.push_back(placement("VM2", PlacementMode::GuestsDirect, "VNDVM", 2));
  auto direct = guest_spec("LNX3", GuestKind::Linux, GuestRole::None, 1e9);
  direct.vm = "VM2";
  auto named = direct;
  named.name = "LNX4";
  auto twin = s.production.guests[2];
  twin.vm = "VM2";
  s.production.guests.insert(s.production.guests.end(), {direct, named, twin});
  StepSpec star;
  star.action = StepAction::Xautolog;
  star.vm = "VNDVM";
  star.guests = {"*"};
  StepSpec by_name;
  by_name.action = StepAction::Xautolog;
  by_name.guests = {"LNX4"};
  s.plan.steps.insert(s.plan.steps.end(), {star, by_name});
  {
    std::string scanned = lookups(s);
    CHECK(scanned.find("SU") != std::string::npos);
    check_util::IndexScope index(s);
    CHECK(check_util::index_of(s) != nullptr);
    CHECK(lookups(s) == scanned);
  }
  CHECK(check_util::index_of(s) == nullptr);  // the scope ended
  for (const char* file : {"insurance-2006-pre-linux.json", "insurance-2007-year1.json",
                           "insurance-2008-year2.json", "insurance-2009-year3.json"}) {
    LoadResult r = load_scenario(std::string(DRSIM_SCENARIOS) + "/" + file);
    REQUIRE(r.status == LoadStatus::Ok);
    std::string scanned = lookups(r.scenario);
    check_util::IndexScope index(r.scenario);
    CHECK(lookups(r.scenario) == scanned);
  }
}
