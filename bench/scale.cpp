// Scale benchmark: generates a large scenario in memory (default 200 LPARs -- 100 z/VM with
// 50 Linux guests each, 100 z/OS -- 20,000 tape volumes on 100 drives), loads it through
// the normal loader, simulates it once in this process and prints wall times, peak RSS,
// simulation events and how many systems came up.
//
//   scale [--total N --per-vm K] [--vms N] [--guests N] [--zos N] [--volumes N] [--drives N]
//         [--plan per-vm|lockstep] [--share-steps N] [--write FILE]
//     --total/--per-vm: a site of N guests, K per z/VM, the rest in proportion
//     (bench/site_size.hpp, the shape bench/peers/scale_peer builds too); --guests: per z/VM;
//     --volumes: per system; --plan: each z/VM IPLed once its own volumes are in and its guests
//     XAUTOLOGged once it is up, as the peer does (per-vm, the default), or every z/VM's guests
//     after the step that IPLs them all (lockstep: the site's shape before 2026-12-02);
//     --share-steps: the site's cpu.share_steps_per_doubling (PR/SM's share ladder; 64 unset)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "bench/site_size.hpp"
#include "models/scenario_io.hpp"
#include "simulator/engine.hpp"
#include "simulator/result.hpp"

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

using Size = drsim::bench::SiteSize;

std::string numbered(const char* prefix, int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%03d", prefix, i);
  return buf;
}

/// Production systems, their guests, DR LPARs (one per system) and placements.
void add_systems(Json& doc, const Size& n) {
  Json& prod = doc["production"];
  Json& site = doc["dr_site"];
  for (int i = 0; i < n.zos; ++i) {
    std::string name = numbered("ZOS", i), lpar = numbered("DRZ", i);
    prod["systems"].push_back(
        {{"name", name}, {"kind", "zos"}, {"memory", "8GB"}, {"cpus", 2}, {"steady_cpu", 0.3}});
    site["lpars"].push_back(
        {{"name", lpar}, {"owner", "customer"}, {"cps", 2}, {"weight", 100}, {"memory", "8GB"}});
    site["placements"].push_back({{"system", name}, {"mode", "lpar"}, {"lpar", lpar}});
  }
  for (int v = 0; v < n.vms; ++v) {
    std::string name = numbered("VM", v), lpar = numbered("DRV", v);
    prod["systems"].push_back({{"name", name},
                               {"kind", "zvm"},
                               {"memory", "32GB"},
                               {"cpus", 2},
                               {"steady_cpu", 0.02},
                               {"paging_volumes", 16}});
    // half of the VMs get less storage than their guests' working sets: they page
    const char* memory = v % 2 == 0 ? "32GB" : "24GB";
    site["lpars"].push_back({{"name", lpar},
                             {"owner", "customer"},
                             {"cps", 2},
                             {"weight", 100},
                             {"memory", memory},
                             {"paging_volumes", 16}});
    site["placements"].push_back({{"system", name}, {"mode", "lpar"}, {"lpar", lpar}});
    std::string zos = numbered("ZOS", n.zos > 0 ? v % n.zos : 0);
    for (int g = 0; g < n.guests_of(v); ++g) {
      Json guest = {{"name", name + "L" + std::to_string(g)},
                    {"vm", name},
                    {"kind", "linux"},
                    {"tier", g < 10 ? "production" : "test"},
                    {"critical", g < 2},
                    {"virtual_memory", "1GB"},
                    {"steady_cpu", 0.02},
                    {"app_start", "120s"}};
      if (n.zos > 0) guest["needs"] = {{"zos", {zos}}};
      prod["guests"].push_back(guest);
    }
  }
}

