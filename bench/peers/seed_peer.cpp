// The bare-SimGrid peer of a shipped scenario (issue 18, bench/seed.sh): the same shape as a
// drsim scenario file, read with nlohmann/json, in S4U only and with no domain layer (nothing
// of drsim). Every DR LPAR is a host at its fixed weighted share of the machine's shared CPs
// (dedicated LPARs at their CPs), with the vendor's busy CPs as a bounded steady exec; the tape
// drives are a pool of actors taking the backup volumes from one queue in the scenario's order
// (a mount wait, then an exec of the volume's bytes on the DASD host bounded by the drive's
// rate); each z/OS and z/VM IPLs on its LPAR once its volumes are restored (an exec and a wait)
// and then runs its steady CPU; each z/VM XAUTOLOGs its guests with the stagger, and a guest
// is an actor of boot and application-start execs at its share (page-ins on its z/VM's paging
// host), a TSM restore where the scenario has one, then a bounded steady exec; the staff
// rebuild the distributed systems 3 at a time. The run stops at the exercise end. It prints
// the activities it started ("events", counted as drsim counts metrics.events).
//
//   seed_peer SCENARIO.json
#include <xbt/log.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <simgrid/s4u.hpp>
#include <string>
#include <vector>

#include "bench/peers/peer_kit.hpp"

namespace sg4 = simgrid::s4u;
using nlohmann::json;

