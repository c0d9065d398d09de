#include "models/replication.hpp"

#include <algorithm>
#include <cmath>

#include "models/rng.hpp"

namespace drsim {
namespace {

using rng::Xoshiro256;

/// Mean of n draws of `nominal` x spread: the per-volume tape times of a replication (the
/// engine uses one per-volume overhead, so each volume gets the replication's mean).
double mean_of_draws(const Spread& s, double nominal, int n, Xoshiro256& g) {
  if (n <= 0 || s.kind == SpreadKind::Fixed) return nominal;
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += sample(s, nominal, g);
  return sum / n;
}

int volume_count(const Scenario& sc) {
  int n = 0;
  for (const auto& v : sc.backups.volumes) n += v.count;
  return n;
}

void draw_tape(Scenario& sc, const UncertaintyParams& u, Xoshiro256& g) {
  TapeParams& t = sc.params.tape;
  const int n = volume_count(sc);
  if (sc.dr_site.tape.mount == MountKind::Robot)
    t.robot_mount_s = mean_of_draws(u.robot_mount, t.robot_mount_s, n, g);
  else
    t.manual_mount_s = mean_of_draws(u.manual_mount, t.manual_mount_s, n, g);
  t.avg_locate_s = mean_of_draws(u.locate, t.avg_locate_s, n, g);
  t.rewind_unload_s = mean_of_draws(u.rewind_unload, t.rewind_unload_s, n, g);
  const double rate = std::max(1e-3, sample(u.restore_rate, 1.0, g));
  t.effective_fraction = std::min(1.0, t.effective_fraction * rate);
  t.ddr_Bps *= rate;
}

/// Each drive may fail at a moment of the first exercise day (the restore day), uniform
/// over it, and stays out until midnight: "for the rest of the day".
void draw_drives(const Scenario& sc, const UncertaintyParams& u, Xoshiro256& g,
                 ReplicationDraw& out) {
  const double start = sc.exercise.start_week_s;
  const double midnight = (std::floor(start / 86400.0) + 1) * 86400.0 - start;
  for (int d = 0; d < sc.dr_site.tape.drives; ++d) {
    if (!rng::bernoulli(g, u.drive_failure_p)) continue;
    const double at = rng::uniform(g, 0, midnight);
    out.drive_outages.push_back({d, at, midnight});
    out.incidents.push_back(
        {"drive-failure", "drive " + std::to_string(d + 1),
         "tape drive " + std::to_string(d + 1) + " failed: out for the rest of the day"});
  }
}

void draw_cartridges(Scenario& sc, const UncertaintyParams& u, Xoshiro256& g,
                     std::vector<Incident>& out) {
  for (auto& grp : sc.backups.volumes) {
    int extra = 0;
    for (int i = 0; i < grp.count; ++i) {
      if (!rng::bernoulli(g, u.cartridge_unreadable_p)) continue;
      const bool fallback = rng::bernoulli(g, u.reread_fails_p);
      extra += fallback ? 2 : 1;
      std::string vol = grp.count == 1 ? grp.name : grp.name + "#" + std::to_string(i + 1);
      out.push_back({"cartridge-unreadable", grp.system,
                     fallback ? "cartridge of " + vol +
                                    " unreadable, re-read failed: restored from the previous "
                                    "week's backup (a week of changes to recover: TSM gap)"
                              : "cartridge of " + vol + " unreadable, re-read succeeded"});
    }
    grp.count += extra;
  }
}

void draw_systems(Scenario& sc, const UncertaintyParams& u, Xoshiro256& g, ReplicationDraw& out) {
  const IplParams& p = sc.params.ipl;
  for (auto& s : sc.production.systems) {
    if (s.kind == SystemKind::Zvm) {
      s.ipl_s = sample(u.zvm_ipl, s.ipl_s.value_or(p.zvm_ipl_s), g);
      continue;
    }
    const double nominal = s.ipl_s.value_or(p.zos_ipl_to_jes_s);
    s.ipl_s = sample(u.zos_ipl, nominal, g);
    s.subsystems_s = sample(u.zos_subsystems, s.subsystems_s.value_or(p.zos_subsystems_s), g);
    if (!rng::bernoulli(g, u.ipl_failure_p)) continue;
    const double fix = rng::uniform(g, u.ipl_fix_min_s, u.ipl_fix_max_s);
    const double failed = *s.ipl_s;
    s.ipl_s = sample(u.zos_ipl, nominal, g);  // the IPL after the fix
    out.ipl_failures.push_back({s.name, failed, fix});
    out.incidents.push_back({"ipl-failure", s.name,
                             "IPL of " + s.name + " ended in a wait state; fixed in " +
                                 std::to_string(std::lround(fix / 60)) + " min and re-IPLed"});
  }
}

void draw_guests(Scenario& sc, const UncertaintyParams& u, Xoshiro256& g) {
  const IplParams& p = sc.params.ipl;
  for (auto& gs : sc.production.guests) {
    if (gs.kind != GuestKind::Linux) continue;
    gs.boot_s = sample(u.linux_boot, gs.boot_s.value_or(p.linux_boot_s), g);
    const double app = gs.app_start_s.value_or(p.app_start_s);
    if (app > 0) gs.app_start_s = sample(u.app_start, app, g);
  }
}

void draw_people(Scenario& sc, const UncertaintyParams& u, Xoshiro256& g) {
  for (auto& d : sc.production.distributed) d.work_s = sample(u.distributed_work, d.work_s, g);
  IplParams& p = sc.params.ipl;
  for (auto& st : sc.plan.steps)
    if (st.action == StepAction::Reconfigure)
      st.duration_s = sample(u.reconfigure, st.duration_s.value_or(p.reconfigure_s), g);
  for (auto& r : sc.reactions) r.lead_time_s = sample(u.lead_time, r.lead_time_s, g);
  p.fix_missing_userid_s = sample(u.lead_time, p.fix_missing_userid_s, g);
  p.problem_detection_s = sample(u.lead_time, p.problem_detection_s, g);
}

template <typename T>
bool erase_named(std::vector<T>& v, const std::string& name) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.name == name; });
  if (it == v.end()) return false;
  v.erase(it);
  return true;
}

