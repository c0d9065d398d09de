#include "app/cli_commands.hpp"

#include <charconv>
#include <string>

#include "app/cli_suggest.hpp"

namespace drsim {
namespace {

void add_set_option(CLI::App* sub, CliOptions& o) {
  sub->add_option("--set", o.sets, "override a scenario value: /json/pointer=JSON (repeatable)")
      ->type_name("/POINTER=VALUE");
}

/// --seed: a decimal integer from 0 to 2^64-1. Without this check CLI11 wraps "-1" and
/// rounds "1e23" to 18446744073709551615.
std::string check_seed(const std::string& text) {
  unsigned long long value = 0;
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || stop != end)
    return "\"" + text.substr(0, 40) + "\" is not a seed; expected an integer from 0 to " +
           std::to_string(~0ULL);
  return {};
}

void define_run(CLI::App& app, CliOptions& o) {
  auto* run = app.add_subcommand("run", "simulate a scenario, write result.json and timeline.html");
  run->add_option("scenario", o.files, "scenario JSON file")->required()->expected(1);
  run->add_option("--out", o.out_dir, "output directory (default drsim-out/<scenario stem>)");
  add_set_option(run, o);
  run->add_option("--seed", o.seed, "random seed (default 1)")
      ->check(CLI::Validator(check_seed, "0..2^64-1", "seed"));
  run->add_option("--replications", o.replications, "Monte Carlo replications")
      ->check(CLI::Range(1, 100000));
  run->add_option("--jobs", o.jobs, "parallel simulations")->check(CLI::Range(1, 256));
  run->add_option("--replication", o.replication,
                  "replay Monte Carlo replication K of --seed alone, with its own timeline");
  run->add_option("--fail-on", o.fail_on,
                  "exit 1 when the run is this bad: rto-missed, error (an error finding or the "
                  "RTO missed) or warning (any warning too)")
      ->check(CLI::IsMember({"rto-missed", "error", "warning"}));
  run->add_flag("--quiet", o.quiet, "no summary on stdout");
  run->add_flag("--pretty", o.pretty,
                "write result.json indented, for people to read (default: compact, one line)");
}

void define_checks(CLI::App& app, CliOptions& o) {
  auto* validate = app.add_subcommand("validate", "check scenario files; report every problem");
  validate->add_option("scenario", o.files, "scenario JSON files")->required();
  add_set_option(validate, o);

  auto* check =
      app.add_subcommand("check", "preflight: production needs vs what the DR site provides");
  check->add_option("scenario", o.files, "scenario JSON file")->required()->expected(1);
  add_set_option(check, o);
  check->add_option("--format", o.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  check->add_option("--against", o.against,
                    "last year's scenario: list what changed at the DR site");
}

void define_results(CLI::App& app, CliOptions& o) {
  auto* compare = app.add_subcommand("compare", "compare two result.json files (CI gate)");
  compare->add_option("files", o.files, "BASELINE.json CURRENT.json")->required()->expected(2);
  compare->add_option("--tolerance", o.tolerances, "5% or 30min, or METRIC=5% (repeatable)");
  compare->add_option("--junit", o.junit, "write JUnit XML here");
  compare->add_option("--markdown", o.markdown, "write a Markdown summary here");

  auto* report = app.add_subcommand("report", "render timeline.html from a saved result.json");
  report->add_option("result", o.files, "result.json")->required()->expected(1);
  report->add_option("--html", o.html,
                     "output HTML file (default: timeline.html beside the result)");

  auto* explain = app.add_subcommand(
      "explain", "why so late: the critical path and what set the RTO, or one system's account");
  explain->add_option("files", o.files, "RESULT.json [SYSTEM]")->required()->expected(1, 2);
  explain->add_option("--format", o.format, "text or json")->check(CLI::IsMember({"text", "json"}));
}

void define_sweep(CLI::App& app, CliOptions& o) {
  auto* sweep = app.add_subcommand("sweep", "run a grid of what-ifs and options (docs/sweep.md)");
  sweep->add_option("scenario", o.files, "scenario or sweep file (SWEEP.json)");
  sweep->add_option("--vary", o.vary, "/pointer=V1,V2,... or /pointer=A..B (repeatable: a grid)");
  sweep->add_option("--option", o.options,
                    "NAME=PATCH.json: a named JSON Merge Patch (repeatable)");
  add_set_option(sweep, o);
  sweep->add_option("--out", o.out_dir, "output directory (default drsim-sweep)");
  sweep->add_option("--seed", o.seed, "random seed of every point (default 1)");
  sweep->add_option("--replications", o.replications, "replications per point")
      ->check(CLI::Range(1, 100000));
  sweep->add_option("--jobs", o.jobs, "points run at once (default 1)")->check(CLI::Range(1, 256));
  sweep->add_option("--shard", o.shard, "K/N: run only the K-th of N slices of the points");
  sweep->add_option("--merge", o.merge, "shard directories to join into --out");
  sweep->add_flag("--quiet", o.quiet, "no progress or summary");
}

void define_helpers(CLI::App& app, CliOptions& o) {
  app.add_subcommand("schema", "print the scenario JSON Schema (draft-07)");
  auto* params = app.add_subcommand(
      "params", "list every model parameter: unit, default, valid range, meaning, source");
  params->add_option("--format", o.format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  auto* make = app.add_subcommand("new", "write a valid starting scenario for a new customer");
  make->add_option("file", o.files, "the scenario file to write (never overwritten)")
      ->required()
      ->expected(1);
  make->add_option("--from", o.from,
                   "start from a shipped scenario: year3 (own DR LPAR, the default), year2, year1 "
                   "or pre-linux")
      ->check(CLI::IsMember({"pre-linux", "year1", "year2", "year3"}));
  auto* help = app.add_subcommand("help", "show the commands, or one command's options");
  help->add_option("command", o.topic, "a command");
  app.add_subcommand("version", "same as --version");
}

/// The option `name` of `scope` or of the top level (the global options).
const CLI::Option* find_option(CLI::App& app, CLI::App* scope, const std::string& name) {
  if (const CLI::Option* opt = scope->get_option_no_throw(name)) return opt;
  return scope == &app ? nullptr : app.get_option_no_throw(name);
}

std::vector<std::string> option_names(CLI::App& app, CLI::App* scope) {
  std::vector<std::string> names;
  for (CLI::App* a : {scope, &app}) {
    for (const CLI::Option* opt : a->get_options()) {
      for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
    }
    if (a == &app) break;
  }
  return names;
}

bool is_option_word(const std::string& a) {
  if (a.size() < 2 || a[0] != '-') return false;
  return !(std::isdigit(static_cast<unsigned char>(a[1])) || a[1] == '.');  // -1, -.5: values
}

std::string scope_name(CLI::App& app, CLI::App* scope) {
  return scope == &app ? "drsim" : "drsim " + scope->get_name();
}

CLI::App* find_command(CLI::App& app, const std::string& name) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

}  // namespace

void define_commands(CLI::App& app, CliOptions& o) {
  app.add_option("--color", o.color_mode,
                 "colours: auto (a terminal, unless NO_COLOR is set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  define_run(app, o);
  define_checks(app, o);
  define_results(app, o);
  define_sweep(app, o);
  define_helpers(app, o);
  add_import_command(app, o);
}

std::vector<std::string> command_names(CLI::App& app) {
  std::vector<std::string> names;
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

std::string command_in(CLI::App& app, const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return "";
    if (!is_option_word(a)) return a;
    const CLI::Option* opt = app.get_option_no_throw(a.substr(0, a.find('=')));
    if (opt && opt->get_items_expected_min() > 0 && a.find('=') == std::string::npos) ++i;
  }
  return "";
}

std::optional<std::string> unknown_word(CLI::App& app, const std::vector<std::string>& args) {
  CLI::App* scope = &app;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    if (is_option_word(a)) {
      std::string name = a.substr(0, a.find('='));
      const CLI::Option* opt = find_option(app, scope, name);
      if (opt == nullptr)
        return "unknown option " + name + " for `" + scope_name(app, scope) + "`" +
               did_you_mean(name, option_names(app, scope));
      if (opt->get_items_expected_min() > 0 && a.find('=') == std::string::npos) ++i;
    } else if (scope == &app) {
      scope = find_command(app, a);
      if (scope == nullptr)
        return "`" + a + "` is not a drsim command" + did_you_mean(a, command_names(app));
    }
  }
  return std::nullopt;
}

}  // namespace drsim