namespace {

// drsim's defaults these stand for (models/params.hpp, models/tape.cpp), rounded.
constexpr double kEnd = 3 * 86400 + 10 * 3600;  // Mon 08:00 - Thu 18:00
constexpr double kDasdBps = 400e6;
constexpr double kMountS = 180 + 15 + 45 + 70 + 60;  // manual mount, load, locate, rewind, job
constexpr double kPagingBps = 300 * 4096.0;          // per paging volume
constexpr double kPageInBytes = 2000 * 4096.0;       // per slice of a paging guest
constexpr double kTsmBps = 30e6;
constexpr int kTeams = 3;

/// "240s", "10m", "4h" -> seconds; "2GB", "512MB" -> bytes.
double quantity(const std::string& text) {
  std::size_t end = 0;
  double v = std::stod(text, &end);
  const std::string unit = text.substr(end);
  static const std::map<std::string, double> units{
      {"s", 1}, {"m", 60}, {"h", 3600}, {"d", 86400}, {"GB", 1e9}, {"MB", 1e6}, {"", 1}};
  auto it = units.find(unit);
  return it == units.end() ? v : v * it->second;
}

double volume_bytes(const std::string& model) {
  if (model == "3390-3") return 2.838e9;
  if (model == "3390-27") return 27.8e9;
  if (model == "3390-54") return 55.7e9;
  return 8.514e9;  // 3390-9
}

double drive_Bps(const std::string& type) {  // native x effective fraction x compression
  if (type == "TS1120" || type == "TS1130") return 100e6 * 0.6 * 2;
  if (type == "3590H" || type == "3590E") return 14e6 * 0.6 * 2;
  return 30e6 * 0.6 * 2;
}

// the peers' kit (bench/peers/peer_kit.hpp)
using peer::bytes, peer::cpu, peer::events, peer::Gate, peer::kFlopsPerCp, peer::sleep,
    peer::steady;

struct Guest {
  std::string name;
  bool linux = false;
  double app_s = 240, steady_cps = 0, tsm_bytes = 0;
};

struct System {
  std::string name;
  bool zvm = false, ipl = true;  // a "guests-direct" z/VM is not IPLed: its guests start
  sg4::Host* lpar = nullptr;
  sg4::Host* paging = nullptr;  // z/VM only
  double steady_cps = 0;
  int volumes_left = 0;
  Gate restored, up;
  std::vector<Guest> guests;
};

struct Site {
  std::deque<System> systems;
  std::map<std::string, sg4::Host*> lpars;
  std::deque<std::pair<System*, double>> queue;  // (system, bytes) per volume, in order
  sg4::SemaphorePtr items = sg4::Semaphore::create(0);
  sg4::Host* dasd = nullptr;
  sg4::Host* control = nullptr;
  double drive_Bps = 0;
  int drives = 0;
  std::deque<double> rebuilds;                      // distributed systems' work, seconds
  std::vector<std::pair<sg4::Host*, double>> busy;  // the vendor's own load per LPAR, CPs
};

void drive(Site& s) {
  for (;;) {
    s.items->acquire();
    auto [sys, n] = s.queue.front();
    s.queue.pop_front();
    sleep(kMountS);
    bytes(s.dasd, n, s.drive_Bps);
    if (--sys->volumes_left == 0) sys->restored.fire();
  }
}

void team(Site& s) {
  while (!s.rebuilds.empty()) {
    double work = s.rebuilds.front();
    s.rebuilds.pop_front();
    sleep(work);
  }
}

/// Boot (Linux 120 s, CMS 10 s; half of it CPU) and application start (70 % CPU): 2 slices.
void guest(Site& site, System& vm, const Guest& g) {
  const double boot = g.linux ? 120 : 10;
  const double work[2][2] = {{boot * 0.5, boot * 0.5}, {g.app_s * 0.7, g.app_s * 0.3}};
  for (const auto& w : work) {
    for (int k = 0; k < 2; ++k) {
      cpu(vm.lpar, w[0] / 2);
      if (vm.paging != nullptr) bytes(vm.paging, kPageInBytes);
    }
    sleep(w[1]);
  }
  if (g.tsm_bytes > 0) bytes(site.dasd, g.tsm_bytes, kTsmBps);
  steady(vm.lpar, g.steady_cps);
}

void ipl(Site& site, System& sys) {
  sys.restored.wait();
  if (sys.ipl) {
    const double t = sys.zvm ? 240 : 8 * 60 + 15 * 60;
    cpu(sys.lpar, t * (sys.zvm ? 0.5 : 0.8));
    sleep(t * (sys.zvm ? 0.5 : 0.2));
    steady(sys.lpar, sys.steady_cps);
  }
  sys.up.fire();
  for (std::size_t g = 0; g < sys.guests.size(); ++g) {
    if (g > 0) sleep(20);
    sg4::Actor::create(sys.guests[g].name, site.control,
                       [&site, &sys, g] { guest(site, sys, sys.guests[g]); });
  }
}

void build_lpars(Site& site, const json& dr, sg4::NetZone* zone) {
  double shared = dr.at("machine").at("cps").get<double>(), weights = 0;
  for (const auto& l : dr.at("lpars")) {
    if (l.value("dedicated", false))
      shared -= l.at("cps").get<double>();
    else
      weights += l.value("weight", 100.0);
  }
  for (const auto& l : dr.at("lpars")) {
    const auto cps = l.at("cps").get<double>();
    const bool ded = l.value("dedicated", false);
    const double speed = ded ? cps : std::min(cps, shared * l.value("weight", 100.0) / weights);
    auto* h = zone->create_host(l.at("name").get<std::string>(), speed * kFlopsPerCp);
    site.lpars[l.at("name").get<std::string>()] = h;
    if (l.contains("busy_cps")) site.busy.emplace_back(h, l.at("busy_cps").get<double>());
  }
}

void build(Site& site, const json& sc) {
  auto* zone = sg4::create_full_zone("dr-site");
  const json& dr = sc.at("dr_site");
  build_lpars(site, dr, zone);
  site.dasd = zone->create_host("dasd", kDasdBps);
  site.control = zone->create_host("control", 1.0);
  site.drives = dr.at("tape").at("drives").get<int>();
  site.drive_Bps = drive_Bps(dr.at("tape").value("drive_type", ""));
  std::map<std::string, System*> by_name;
  std::map<std::string, double> tsm;
  for (const auto& t : sc.at("backups").value("tsm", json::array()))
    tsm[t.at("guest").get<std::string>()] = quantity(t.at("size").get<std::string>());
  for (const auto& p : dr.at("placements")) {
    System& s = site.systems.emplace_back();
    s.name = p.at("system").get<std::string>();
    s.lpar = site.lpars.at(p.at("lpar").get<std::string>());
    by_name[s.name] = &s;
    const json only = p.value("guests", json::array());
    s.ipl = p.value("mode", "") != "guests-direct";
    for (const auto& sys : sc.at("production").at("systems"))
      if (sys.at("name") == s.name) {
        s.zvm = sys.at("kind") == "zvm";
        s.steady_cps = sys.value("steady_cpu", 0.0);
        if (s.zvm) s.paging = zone->create_host("paging-" + s.name, 8 * kPagingBps);
      }
    for (const auto& g : sc.at("production").value("guests", json::array())) {
      const auto name = g.at("name").get<std::string>();
      const bool listed = only.empty() || std::find(only.begin(), only.end(), name) != only.end();
      if (g.at("vm") != s.name || !listed) continue;
      s.guests.push_back({name, g.at("kind") == "linux",
                          quantity(g.value("app_start", std::string("240s"))),
                          g.value("steady_cpu", 0.0), tsm.contains(name) ? tsm[name] : 0.0});
    }
  }
  zone->seal();
  for (const auto& v : sc.at("backups").at("volumes")) {
    System* s = by_name.at(v.at("system").get<std::string>());
    const double n = volume_bytes(v.value("model", ""));
    for (int k = 0; k < v.at("count").get<int>(); ++k) site.queue.emplace_back(s, n);
    s->volumes_left += v.at("count").get<int>();
  }
  for (const auto& d : sc.at("production").value("distributed", json::array()))
    site.rebuilds.push_back(quantity(d.at("work").get<std::string>()));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: seed_peer SCENARIO.json\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  const json scenario = json::parse(in);
  sg4::Engine engine(&argc, argv);
  xbt_log_control_set("root.thres:critical");
  sg4::Engine::set_config("cpu/optim:Lazy");
  sg4::Engine::set_config("contexts/stack-size", 128);
  Site site;
  build(site, scenario);
  sg4::Actor::create("vendor", site.control, [&site] {
    for (auto [host, cps] : site.busy) steady(host, cps);
  });
  const std::size_t volumes = site.queue.size();
  for (std::size_t k = 0; k < volumes; ++k) site.items->release();
  for (int d = 0; d < site.drives; ++d)
    sg4::Actor::create("drive" + std::to_string(d), site.control, [&site] { drive(site); });
  for (auto& s : site.systems)
    sg4::Actor::create("ipl-" + s.name, site.control, [&site, &s] { ipl(site, s); });
  for (int t = 0; t < kTeams; ++t)
    sg4::Actor::create("team" + std::to_string(t), site.control, [&site] { team(site); });
  engine.run_until(kEnd);
  std::printf("peer: %zu systems, %zu volumes, %d drives, end %.0f s, events %lld\n",
              site.systems.size(), volumes, site.drives, sg4::Engine::get_clock(), events);
  std::fflush(stdout);
  std::_Exit(0);  // actors still blocked at the end hold SimGrid objects: leave them to exit
}
