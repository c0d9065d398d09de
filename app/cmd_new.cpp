// drsim new [--from year3] FILE: a valid, commented starting scenario for a new customer: a
// shipped scenario with "_comment" notes on what to change, named after FILE.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <utility>

#include "app/cli.hpp"
#include "app/output_files.hpp"
#include "app/scenario_templates.hpp"
#include "models/json_reader.hpp"

namespace drsim {
namespace {

using Doc = nlohmann::ordered_json;

/// Notes for the places a planner edits first: (JSON Pointer, note).
const std::vector<std::pair<const char*, const char*>>& notes() {
  static const std::vector<std::pair<const char*, const char*>> n{
      {"",
       "A starting point made by `drsim new`: replace the example values with your site's, "
       "then run `drsim validate` and `drsim check`. Every object may carry a \"_comment\" "
       "like this one; drsim ignores them. Model defaults: `drsim params`. The format: "
       "scenarios/README.md (installed: /usr/share/doc/drsim) and `drsim schema`."},
      {"/exercise",
       "The test window (week times such as \"Mon 08:00\") and the RTO the "
       "critical systems must meet, counted from the start."},
      {"/production",
       "What your production site runs: the machine, the z/OS and z/VM systems "
       "(memory, CPs, critical ones) and the z/VM guests."},
      {"/production/guests",
       "Guests of a z/VM: kind linux or cms, the memory they define and "
       "what they need (z/OS, Hipersocket, VSWITCH). app_start is the "
       "application's start on an idle machine; it stretches under CPU "
       "and paging pressure."},
      {"/dr_site",
       "What the DR vendor provides: the machine, the LPARs (CPs, memory, weights), "
       "where each production system goes (placements), tape drives and networks."},
      {"/backups",
       "What is restored from tape: dump volumes per system (count and 3390 model) "
       "and TSM file restores."},
      {"/plan",
       "The recovery plan, in order. `after` makes a step wait for other steps; an IPL "
       "waits for its system's restore anyway."},
      {"/reactions",
       "What the operators do when a finding appears (e.g. force off guests when "
       "paging stays high); empty: nobody reacts."},
  };
  return n;
}

/// `obj` with a "_comment" first, then its keys in their order.
Doc with_comment(const Doc& obj, const char* note) {
  Doc out = Doc::object();
  out[kCommentKey] = note;
  for (const auto& [k, v] : obj.items()) out[k] = v;
  return out;
}

Doc annotated(const char* text, const std::string& name) {
  Doc doc = Doc::parse(text);
  doc["name"] = name;
  doc["description"] = "Describe the site and this test here (shown at the top of the timeline).";
  for (const auto& [ptr, note] : notes()) {
    Doc::json_pointer p(ptr);
    if (!doc.contains(p)) continue;
    Doc& v = doc.at(p);
    if (v.is_object())
      v = with_comment(v, note);
    else if (v.is_array() && !v.empty() && v[0].is_object())  // an array: on its first item
      v[0] = with_comment(v[0], note);
  }
  return doc;
}

}  // namespace

int cmd_new(const CliOptions& o, std::ostream& out, std::ostream& err) {
  const std::string& file = o.files.at(0);
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) {
    err << "drsim new: " << file << " exists; drsim new never overwrites a file\n";
    return 2;
  }
  const generated::ScenarioTemplate* from = nullptr;
  for (const auto& t : generated::kScenarioTemplates)
    if (o.from == t.name) from = &t;
  if (from == nullptr) {
    err << "drsim new: no template " << o.from << "\n";
    return 2;
  }
  std::string name = std::filesystem::path(file).stem().string();
  try {
    write_file_atomic(file, annotated(from->text, name).dump(2) + "\n");
  } catch (const std::exception& e) {
    err << "drsim new: " << e.what() << "\n";
    return 2;
  }
  if (!o.quiet)
    out << "wrote " << file << " (from " << from->stem << "); next: drsim validate " << file
        << "\n";
  return 0;
}

}  // namespace drsim
