#include "app/cli.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "app/cli_commands.hpp"
#include "app/cli_suggest.hpp"
#include "models/schema.hpp"

namespace drsim {
namespace {

/// `drsim help [COMMAND]`: the overview, or one command's usage and options.
int cmd_help(CLI::App& app, const CliOptions& o, std::ostream& out, std::ostream& err) {
  app.clear();  // CLI11 would show the help of the command parsed last, `help` itself
  if (o.topic.empty()) {
    out << app.help() << "\n";
    return 0;
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() != o.topic) continue;
    out << sub->help("drsim") << "\n";
    return 0;
  }
  err << "drsim help: `" << o.topic << "` is not a drsim command"
      << did_you_mean(o.topic, command_names(app)) << "\n";
  return 2;
}

/// Why CLI11 refused the command line, in words, and where to read more.
int parse_failure(CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args,
                  std::ostream& err) {
  std::string command = command_in(app, args);
  if (command.empty()) {
    err << "drsim: no command given; the commands are:";
    for (const auto& c : command_names(app)) err << " " << c;
    err << "\nRun `drsim help` for what each does.\n";
    return 2;
  }
  std::string what = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr)
    what = "too many arguments (" + what + ")";
  err << "drsim " << command << ": " << what << "\n"
      << "Run `drsim help " << command << "` for its arguments and options.\n";
  return 2;
}

int dispatch(CLI::App& app, const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (o.command == "run") return cmd_run(o, out, err);
  if (o.command == "validate") return cmd_validate(o, out, err);
  if (o.command == "check") return cmd_check(o, out, err);
  if (o.command == "compare") return cmd_compare(o, out, err);
  if (o.command == "sweep") return cmd_sweep(o, out, err);
  if (o.command == "report") return cmd_report(o, out, err);
  if (o.command == "explain") return cmd_explain(o, out, err);
  if (o.command == "schema") return cmd_schema(o, out, err);
  if (o.command == "params") return cmd_params(o, out, err);
  if (o.command == "new") return cmd_new(o, out, err);
  if (o.command == "import") return cmd_import(o, out, err);
  if (o.command == "help") return cmd_help(app, o, out, err);
  if (o.command == "version") {
    out << version_text();
    return 0;
  }
  err << "drsim: unknown command\n";
  return 2;
}

}  // namespace

bool use_color(const std::string& mode, bool stdout_is_terminal, const char* no_color_env) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  bool no_color = no_color_env != nullptr && *no_color_env != '\0';
  return stdout_is_terminal && !no_color;
}

std::string version_text() {
  return std::string("drsim ") + DRSIM_VERSION + "\n" + "SimGrid " + DRSIM_SIMGRID_VERSION +
         " (built with)\n" + "scenario schema version " + std::to_string(kScenarioSchemaVersion) +
         "\n";
}

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CliOptions o;
  CLI::App app{"drsim - discrete-event simulator of mainframe disaster-recovery exercises",
               "drsim"};
  app.set_version_flag("--version", std::string(DRSIM_VERSION),
                       "print drsim's, SimGrid's and the scenario schema's versions");
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(
      "Run `drsim help COMMAND` for a command's options. Exit codes: 0 fine, 1 the answer "
      "is no (invalid scenario, error finding, regression), 2 could not run.");
  define_commands(app, o);

  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  if (auto unknown = unknown_word(app, args)) {
    std::string command = command_in(app, args);
    auto known = command_names(app);
    bool valid = std::find(known.begin(), known.end(), command) != known.end();
    err << "drsim: " << *unknown << "\nRun `drsim help" << (valid ? " " + command : "")
        << "` for the " << (valid ? "options of " + command : "commands") << ".\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::string command = command_in(app, args);
    o.topic = command == "help" ? "" : command;
    return cmd_help(app, o, out, err);
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    out << version_text();
    return 0;
  } catch (const CLI::ParseError& e) {
    return parse_failure(app, e, args, err);
  }
  for (auto* sub : app.get_subcommands()) o.command = sub->get_name();
  bool terminal = &out == &std::cout && isatty(STDOUT_FILENO) != 0;
  o.color = use_color(o.color_mode, terminal, std::getenv("NO_COLOR"));
  return dispatch(app, o, out, err);
}

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::vector<const char*> argv{"drsim"};
  for (const auto& a : args) argv.push_back(a.c_str());
  return run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
}

}  // namespace drsim
