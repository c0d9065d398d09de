#include "app/cli.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <sstream>

namespace drsim {
namespace {

void add_set_option(CLI::App* sub, CliOptions& o) {
  sub->add_option("--set", o.sets, "override a scenario value: /json/pointer=JSON (repeatable)")
      ->type_name("/POINTER=VALUE");
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CliOptions o;
  CLI::App app{"drsim - discrete-event simulator of mainframe disaster-recovery exercises"};
  app.set_version_flag("--version", std::string(DRSIM_VERSION));
  app.require_subcommand(1);

  auto* run = app.add_subcommand("run", "simulate a scenario, write result.json and timeline.html");
  run->add_option("scenario", o.files, "scenario JSON file")->required()->expected(1);
  run->add_option("--out", o.out_dir, "output directory (default drsim-out/<scenario stem>)");
  add_set_option(run, o);
  run->add_option("--seed", o.seed, "random seed (default 1)");
  run->add_option("--replications", o.replications, "Monte Carlo replications")
      ->check(CLI::Range(1, 100000));
  run->add_option("--jobs", o.jobs, "parallel simulations")->check(CLI::Range(1, 256));
  run->add_option("--replication", o.replication,
                  "replay Monte Carlo replication K of --seed alone, with its own timeline");
  run->add_flag("--quiet", o.quiet, "no summary on stdout");

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

  auto* compare = app.add_subcommand("compare", "compare two result.json files (CI gate)");
  compare->add_option("files", o.files, "BASELINE.json CURRENT.json")->required()->expected(2);
  compare->add_option("--tolerance", o.tolerances, "5% or 30min, or METRIC=5% (repeatable)");
  compare->add_option("--junit", o.junit, "write JUnit XML here");
  compare->add_option("--markdown", o.markdown, "write a Markdown summary here");

  auto* report = app.add_subcommand("report", "render timeline.html from a saved result.json");
  report->add_option("result", o.files, "result.json")->required()->expected(1);
  report->add_option("--html", o.html,
                     "output HTML file (default: timeline.html beside the result)");

  app.add_subcommand("schema", "print the scenario JSON Schema (draft-07)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    out << DRSIM_VERSION << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    err << "drsim: " << e.what() << "\n";
    if (e.get_exit_code() != 0) err << "Run 'drsim --help' for the commands.\n";
    return 2;
  }
  for (auto* sub : app.get_subcommands()) o.command = sub->get_name();
  o.color = isatty(STDOUT_FILENO) != 0 && &out == &std::cout;

  if (o.command == "run") return cmd_run(o, out, err);
  if (o.command == "validate") return cmd_validate(o, out, err);
  if (o.command == "check") return cmd_check(o, out, err);
  if (o.command == "compare") return cmd_compare(o, out, err);
  if (o.command == "report") return cmd_report(o, out, err);
  if (o.command == "schema") return cmd_schema(o, out, err);
  err << "drsim: unknown command\n";
  return 2;
}

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::vector<const char*> argv{"drsim"};
  for (const auto& a : args) argv.push_back(a.c_str());
  return run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
}

}  // namespace drsim