void draw_risks(Scenario& sc, Xoshiro256& g, std::vector<Incident>& out) {
  NetworkSpec& n = sc.dr_site.networks;
  for (const auto& r : sc.risks) {
    if (!rng::bernoulli(g, r.probability)) continue;
    bool gone = erase_named(n.hipersockets, r.forget) || erase_named(n.osas, r.forget) ||
                erase_named(n.vswitches, r.forget);
    if (gone)
      out.push_back(
          {kForgottenDefinition, r.forget,
           "the vendor forgot the DR definition of " + r.forget + " (risk " + r.id + ")"});
  }
}

}  // namespace

ReplicationDraw draw_replication(const Scenario& nominal, std::uint64_t seed, std::uint64_t index) {
  return draw_replication(Scenario(nominal), seed, index);
}

ReplicationDraw draw_replication(Scenario&& nominal, std::uint64_t seed, std::uint64_t index) {
  ReplicationDraw d;
  d.scenario = std::move(nominal);
  d.seed = rng::replication_seed(seed, index);
  const UncertaintyParams& u = d.scenario.params.uncertainty;
  if (!u.enabled) return d;
  Xoshiro256 g(d.seed);
  draw_tape(d.scenario, u, g);
  draw_drives(d.scenario, u, g, d);
  draw_cartridges(d.scenario, u, g, d.incidents);
  draw_systems(d.scenario, u, g, d);
  draw_guests(d.scenario, u, g);
  draw_people(d.scenario, u, g);
  draw_risks(d.scenario, g, d.incidents);
  return d;
}

}  // namespace drsim