/// Volumes, the plan (restore all, IPL all, XAUTOLOG each VM's guests).
void add_backups_and_plan(Json& doc, const Size& n, bool lockstep) {
  Json all = Json::array(), zos = Json::array(), vms = Json::array();
  for (const auto& s : doc["production"]["systems"]) {
    std::string name = s.at("name").get<std::string>();
    all.push_back(name);
    (s.at("kind").get<std::string>() == "zos" ? zos : vms).push_back(name);
    doc["backups"]["volumes"].push_back(
        {{"name", name + "V"}, {"system", name}, {"count", n.volumes}, {"model", "3390-3"}});
  }
  Json& steps = doc["plan"]["steps"];
  steps.push_back({{"id", "restore"}, {"action", "restore"}, {"systems", all}});
  if (!zos.empty()) steps.push_back({{"id", "ipl-zos"}, {"action", "ipl"}, {"systems", zos}});
  if (vms.empty()) return;
  // lockstep (the shape before 2026-12-02): one step IPLs every z/VM and all their guests come
  // after it; otherwise, as the peer, each z/VM is IPLed once its own volumes are in and its
  // guests are XAUTOLOGged once it is up
  if (lockstep) steps.push_back({{"id", "ipl-vm"}, {"action", "ipl"}, {"systems", vms}});
  for (const auto& vm : vms) {
    const std::string name = vm.get<std::string>();
    const std::string ipl = lockstep ? "ipl-vm" : "ipl-" + name;
    if (!lockstep) steps.push_back({{"id", ipl}, {"action", "ipl"}, {"systems", {vm}}});
    steps.push_back({{"id", "autolog-" + name},
                     {"action", "xautolog"},
                     {"vm", vm},
                     {"guests", {"*"}},
                     {"after", {ipl}},
                     {"stagger", "10s"}});
  }
}

std::string make_scenario(const Size& n, bool lockstep, int share_steps) {
  Json doc = {{"schema_version", 1},
              {"name", "scale-benchmark"},
              {"exercise", {{"start", "Mon 08:00"}, {"end", "Thu 18:00"}, {"rto", "48h"}}},
              {"production",
               {{"machine", {{"model", "z10 EC"}, {"cps", 64}, {"engine_mips", 920}}},
                {"systems", Json::array()},
                {"guests", Json::array()}}},
              {"dr_site",
               {{"machine", {{"model", "z10 EC"}, {"cps", 128}, {"engine_mips", 920}}},
                {"lpars", Json::array()},
                {"placements", Json::array()},
                {"tape", {{"drives", n.drives}, {"drive_type", "TS1120"}, {"mount", "robot"}}}}},
              {"backups", {{"volumes", Json::array()}}},
              {"plan", {{"steps", Json::array()}}}};
  if (n.dasd_MBps > 0)
    doc["parameters"]["tape"] = {{"dasd_subsystem", std::to_string(n.dasd_MBps) + "MBps"}};
  if (share_steps > 0) doc["parameters"]["cpu"] = {{"share_steps_per_doubling", share_steps}};
  add_systems(doc, n);
  add_backups_and_plan(doc, n, lockstep);
  return doc.dump();
}

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

double peak_rss_mib() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // Linux: KiB
}

/// Most guests alive at once between logon and up: each is a SimGrid actor with its own stack.
size_t peak_live_guests(const drsim::Result& r) {
  std::vector<std::pair<double, int>> edges;
  for (const auto& s : r.systems) {
    if ((s.kind != "linux" && s.kind != "cms") || s.phases.empty()) continue;
    edges.emplace_back(s.phases.front().start_s, 1);
    edges.emplace_back(s.up_s.value_or(r.duration_s), -1);
  }
  std::sort(edges.begin(), edges.end());
  long live = 0, peak = 0;
  for (const auto& e : edges) peak = std::max(peak, live += e.second);
  return static_cast<size_t>(peak);
}

