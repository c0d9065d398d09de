// drsim sweep SCENARIO.json|SWEEP.json [--vary ...] [--option ...] [--jobs J] [--shard K/N]
// drsim sweep --merge DIR... --out DIR
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <ostream>

#include "app/cli.hpp"
#include "app/engine_loader.hpp"
#include "app/output_files.hpp"
#include "app/sweep_outputs.hpp"
#include "app/sweep_run.hpp"
#include "app/sweep_setup.hpp"
#include "models/scenario_io.hpp"
#include "reports/result_io.hpp"

namespace drsim {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string describe(const SweepPoint& p) {
  std::string s = p.option.empty() ? "" : "option " + p.option;
  for (const auto& [ptr, v] : p.settings)
    s += (s.empty() ? "" : ", ") + ptr + "=" + setting_text(v);
  return "point " + p.id + (s.empty() ? "" : " (" + s + ")");
}

/// Validates every point to run; prints each invalid one with its problems. False if any.
bool validate_points(const std::vector<const SweepPoint*>& todo, std::ostream& err) {
  bool ok = true;
  for (const SweepPoint* p : todo) {
    LoadResult lr =
        load_scenario_text(p->document.dump(2) + "\n", "points/" + p->id + "/scenario.json");
    if (lr.status == LoadStatus::Ok) continue;
    ok = false;
    err << "drsim sweep: " << describe(*p) << " is not a valid scenario:\n";
    for (const auto& e : lr.errors) err << "  " << e.to_string() << "\n";
  }
  return ok;
}

json sweep_header(const SweepSetup& s, const std::vector<SweepPoint>& points) {
  json options = json::array(), vary = json::array();
  for (const auto& o : s.spec.options) options.push_back({{"name", o.name}, {"patch", o.patch}});
  for (const auto& a : s.spec.axes) vary.push_back({{"pointer", a.pointer}, {"values", a.values}});
  return {{"sweep_version", 1},
          {"drsim_version", DRSIM_VERSION},
          {"sweep_id", sweep_id(points)},
          {"scenario", {{"file", s.scenario_file}, {"sha256", s.scenario_sha256}}},
          {"seed", s.spec.seed},
          {"replications", s.spec.replications},
          {"options", options},
          {"vary", vary}};
}

struct Selection {
  std::vector<const SweepPoint*> todo;
  std::vector<json> records;  ///< of the selected points, in grid order
  int reused = 0;
};

Selection select_points(const std::vector<SweepPoint>& points, const fs::path& dir,
                        std::optional<std::pair<int, int>> shard) {
  Selection sel;
  for (const auto& p : points) {
    if (shard && !in_shard(p.index, shard->first, shard->second)) continue;
    sel.records.push_back(point_record(p));
    if (point_done(dir / "points" / p.id, p.key))
      ++sel.reused;
    else
      sel.todo.push_back(&p);
  }
  return sel;
}

int write_results(const fs::path& dir, const json& header, const std::vector<SweepPoint>& points,
                  const Selection& sel, std::optional<std::pair<int, int>> shard) {
  if (shard) {
    json all = json::array();
    for (const auto& p : points) all.push_back(point_record(p));
    json doc = {{"sweep_id", header.at("sweep_id")},
                {"shard", shard->first},
                {"of", shard->second},
                {"header", header},
                {"points", all}};
    drsim::write_file_atomic((dir / shard_file_name(shard->first, shard->second)).string(),
                             doc.dump(2) + "\n");
  } else {
    write_sweep_outputs(dir, header, sel.records);
  }
  return 0;
}

int run_sweep(const CliOptions& o, std::ostream& out, std::ostream& err) {
  SweepSetup setup;
  if (int rc = setup_sweep(o, setup, err)) return rc;
  std::optional<std::pair<int, int>> shard;
  if (o.shard) {
    std::string error;
    if (!(shard = parse_shard(*o.shard, error))) {
      err << "drsim sweep: " << error << "\n";
      return 2;
    }
  }
  std::vector<SweepError> errors;
  std::vector<SweepPoint> points = plan_points(setup.base, setup.spec, DRSIM_VERSION, errors);
  for (const auto& e : errors) err << "drsim sweep: " << e.to_string() << "\n";
  if (!errors.empty()) return 1;
  fs::path dir = o.out_dir.value_or("drsim-sweep");
  Selection sel = select_points(points, dir, shard);
  if (!validate_points(sel.todo, err)) {
    err << "drsim sweep: nothing was run\n";
    return 1;
  }
  bool tty = isatty(STDERR_FILENO) != 0 && &err == &std::cerr && !o.quiet;
  auto total = static_cast<int>(sel.records.size());
  if (std::string why = sel.todo.empty() ? "" : load_engine(); !why.empty()) {
    err << "drsim sweep: " << why << "\n";  // loaded here once, not in every point's child
    return 2;
  }
  std::vector<std::string> failures;
  try {
    failures = run_points(sel.todo, dir / "points", setup.spec.seed, setup.spec.replications,
                          o.jobs, tty ? &err : nullptr, sel.reused, total);
  } catch (const SweepInterrupted& e) {
    err << "drsim sweep: " << e.what() << "; the same command resumes\n";
    return 128 + e.signal;  // 130 SIGINT, 143 SIGTERM, as a shell reports a process it killed
  }
  for (const auto& f : failures) err << "drsim sweep: " << f << "\n";
  if (!failures.empty()) return 2;
  try {
    write_results(dir, sweep_header(setup, points), points, sel, shard);
  } catch (const std::exception& e) {
    err << "drsim sweep: " << e.what() << "\n";
    return 2;
  }
  if (!o.quiet) {
    out << "drsim sweep: " << total << " points" << (shard ? " in shard " + *o.shard : "") << ", "
        << sel.todo.size() << " run, " << sel.reused << " reused\n";
    if (!shard)
      out << "  table: " << (dir / "sweep.csv").string()
          << "\n  page:  " << (dir / "sweep.html").string() << "\n";
  }
  return 0;
}

}  // namespace

int cmd_sweep_merge(const CliOptions& o, std::ostream& out, std::ostream& err);

int cmd_sweep(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (!o.merge.empty()) return cmd_sweep_merge(o, out, err);
  return run_sweep(o, out, err);
}

}  // namespace drsim
