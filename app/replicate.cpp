#include "app/replicate.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "models/replication.hpp"
#include "models/rng.hpp"

namespace drsim {
namespace {

const PhaseRecord* first_phase(const SystemResult& s, Phase phase) {
  for (const auto& p : s.phases)
    if (p.phase == phase) return &p;
  return nullptr;
}

/// When an incident shows on the timeline: an unreadable cartridge at the end of its system's
/// restore, a forgotten definition at the start (the engine logs failed drives and failed
/// IPLs itself, at their time).
double incident_time(const Result& r, const Incident& inc) {
  for (const auto& s : r.systems) {
    if (s.name != inc.subject) continue;
    if (inc.kind == "cartridge-unreadable")
      if (const PhaseRecord* p = first_phase(s, Phase::Restore)) return p->end_s;
  }
  return 0;
}

void add_incident_events(Result& r, const std::vector<Incident>& incidents) {
  for (const auto& inc : incidents)
    if (inc.kind != "drive-failure" && inc.kind != "ipl-failure")  // the engine logs those
      r.events.push_back({incident_time(r, inc), "incident", inc.subject, inc.message});
  std::stable_sort(r.events.begin(), r.events.end(),
                   [](const EventRecord& a, const EventRecord& b) { return a.t_s < b.t_s; });
}

}  // namespace

Result simulate_replication(const Scenario& nominal, const RunOptions& options, std::uint64_t index,
                            std::vector<Incident>* incidents) {
  return simulate_replication(Scenario(nominal), options, index, incidents);
}

Result simulate_replication(Scenario&& nominal, const RunOptions& options, std::uint64_t index,
                            std::vector<Incident>* incidents) {
  ReplicationDraw d = draw_replication(std::move(nominal), options.seed, index);
  RunOptions o = options;
  o.drive_outages = d.drive_outages;
  o.ipl_failures = d.ipl_failures;
  // A draw changes durations, counts and failures, which no static check reads; a forgotten
  // DR definition changes the network checks (test/models/replication_test.cpp).
  if (std::any_of(d.incidents.begin(), d.incidents.end(),
                  [](const Incident& i) { return i.kind == kForgottenDefinition; }))
    o.static_findings = nullptr;
  Result r = simulate(d.scenario, o);
  add_incident_events(r, d.incidents);
  if (incidents) *incidents = std::move(d.incidents);
  return r;
}

nlohmann::json run_replicated(const Scenario& nominal, const RunOptions& options,
                              const ReplicationOptions& ro, std::ostream& err) {
  std::vector<RunSummary> runs = run_batch(nominal, options, ro, err);
  const std::uint64_t median = runs[pick_runs(runs).median].index;
  std::string text;
  try {
    text = run_child([&] {
      return replication_json(simulate_replication(nominal, options, median), median, options.seed)
          .dump();
    });
  } catch (const ReplicationInterrupted&) {
    throw;
  } catch (const std::exception& e) {
    throw ReplicationFailed(
        "replaying the median replication " + std::to_string(median) + " (seed " +
        std::to_string(rng::replication_seed(options.seed, median)) + ") failed: " + e.what());
  }
  nlohmann::json doc = nlohmann::json::parse(text);
  DistributionInput in;
  in.seed = options.seed;
  in.uncertainty = nominal.params.uncertainty.enabled;
  for (const auto& s : doc["systems"]) {
    in.system_names.push_back(s["name"].get<std::string>());
    in.critical.push_back(s["critical"].get<bool>());
  }
  nlohmann::json dist = distribution_json(runs, in);
  nlohmann::json& rec = doc["recovery"];
  rec["critical_up_s_p50"] = dist["critical_up_s"]["p50"];
  rec["critical_up_s_p90"] = dist["critical_up_s"]["p90"];
  rec["all_up_s_p50"] = dist["all_up_s"]["p50"];
  rec["all_up_s_p90"] = dist["all_up_s"]["p90"];
  rec["replications"] = runs.size();
  doc["distribution"] = std::move(dist);
  return doc;
}

nlohmann::json replication_json(const Result& result, std::uint64_t index, std::uint64_t seed) {
  nlohmann::json doc = to_json(result);
  doc["replication"] = {{"index", index}, {"seed", rng::replication_seed(seed, index)}};
  return doc;
}

}  // namespace drsim