bool parse_args(int argc, char** argv, Size& n, std::string& write_to, bool& lockstep,
                int& share_steps) {
  int total = -1, per_vm = 50;
  for (int i = 1; i + 1 < argc; i += 2) {  // a proportional site first, then the overrides
    if (!std::strcmp(argv[i], "--total")) total = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--per-vm")) per_vm = std::atoi(argv[i + 1]);
  }
  if (total >= 0) n = drsim::bench::proportional(total, per_vm);
  bool shape_set = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--write")) {
      write_to = argv[i + 1];
      continue;
    }
    if (!std::strcmp(argv[i], "--total") || !std::strcmp(argv[i], "--per-vm")) continue;
    if (!std::strcmp(argv[i], "--plan")) {
      const std::string plan = argv[i + 1];
      if (plan != "per-vm" && plan != "lockstep") return false;
      lockstep = plan == "lockstep";
      continue;
    }
    int v = std::atoi(argv[i + 1]);
    if (v < 0) return false;
    if (!std::strcmp(argv[i], "--share-steps")) {
      if (v < 8 || v > 4096) return false;  // what cpu.share_steps_per_doubling takes
      share_steps = v;
    } else if (!std::strcmp(argv[i], "--vms"))
      n.vms = v, shape_set = true;
    else if (!std::strcmp(argv[i], "--guests"))
      n.guests = v, shape_set = true;
    else if (!std::strcmp(argv[i], "--zos"))
      n.zos = v;
    else if (!std::strcmp(argv[i], "--volumes"))
      n.volumes = std::max(1, v);
    else if (!std::strcmp(argv[i], "--drives"))
      n.drives = std::max(1, v);
    else
      return false;
  }
  if (shape_set) n.total = n.vms * n.guests;
  return argc % 2 == 1;
}

}  // namespace

int main(int argc, char** argv) {
  Size n;
  std::string write_to;
  bool lockstep = false;  // --plan lockstep
  int share_steps = 0;    // --share-steps: 0 = the default ladder
  if (!parse_args(argc, argv, n, write_to, lockstep, share_steps)) {
    std::fprintf(stderr,
                 "usage: scale [--total N --per-vm K] [--vms N] [--guests N] [--zos N] "
                 "[--volumes N] [--drives N] [--plan per-vm|lockstep] [--share-steps N] "
                 "[--write FILE]\n");
    return 2;
  }
  auto t0 = Clock::now();
  std::string text = make_scenario(n, lockstep, share_steps);
  double generate_s = seconds_since(t0);
  if (!write_to.empty()) {  // the scenario only, to time `drsim run` on it end to end
    std::ofstream out(write_to, std::ios::binary);
    out << text << '\n';
    if (!out.flush()) {
      std::fprintf(stderr, "cannot write %s\n", write_to.c_str());
      return 1;
    }
    std::printf("wrote %s (%zu bytes)\n", write_to.c_str(), text.size() + 1);
    return 0;
  }
  auto t1 = Clock::now();
  drsim::LoadResult loaded = drsim::load_scenario_text(text, "scale.json");
  double load_s = seconds_since(t1);
  if (loaded.status != drsim::LoadStatus::Ok) {
    for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
    return 2;
  }
  auto t2 = Clock::now();
  drsim::Result result = drsim::simulate(loaded.scenario, drsim::RunOptions{});
  double simulate_s = seconds_since(t2);
  auto t3 = Clock::now();
  std::string json = drsim::to_json(result).dump();
  double to_json_s = seconds_since(t3);
  int up = 0;
  for (const auto& s : result.systems) up += s.status == drsim::Status::Up ? 1 : 0;
  std::printf(
      "scenario: %d LPARs, %zu systems + %zu guests, %d volumes, %d drives (%zu bytes of JSON)\n",
      n.vms + n.zos, loaded.scenario.production.systems.size(),
      loaded.scenario.production.guests.size(), result.volumes_restored, result.tape_drives,
      text.size());
  std::printf("setup:     generate %.3f s, load+validate %.3f s\n", generate_s, load_s);
  std::printf(
      "simulate:  %.3f s (incl. SimGrid platform build), result to JSON %.3f s (%zu bytes)\n",
      simulate_s, to_json_s, json.size());
  std::printf("total:     %.3f s wall, peak RSS %.1f MiB\n", seconds_since(t0), peak_rss_mib());
  std::printf("events:    %lld simulation events, at most %zu guests starting or waiting at once\n",
              result.sim_events, peak_live_guests(result));
  std::printf("systems:   %d of %zu up at the end, restores done %s\n", up, result.systems.size(),
              result.restores_done_s ? std::to_string(*result.restores_done_s).c_str() : "never");
  return 0;
}
